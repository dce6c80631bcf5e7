/**
 * A received letter's text is analysed in the web app's heavy runner (worker threads), not in the request thread:
 * a letter may hold 400,000 characters, which take seconds to analyse, and every other request would wait.
 */
import fs from 'node:fs';
import path from 'node:path';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { createApp } from '../../src/web/app';
import { inProcessRunner, type HeavyRunner } from '../../src/planning/heavy';
import { WorkerPool } from '../../src/planning/worker-pool';
import { analyseText } from '../../src/letters/analyse-text';
import { extractText, mammothText } from '../../src/letters/extract';
import { letterLimits } from '../../src/model/letters';
import { readAllParts, zip } from '../hardening/files';

const letter = (n: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'letters', 'files', n));

describe('letter analysis off the request thread', () => {
  const pool = new WorkerPool({ size: 1 });
  afterAll(() => pool.close());

  it('When letters are posted to the API and the page, then each text goes to the heavy runner and its analysis is stored', async () => {
    const db = memoryDb();
    const seen: number[] = [];
    const docx: number[] = [];
    const runner: HeavyRunner = {
      ...inProcessRunner,
      analyseLetter: (text) => { seen.push(text.length); return inProcessRunner.analyseLetter(text); },
      docxText: (bytes) => { docx.push(bytes.length); return inProcessRunner.docxText(bytes); },
    };
    const planner = await agentAs(createApp({ db, heavy: runner }), db, 'planner');
    const api = await planner.post('/api/letters').attach('file', letter('L03-valer-innlandet.txt'), 'L03-valer-innlandet.txt').expect(201);
    await planner.post('/letters').attach('file', letter('L02-heroy-more.docx'), 'L02-heroy-more.docx').expect(200);
    expect(seen).toHaveLength(2);
    expect(docx).toEqual([letter('L02-heroy-more.docx').length]);
    const stored = await planner.get(`/api/letters/${api.body.items[0].letterId}`).expect(200);
    expect(stored.body.kommunenummer).toBe('3419');
    expect(stored.body.analysis.suggestions).toBeDefined();
    db.close();
  });

  it('When a worker thread analyses a letter or reads a DOCX, then its result equals the one made in this thread', async () => {
    const text = letter('L03-valer-innlandet.txt').toString('utf8');
    expect(await pool.analyseLetter(text)).toEqual(analyseText(text));
    const docx = letter('L02-heroy-more.docx');
    expect(await pool.docxText(docx)).toBe(await mammothText(docx));
  });

  it('When a worker thread cannot read a DOCX, then the letter is refused as unreadable, as in this thread', async () => {
    // A sound archive whose document.xml is not well-formed: the guard passes it, mammoth's XML parser throws.
    const broken = zip(readAllParts(letter('L02-heroy-more.docx')).map((p) => (p.name === 'word/document.xml' ? { ...p, data: Buffer.from('<w:document><w:body><w:p>unclosed') } : p)));
    const inWorker = await extractText(broken, 'skadet.docx', undefined, (b) => pool.docxText(b));
    expect(inWorker).toMatchObject({ ok: false, code: 'corrupt', said: { key: 'let.refuse.docxUnreadable' } });
    if (!inWorker.ok) expect(inWorker.message).toMatch(/xmldom error/);
    expect(await extractText(broken, 'skadet.docx')).toMatchObject({ ok: false, code: 'corrupt', said: { key: 'let.refuse.docxUnreadable' } });
  });

  it('When a letter of the largest allowed length is being analysed, then /healthz answers before the upload does', async () => {
    const db = memoryDb();
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => { started = r; });
    const runner: HeavyRunner = { ...inProcessRunner, analyseLetter: (text) => { started(); return pool.analyseLetter(text); } };
    const app = createApp({ db, heavy: runner });
    const planner = await agentAs(app, db, 'planner');
    const base = letter('L03-valer-innlandet.txt').toString('utf8');
    const long = Buffer.from(base.repeat(Math.ceil(letterLimits.maxTextChars / base.length)).slice(0, letterLimits.maxTextChars));
    const order: string[] = [];
    const upload = planner.post('/api/letters?dryRun=true').attach('file', long, 'langt-brev.txt').then((r) => { order.push('upload'); return r; });
    await running;
    const health = await planner.get('/healthz');
    order.push('healthz');
    expect(health.status).toBe(200);
    expect((await upload).status).toBe(200);
    expect(order).toEqual(['healthz', 'upload']);
    db.close();
  }, 60000);
});
