import { kommunenummer } from '../../src/common/kommunenummer';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { createApp } from '../../src/web/app';
import { listAudit } from '../../src/db/audit-repo';
import { getResponse, responseHistory, saveResponse } from '../../src/db/responses-repo';
import { provenanceOf } from '../../src/db/letters-repo';
import type { Db } from '../../src/db/connection';
import { letterLimits } from '../../src/model/letters';
import { sayLocal } from '../../src/common/errors';
import { loadSampleAnswers } from '../../src/samples';
import { answersStatus, listResponses } from '../../src/db/responses-repo';

const dir = path.join(__dirname, '..', 'fixtures', 'letters');
const f = (n: string) => path.join(dir, 'files', n);

async function withThreeLetters() {
  const db = memoryDb();
  const app = createApp({ db });
  const planner = await agentAs(app, db, 'planner');
  const res = await planner.post('/api/letters').attach('file', f('L01-heroy-nordland.pdf')).attach('file', f('L02-heroy-more.docx')).attach('file', f('L03-valer-innlandet.txt'));
  expect(res.status).toBe(201);
  return { db, app, planner, ids: res.body.items.map((i: { letterId: number }) => i.letterId) as number[] };
}

const coding = { kommunenummer: '1818', wantsStation: 'yes', offersPremises: true, premisesText: 'rådhuset på Silvalen', coLocation: ['rådhus'], satisfied: 'no', channels: ['station', 'presence'] };

