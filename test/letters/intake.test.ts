import fs from 'node:fs';
import path from 'node:path';
import { memoryDb } from '../helpers/app';
import { intakeLetters, type IntakeFile } from '../../src/letters/intake';
import { extractText } from '../../src/letters/extract';
import { getLetter, letterFile, lettersStatus, listLetters } from '../../src/db/letters-repo';
import { listAudit } from '../../src/db/audit-repo';
import { loadSampleLetters, SampleLettersConflictError } from '../../src/letters/samples';
import { searchLetters } from '../../src/letters/search';

const dir = path.join(__dirname, '..', 'fixtures', 'letters');
const file = (rel: string): IntakeFile => ({ name: path.basename(rel), bytes: fs.readFileSync(path.join(dir, rel)) });
const opts = { dryRun: false, by: 'kari', now: '2022-06-02T08:00:00.000Z', channel: 'cli' as const };

describe('letter intake', () => {
  it('When a PDF, a DOCX and a TXT letter are received, then each is stored with its original bytes, hash, text, sender and suggestions, and audited', async () => {
    const db = memoryDb();
    const files = [file('files/L01-heroy-nordland.pdf'), file('files/L02-heroy-more.docx'), file('files/L13-hole.txt')];
    const report = await intakeLetters(db, files, opts);
    expect(report.status).toBe('applied');
    expect(report.items.map((i) => [i.format, i.sender?.kommunenummer])).toEqual([['pdf', '1818'], ['docx', '1515'], ['txt', '3310']]);
    const stored = getLetter(db, report.items[0].letterId!)!;
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(letterFile(db, stored.id)!.bytes.equals(files[0].bytes)).toBe(true);
    expect(stored.text).toContain('Ja, Herøy kommune ønsker et nytt tjenestested');
    expect(stored.analysis.suggestions.wantsStation).toBe('yes');
    expect(getLetter(db, report.items[2].letterId!)!.encoding).toBe('windows-1252');
    expect(listAudit(db, { entity: 'letter' }).entries.filter((e) => e.action === 'create')).toHaveLength(3);
  });

  it('When one file of a ZIP batch is encrypted, then the whole batch is refused, nothing is stored, and the report names the file and the reason', async () => {
    const db = memoryDb();
    const report = await intakeLetters(db, [file('batch-with-encrypted.zip')], opts);
    expect(report.status).toBe('rejected');
    expect(report.items.find((i) => i.outcome === 'refused')).toMatchObject({ file: 'batch-with-encrypted.zip/brev/kryptert.pdf', code: 'encrypted' });
    expect(report.items.filter((i) => i.outcome === 'new')).toHaveLength(3);
    expect(lettersStatus(db).count).toBe(0);
    expect(listAudit(db, { entity: 'letter' }).total).toBe(0);
  });

  it.each([
    ['refused/encrypted.pdf', 'encrypted', /password/],
    ['refused/image-only.pdf', 'image_only', /only images/],
    ['refused/empty.pdf', 'empty', /no readable text/],
    ['refused/empty.txt', 'empty', /0 bytes/],
    ['refused/whitespace.txt', 'empty', /no readable text/],
    ['refused/truncated.pdf', 'corrupt', /could not be read/],
    ['refused/password-protected.docx', 'encrypted', /password/],
    ['refused/picture.png', 'image_only', /image/],
  ])('When %s is extracted, then it is refused as %s with a clear message', async (rel, code, message) => {
    const out = await extractText(fs.readFileSync(path.join(dir, rel)), path.basename(rel));
    expect(out).toMatchObject({ ok: false, code });
    if (!out.ok) expect(out.message).toMatch(message);
  });

  it('When a letter is larger than 10 MB, then it is refused as too large before it is read', async () => {
    const out = await extractText(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'stor.txt');
    expect(out).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('When the same file arrives again, then it is reported as already received and not stored twice; a dry run stores nothing', async () => {
    const db = memoryDb();
    const dry = await intakeLetters(db, [file('batch-three.zip')], { ...opts, dryRun: true });
    expect(dry).toMatchObject({ status: 'dry-run', counts: { new: 3 } });
    expect(lettersStatus(db).count).toBe(0);
    await intakeLetters(db, [file('batch-three.zip')], opts);
    const again = await intakeLetters(db, [file('files/L01-heroy-nordland.pdf')], opts);
    expect(again.items[0]).toMatchObject({ outcome: 'duplicate', duplicateOf: 1 });
    expect(lettersStatus(db).count).toBe(3);
  });

  it('When sample letters are loaded and a real letter arrives, then the samples are replaced; samples are refused once real letters exist', async () => {
    const db = memoryDb();
    const samples = await loadSampleLetters(db, { by: 'kari', now: opts.now });
    expect(samples.counts.new).toBe(5);
    expect(listLetters(db).every((l) => l.sample)).toBe(true);
    const real = await intakeLetters(db, [file('files/L03-valer-innlandet.txt')], opts);
    expect(real.counts.samplesReplaced).toBe(5);
    expect(lettersStatus(db)).toEqual({ count: 1, samples: 0 });
    await expect(loadSampleLetters(db, { by: 'kari', now: opts.now })).rejects.toBeInstanceOf(SampleLettersConflictError);
  });

  it('When the letters are searched for "samlokalisering", "lensmannskontor" and "responstid", then each finds its letters with the words marked', async () => {
    const db = memoryDb();
    const all = fs.readdirSync(path.join(dir, 'files')).map((n) => file(`files/${n}`));
    await intakeLetters(db, all, opts);
    for (const [q, min] of [['samlokalisering', 5], ['lensmannskontor', 5], ['responstid', 5]] as const) {
      const r = searchLetters(db, q, {})!;
      expect(r.total).toBeGreaterThanOrEqual(min);
      for (const h of r.hits) {
        expect(h.snippetParts.some((p) => p.hit)).toBe(true);
        expect(h.snippet).toMatch(/<mark>[^<]+<\/mark>/);
      }
    }
    const filtered = searchLetters(db, 'tenestestad', { county: '46' })!;
    expect(filtered.hits.every((h) => h.countyNumber === '46')).toBe(true);
    expect(filtered.total).toBeGreaterThan(0);
  });
});