describe('letters API', () => {
  it('When an upload is over the limit, then it answers 413 in the reader\'s language and stores nothing', async () => {
    const db = memoryDb();
    const app = createApp({ db });
    const planner = await agentAs(app, db, 'planner');
    const oneFile = await planner.post('/api/letters?lang=nb').attach('file', Buffer.alloc(letterLimits.maxBatchBytes + 10, 0x41), 'stor.txt');
    expect(oneFile.status).toBe(413);
    expect(oneFile.body.error.message).toBe(`Filen er større enn grensen på ${letterLimits.maxBatchBytes} byte (50 MB).`);
    const whole = await planner.post('/api/letters?lang=en').attach('file', Buffer.alloc(letterLimits.maxBatchBytes + 2 * 1024 * 1024, 0x41), 'big.txt');
    expect(whole.status).toBe(413);
    expect(whole.body.error.message).toMatch(/^The upload is \d+ bytes; at most 52428800 bytes \(50 MB\) can be sent at once\.$/);
    expect((await planner.get('/api/letters').expect(200)).body.count).toBe(0);
  });

  it('When three letters are posted as repeated multipart "file" fields, then they are listed with sender, confidence and coding status', async () => {
    const { app, db } = await withThreeLetters();
    const viewer = await agentAs(app, db, 'viewer');
    const list = await viewer.get('/api/letters').expect(200);
    expect(list.body.count).toBe(3);
    expect(list.body.letters.map((l: { kommunenummer: string }) => l.kommunenummer).sort()).toEqual(['1515', '1818', '3419']);
    expect(list.body.letters[0]).toMatchObject({ codingStatus: 'uncoded', senderStatus: expect.any(String), senderConfidence: expect.any(Number) });
    const one = await viewer.get('/api/letters/1').expect(200);
    expect(one.body.analysis.suggestions).toMatchObject({ wantsStation: 'yes', offersPremises: true });
    expect(one.body.analysis.evidence.length).toBeGreaterThan(0);
    const file = await viewer.get('/api/letters/1/file').buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(file.body).equals(fs.readFileSync(f('L01-heroy-nordland.pdf')))).toBe(true);
  });

  it('When an upload holds an encrypted PDF, then the answer is 422 naming it, and nothing is stored', async () => {
    const db = memoryDb();
    const planner = await agentAs(createApp({ db }), db, 'planner');
    const res = await planner.post('/api/letters').attach('file', f('L01-heroy-nordland.pdf')).attach('file', path.join(dir, 'refused', 'encrypted.pdf')).expect(422);
    expect(res.body.items.find((i: { outcome: string }) => i.outcome === 'refused')).toMatchObject({ file: 'encrypted.pdf', code: 'encrypted' });
    expect((await planner.get('/api/letters').expect(200)).body.count).toBe(0);
  });

  it('When a viewer or a district leader uploads or codes, then it is refused (403) and nothing changes', async () => {
    const { app, db } = await withThreeLetters();
    for (const role of ['viewer', 'district'] as const) {
      const agent = await agentAs(app, db, role, role === 'district' ? 'Nordland' : undefined);
      await agent.post('/api/letters').attach('file', f('L04-valer-ostfold.pdf')).expect(403);
      await agent.post('/api/letters/1/coding').send(coding).expect(403);
    }
    expect(getResponse(db, '1818')).toBeNull();
  });

  it('When a district leader reads letters, then only their own district is listed, searched and counted, and another district\'s letter is 404 as if it did not exist', async () => {
    const { app, db } = await withThreeLetters();
    const nordland = await agentAs(app, db, 'district', 'Nordland');
    const list = await nordland.get('/api/letters').expect(200);
    expect(list.body.letters.map((l: { kommunenummer: string }) => l.kommunenummer)).toEqual(['1818']);
    expect(list.body).toMatchObject({ count: 1, samples: 0, shown: 1 });
    await nordland.get('/api/letters/1').expect(200);
    // Letter 2 (Herøy, Møre og Romsdal) exists; the answer is the one for an id that names no letter.
    const none = await nordland.get('/api/letters/999?lang=en').expect(404);
    for (const url of ['/api/letters/2', '/api/letters/2/file', '/letters/2/file']) {
      const other = await nordland.get(`${url}?lang=en`).expect(404);
      expect(other.body).toEqual(JSON.parse(JSON.stringify(none.body).replace(/999/g, '2')));
      expect(other.body.error.message).toBe('There is no letter with id 2.');
    }
    const otherPage = await nordland.get('/letters/2').set('Accept', 'text/html').expect(404);
    const nonePage = await nordland.get('/letters/999').set('Accept', 'text/html').expect(404);
    expect(otherPage.text.replace(/\b2\b/g, 'ID')).toBe(nonePage.text.replace(/\b999\b/g, 'ID'));
    expect(otherPage.text).not.toContain('Herøy');
    const page = await nordland.get('/letters').set('Accept', 'text/html').expect(200);
    expect([...page.text.matchAll(/<tr data-letter-id="(\d+)"/g)].map((m) => m[1])).toEqual(['1']);
    expect(page.text).not.toContain('L02-heroy-more.docx');
    expect(page.text).not.toContain('L03-valer-innlandet.txt');
    // A letter whose sender is not known belongs to no district: hidden from district leaders too.
    const unknown = await agentAs(app, db, 'planner').then((p) => p.post('/api/letters').attach('file', Buffer.from('Hei.\n\nVi har lest brevet om polititjenester og har ingen merknader til saken nå. Med hilsen Ordføreren'), 'ukjent.txt').expect(201));
    const unknownId = unknown.body.items[0].letterId as number;
    expect(unknown.body.items[0].sender.kommunenummer).toBeNull();
    await nordland.get(`/api/letters/${unknownId}`).expect(404);
    expect((await nordland.get('/api/letters').expect(200)).body).toMatchObject({ count: 1, shown: 1 });
    await plannerReadsEveryDistrict(app, db);
    const search = await nordland.get('/api/letters/search?q=politi').expect(200);
    expect(search.body.hits.every((h: { kommunenummer: string }) => h.kommunenummer === '1818')).toBe(true);
    const overview = await nordland.get('/api/letters/overview').expect(200);
    expect(overview.body.byDistrict.map((r: { name: string }) => r.name)).toEqual(['Nordland']);
  });

  it('When the letters are searched, then each hit has its kommunenummer and a snippet with the word marked, and filters narrow the hits', async () => {
    const { planner } = await withThreeLetters();
    const res = await planner.get('/api/letters/search?q=lensmannskontor').expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.hits[0]).toMatchObject({ kommunenummer: '1818', snippet: expect.stringContaining('<mark>lensmannskontoret</mark>') });
    expect(typeof res.body.tookMs).toBe('number');
    const filtered = await planner.get('/api/letters/search?q=politiet&district=p08').expect(200);
    expect(filtered.body.hits.map((h: { kommunenummer: string }) => h.kommunenummer)).toEqual(['1515']);
    const noWords = await planner.get('/api/letters/search?q=').expect(400);
    expect(noWords.body.error.message).toBe('q mangler: ordene det skal søkes etter.');
    const badFilter = await planner.get('/api/letters/search?q=x&district=Oslo').expect(400);
    expect(badFilter.body.error.message).toContain('district');
    const noSearchable = await planner.get('/api/letters/search?q=%22%22').expect(400);
    expect(noSearchable.body.error.message).toBe('q har ikke noe ord det kan søkes på: «""».');
  });

  it('When a planner confirms a coding, then it is stored through the answers model with the letter, sentences, who and when as provenance, in the history and the audit log', async () => {
    const { planner, db } = await withThreeLetters();
    // an answer typed earlier from a spreadsheet: the coding replaces it and the history keeps it
    saveResponse(db, { ...getEmpty('1818'), q2: { satisfied: 'yes', reasons: '' } }, { source: 'svar.xlsx', isSample: false, importId: null, changedBy: 'ola', changedAt: '2022-06-01T00:00:00Z' }, 'import');
    const res = await planner.post('/api/letters/1/coding').send(coding).expect(201);
    expect(res.body).toMatchObject({ applied: true, responseVersion: 2, kommunenummer: '1818' });
    const answer = getResponse(db, '1818')!;
    expect(answer).toMatchObject({ source: 'brev 1: L01-heroy-nordland.pdf', changedBy: 'test-planner', version: 2 });
    expect(answer.q5).toMatchObject({ wantsStation: 'yes', premises: [expect.objectContaining({ address: 'rådhuset på Silvalen', coLocatedWith: 'rådhus' })] });
    expect(answer.q2.satisfied).toBe('no');
    expect(answer.q4).toMatchObject({ station: 'more', presence: 'more' });
    const history = responseHistory(db, '1818');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ replacedBy: 'test-planner', reason: 'correction', snapshot: expect.objectContaining({ source: 'svar.xlsx' }) });
    expect(history[0].said).toMatchObject({ key: 'resp.note.coded', params: { letter: 1, file: 'L01-heroy-nordland.pdf' } });
    expect(sayLocal('nb', history[0].said!)).toMatch(/^koding av brev 1 \(L01-heroy-nordland\.pdf, sha256 [0-9a-f]{12}…\): Ønsker nytt tjenestested \(spm\. 5\): Ja «Ja, Herøy kommune ønsker et nytt tjenestested\.»/);
    expect(sayLocal('en', history[0].said!)).toMatch(/^coding of letter 1 \(L01-heroy-nordland\.pdf, sha256 [0-9a-f]{12}…\): Wants a new station \(Q5\): Yes «Ja, Herøy kommune ønsker et nytt tjenestested\.»/);
    const page = (await planner.get('/responses/1818?lang=en').expect(200)).text;
    expect(page).toContain('letter 1: L01-heroy-nordland.pdf');
    expect(page).toContain('coding of letter 1');
    const prov = provenanceOf(db, '1818');
    expect(prov.find((p) => p.field === 'wantsStation')).toMatchObject({ responseVersion: 2, letterId: 1, sentence: 'Ja, Herøy kommune ønsker et nytt tjenestested.', confirmedBy: 'test-planner' });
    const audit = listAudit(db, { entity: 'letter' }).entries.find((e) => e.action === 'code');
    expect(audit).toMatchObject({ actor: 'test-planner', entityId: '1' });
    expect(listAudit(db, { entity: 'response', entityId: '1818' }).entries[0].said).toEqual(history[0].said);
  });

  it('When a coding is invalid, then it is refused with the field named and nothing is written', async () => {
    const { planner, db } = await withThreeLetters();
    const res = await planner.post('/api/letters/1/coding').send({ ...coding, wantsStation: 'maybe' }).expect(400);
    expect(res.body.error.message).toContain('wantsStation');
    await planner.post('/api/letters/1/coding').send({ ...coding, kommunenummer: '9999' }).expect(422);
    await planner.post('/api/letters/1/coding').send({ ...coding, evidence: { wantsStation: { start: 0, end: 999999 } } }).expect(400);
    expect(getResponse(db, '1818')).toBeNull();
    await planner.post('/api/letters/99/coding').send(coding).expect(404);
    // The same refusal from the letter's page is shown on the page in the reader's language.
    const page = await planner.post('/letters/1/coding').type('form')
      .send({ kommunenummer: '1818', wantsStation: 'yes', offersPremises: 'false', satisfied: 'yes', source_wantsStation: '0-999999' }).expect(422);
    expect(page.text).toContain('evidence.wantsStation: tegnposisjonene 0–999999 ligger utenfor brevets tekst');
    expect(getResponse(db, '1818')).toBeNull();
  });

  it('When a second planner codes the same letter independently, then it is not applied, the disagreements show and kappa is reported per question', async () => {
    const { app, db, planner } = await withThreeLetters();
    await planner.post('/api/letters/1/coding').send(coding).expect(201);
    await planner.post('/api/letters/2/coding').send({ kommunenummer: '1515', wantsStation: 'no', offersPremises: false, satisfied: 'partly', channels: ['presence'] }).expect(201);
    const second = await agentAs(app, db, 'admin');
    const hidden = await second.get('/api/letters/1').expect(200);
    expect(hidden.body.codings[0]).toMatchObject({ hidden: true });
    await planner.post('/api/letters/1/coding').send({ ...coding, role: 'second' }).expect(409);
    const out = await second.post('/api/letters/1/coding').send({ ...coding, role: 'second', satisfied: 'partly' }).expect(201);
    expect(out.body).toMatchObject({ applied: false, responseVersion: null });
    await second.post('/api/letters/2/coding').send({ kommunenummer: '1515', wantsStation: 'no', offersPremises: false, satisfied: 'partly', channels: ['presence'], role: 'second' }).expect(201);
    expect(getResponse(db, '1818')!.q2.satisfied).toBe('no');
    const agreement = (await planner.get('/api/letters/agreement').expect(200)).body;
    expect(agreement.letters).toBe(2);
    expect(agreement.disagreements).toEqual([expect.objectContaining({ letterId: 1, question: 'q2Satisfied', valueA: 'no', valueB: 'partly' })]);
    expect(agreement.perQuestion.q5WantsStation).toMatchObject({ n: 2, observed: 1, kappa: 1 });
    expect(agreement.perQuestion.q2Satisfied).toMatchObject({ n: 2, observed: 0.5 });
  });

  it('When the overview is exported, then CSV and XLSX list the districts, counties and the municipalities that have not answered', async () => {
    const { planner, db } = await withThreeLetters();
    const csv = await planner.get('/letters/overview.csv').expect(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('politidistrikt;p10;Nordland;41;1;40;1;0;1;');
    expect(csv.text).toContain('ikke svart;0301;Oslo');
    const xlsx = await planner.get('/letters/overview.xlsx').buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); }).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as Buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Politidistrikt', 'Fylke', 'Har ikke svart', 'Sammendrag']);
    expect(wb.getWorksheet('Har ikke svart')!.rowCount).toBe(1 + 357 - 3);
    const english = await planner.get('/letters/overview.csv?lang=en').expect(200);
    expect(english.text).toContain('police district;p10;Nordland;41;1;40;1;0;1;');
    expect(english.text).toContain('no answer;0301;Oslo');
    void db;
  });

  it('When the letter pages are opened, then the overview, the highlighted letter and (for planners) the coding form are shown; viewers get no form', async () => {
    const { app, db, planner } = await withThreeLetters();
    const page = await planner.get('/letters').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('data-testid="letters-overview"');
    const letter = await planner.get('/letters/1').set('Accept', 'text/html').expect(200);
    expect(letter.text).toContain('data-testid="coding-form"');
    expect(letter.text).toMatch(/<mark class="ev"[^>]*data-fields="[^"]*wantsStation[^"]*">Ja, Herøy kommune ønsker et nytt tjenestested\.<\/mark>/);
    const viewer = await agentAs(app, db, 'viewer');
    const view = await viewer.get('/letters/1').set('Accept', 'text/html').expect(200);
    expect(view.text).not.toContain('data-testid="coding-form"');
    expect(view.text).toContain('data-testid="suggestions-readonly"');
    // The received date starts as the date of the letter's dateline ("… Vår ref.: 2022/318 Silvalen, 24.05.2022" in the PDF).
    expect(letter.text).toContain('<input type="date" name="receivedDate" value="2022-05-24">');
    // A letter without a dateline starts with the day it was received.
    const undated = await planner.post('/api/letters').attach('file', f('L35-heroy-uten-kontekst.txt')).expect(201);
    const undatedId = undated.body.items[0].letterId as number;
    const receivedAt = (await planner.get(`/api/letters/${undatedId}`).expect(200)).body.receivedAt as string;
    const undatedPage = await planner.get(`/letters/${undatedId}`).set('Accept', 'text/html').expect(200);
    expect(undatedPage.text).toContain(`<input type="date" name="receivedDate" value="${receivedAt.slice(0, 10)}">`);
    // No sample answers loaded: nothing to warn about.
    expect(letter.text).not.toContain('data-testid="samples-warning"');
  });

  it('When sample answers are loaded, then the page warns before a real letter is coded that all of them will be removed, and says afterwards how many were', async () => {
    const { app, db, planner } = await withThreeLetters();
    await loadSampleAnswers(db, { by: 'test', now: '2022-06-01T00:00:00Z' });
    const samples = listResponses(db).filter((r) => r.sample).length;
    expect(samples).toBeGreaterThan(300);
    const before = await planner.get('/letters/1').set('Accept', 'text/html').expect(200);
    expect(before.text).toContain(`<p class="let-warn" role="note" id="samples-warning" data-testid="samples-warning" data-kind="remove">Eksempelsvarene er lastet inn. Når du bekrefter denne kodingen som førstekoder, fjernes alle ${samples} eksempelsvar`);
    expect(before.text).toMatch(/<button type="submit" data-testid="confirm-coding" aria-describedby="samples-warning">/);
    const english = await planner.get('/letters/1?lang=en').set('Accept', 'text/html').expect(200);
    expect(english.text).toContain(`Sample answers are loaded. When you confirm this coding as the primary coder, all ${samples} sample answers are removed`);
    // A viewer codes nothing and is not warned.
    const viewer = await agentAs(app, db, 'viewer');
    expect((await viewer.get('/letters/1').set('Accept', 'text/html').expect(200)).text).not.toContain('samples-warning');

    const saved = await planner.post('/letters/1/coding').type('form')
      .send({ kommunenummer: '1818', wantsStation: 'yes', offersPremises: 'false', satisfied: 'no', role: 'primary' }).expect(303);
    expect(saved.headers.location).toBe(`/letters/1?saved=${getResponse(db, '1818')!.version}&samplesRemoved=${samples}`);
    expect(answersStatus(db)).toMatchObject({ sample: false, count: 1 });
    const after = await planner.get(saved.headers.location).set('Accept', 'text/html').expect(200);
    // The language chosen with ?lang=en above stays for the session.
    expect(after.text).toContain(`<span data-testid="samples-removed">${samples} sample answers were removed.</span>`);
    expect(after.text).not.toContain('data-testid="samples-warning"');
  });

  it('When sample answers and sample letters are loaded, then a sample letter\'s page warns that the chosen municipality\'s sample answer will be replaced', async () => {
    const db = memoryDb();
    const app = createApp({ db });
    const planner = await agentAs(app, db, 'planner');
    await loadSampleAnswers(db, { by: 'test', now: '2022-06-01T00:00:00Z' });
    const loaded = await planner.post('/api/letters/sample').expect(201);
    const id = loaded.body.items[0].letterId as number;
    const page = await planner.get(`/letters/${id}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('data-testid="samples-warning" data-kind="replace">Dette er et eksempelbrev: når du bekrefter kodingen som førstekoder, erstattes eksempelsvaret til kommunen du velger');
    const samples = listResponses(db).filter((r) => r.sample).length;
    await planner.post(`/api/letters/${id}/coding`).send({ ...coding, kommunenummer: loaded.body.items[0].sender.kommunenummer }).expect(201);
    expect(listResponses(db).filter((r) => r.sample).length).toBe(samples);
  });
});

/** A planner still reads every district's letters. */
async function plannerReadsEveryDistrict(app: ReturnType<typeof createApp>, db: Db) {
  const planner = await agentAs(app, db, 'planner');
  await planner.get('/api/letters/2').expect(200);
  expect((await planner.get('/api/letters').expect(200)).body).toMatchObject({ count: 4, shown: 4 });
}

function getEmpty(knr: string) {
  return {
    kommunenummer: kommunenummer(knr), receivedDate: null, q1: { challenges: '', areas: [] }, q2: { satisfied: 'not_answered' as const, reasons: '' }, q3: { cooperation: '', resources: '' },
    q4: { station: 'not_answered' as const, presence: 'not_answered' as const, attendance: 'not_answered' as const, telephone: 'not_answered' as const, internet: 'not_answered' as const, comment: '' },
    q5: { wantsStation: 'not_answered' as const, premises: [] },
  };
}
export type { Db };
