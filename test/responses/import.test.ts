import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { openDatabase, type Db } from '../../src/db/connection';
import { loadDataset } from '../../src/db/load-dataset';
import { answersStatus, engineAnswers, getResponse, listResponses, responseHistory } from '../../src/db/responses-repo';
import { importResponses, SampleConflictError } from '../../src/import/responses-import';
import { loadSampleAnswers } from '../../src/samples';
import { dataset, memoryDb, tempDir } from '../helpers/app';
import { allKommunenummer, csvOf, now, validRecord } from './fixtures';

const opts = { fileName: 'svar.csv', dryRun: false, by: 'test', now };

function fullFile(overrides: (knr: string, index: number) => Record<string, string> = () => ({})): Buffer {
  return Buffer.from(csvOf(allKommunenummer().map((k, i) => validRecord(k, overrides(k, i)))), 'utf8');
}

/** sha256 of the database file after checkpointing the WAL into it, plus the size of the WAL left behind. */
function fileState(db: Db, file: string): { sha: string; walBytes: number } {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${file}-wal`;
  return {
    sha: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    walBytes: fs.existsSync(wal) ? fs.statSync(wal).size : 0,
  };
}

describe('answers import: all or nothing, history, sample replacement', () => {
  it('When a fresh database is opened, then it has no answers at all', () => {
    const db = memoryDb();
    expect(answersStatus(db)).toEqual({ loaded: false, sample: false, count: 0 });
    expect(engineAnswers(db).size).toBe(0);
    db.close();
  });

  it('When a 357-row file has a bad row at row 300, then the import is rejected and the database file stays byte-identical', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'answers.db');
    const db = openDatabase(file);
    try {
      loadDataset(db, dataset());
      await importResponses(db, fullFile(), opts);
      const before = fileState(db, file);
      const dumpBefore = crypto.createHash('sha256').update(db.serialize()).digest('hex');

      const bad = fullFile((_k, i): Record<string, string> => (i === 298 ? { kommunenummer: '9999', kommunenavn: '', sp2_fornoyd: 'nei' } : { sp2_fornoyd: 'nei' }));
      const report = await importResponses(db, bad, opts);

      expect(report.status).toBe('rejected');
      expect(report.counts).toMatchObject({ rows: 357, rejected: 1, updated: 356, errors: 1 });
      expect(report.problems).toEqual([expect.objectContaining({ row: 300, column: 'A', field: 'kommunenummer', code: 'unknown_kommunenummer' })]);
      expect(crypto.createHash('sha256').update(db.serialize()).digest('hex')).toBe(dumpBefore);
      expect(fileState(db, file)).toEqual(before);
      expect(listResponses(db).every((r) => r.q2.satisfied === 'partly')).toBe(true);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('When a dry run finds changes, then it reports new/updated/unchanged and writes nothing', async () => {
    const db = memoryDb();
    await importResponses(db, Buffer.from(csvOf([validRecord('0301'), validRecord('5001')])), opts);
    const report = await importResponses(db, Buffer.from(csvOf([validRecord('0301'), validRecord('5001', { sp2_fornoyd: 'nei' }), validRecord('1804')])), { ...opts, dryRun: true });
    expect(report.status).toBe('dry-run');
    expect(report.counts).toMatchObject({ rows: 3, new: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(report.rows.find((r) => r.kommunenummer === '5001')).toMatchObject({ outcome: 'updated', changes: ['q2.satisfied'] });
    expect(getResponse(db, '5001')?.q2.satisfied).toBe('partly');
    expect(getResponse(db, '1804')).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 1 });
    db.close();
  });

  it('When a file is imported again with a changed answer, then the answer is updated and the previous version is kept in history', async () => {
    const db = memoryDb();
    await importResponses(db, Buffer.from(csvOf([validRecord('5001', { lokale1_adresse: 'Munkegata 1' })])), { ...opts, fileName: 'runde1.csv' });
    const second = await importResponses(db, Buffer.from(csvOf([validRecord('5001', { sp5_onsker_tjenestested: 'nei' })])), { ...opts, fileName: 'runde2.csv', by: 'kari', now: '2022-06-20T08:00:00.000Z' });
    expect(second.counts).toMatchObject({ updated: 1 });
    expect(second.rows[0].changes).toEqual(['q5.wantsStation', 'q5.premises']);

    const current = getResponse(db, '5001');
    expect(current).toMatchObject({ version: 2, source: 'runde2.csv', changedBy: 'kari', q5: { wantsStation: 'no', premises: [] } });
    const history = responseHistory(db, '5001');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 1, reason: 'import', replacedBy: 'kari', replacedAt: '2022-06-20T08:00:00.000Z' });
    expect(history[0].snapshot).toMatchObject({ source: 'runde1.csv', q5: { wantsStation: 'yes', premises: [expect.objectContaining({ address: 'Munkegata 1' })] } });

    const third = await importResponses(db, Buffer.from(csvOf([validRecord('5001', { sp5_onsker_tjenestested: 'nei' })])), opts);
    expect(third.counts).toMatchObject({ unchanged: 1, updated: 0 });
    expect(responseHistory(db, '5001')).toHaveLength(1);
    db.close();
  });

  it('When someone tries to edit the history table, then SQLite refuses (append-only)', async () => {
    const db = memoryDb();
    await importResponses(db, Buffer.from(csvOf([validRecord('5001')])), opts);
    await importResponses(db, Buffer.from(csvOf([validRecord('5001', { sp2_fornoyd: 'ja' })])), opts);
    expect(() => db.prepare('DELETE FROM response_history').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE response_history SET reason = 'import'").run()).toThrow(/append-only/);
    db.close();
  });

  it('When sample answers are loaded and then a real file is imported, then the samples are replaced and kept in history; a rejected file reports none replaced', async () => {
    const db = memoryDb();
    const sample = await loadSampleAnswers(db, { by: 'test', now });
    expect(sample).toMatchObject({ status: 'applied', sample: true, counts: { new: 357, rejected: 0 } });
    expect(answersStatus(db)).toEqual({ loaded: true, sample: true, count: 357 });

    // A rejected file replaces none of them, and its report says so.
    const rejected = await importResponses(db, Buffer.from(csvOf([validRecord('5001'), validRecord('9999')])), opts);
    expect(rejected).toMatchObject({ status: 'rejected', counts: { samplesReplaced: 0 } });
    expect(answersStatus(db)).toEqual({ loaded: true, sample: true, count: 357 });

    const real = await importResponses(db, Buffer.from(csvOf([validRecord('5001'), validRecord('1804')])), opts);
    expect(real.counts).toMatchObject({ new: 2, samplesReplaced: 357 });
    expect(answersStatus(db)).toEqual({ loaded: true, sample: false, count: 2 });
    const history = responseHistory(db, '5001');
    expect(history).toEqual([expect.objectContaining({ reason: 'replace', snapshot: expect.objectContaining({ sample: true, source: 'sample' }) })]);
    expect(getResponse(db, '5001')?.version).toBe(2);
    await expect(loadSampleAnswers(db, { by: 'test', now })).rejects.toBeInstanceOf(SampleConflictError);
    db.close();
  });

  it('When the engine reads the answers, then it sees wish, premises class, satisfaction and the first site with coordinates', async () => {
    const db = memoryDb();
    await importResponses(
      db,
      Buffer.from(csvOf([
        validRecord('5001', { lokale1_adresse: 'Uten koordinater', lokale2_adresse: 'Munkegata 1', lokale2_lat: '63,4305', lokale2_lon: '10,3951', lokale2_samlokalisert_med: 'rådhus' }),
        validRecord('1804', { sp5_onsker_tjenestested: 'nei', sp2_fornoyd: 'nei' }),
        validRecord('0301', { lokale1_adresse: 'Torget 1' }),
      ])),
      opts,
    );
    const answers = engineAnswers(db);
    expect(answers.get('5001')).toEqual({ wantsStation: 'yes', premises: 'co_located', satisfied: 'partly', site: { lon: 10.3951, lat: 63.4305 } });
    expect(answers.get('1804')).toEqual({ wantsStation: 'no', premises: 'none', satisfied: 'no', site: null });
    expect(answers.get('0301')).toEqual({ wantsStation: 'yes', premises: 'offered', satisfied: 'partly', site: null });
    db.close();
  });
});

describe('answers file encodings and formats', () => {
  const text = csvOf([validRecord('1515', { sp1_utfordringer: 'Økt rus blant unge i Fosnavåg; skred på Ærø-vegen', sp2_begrunnelse: 'Lang veg til tjenestestedet på Ørsta' })]);

  async function importBytes(bytes: Buffer) {
    const db = memoryDb();
    const report = await importResponses(db, bytes, { ...opts, dryRun: false });
    const answer = getResponse(db, '1515');
    db.close();
    return { report, answer };
  }

  it('When a semicolon CSV is saved in Windows-1252 (Norwegian Excel), then æøå are read correctly', async () => {
    const bytes = iconv.encode(text.replace(/\n/g, '\r\n'), 'win1252');
    expect(bytes.includes(Buffer.from('Ø', 'utf8'))).toBe(false);
    const { report, answer } = await importBytes(bytes);
    expect(report.file).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(answer?.q1.challenges).toBe('Økt rus blant unge i Fosnavåg; skred på Ærø-vegen');
    expect(answer?.q2.reasons).toBe('Lang veg til tjenestestedet på Ørsta');
  });

  it('When a semicolon CSV is saved as UTF-8 with BOM, then æøå are read correctly and the BOM is not part of the first column', async () => {
    const { report, answer } = await importBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(report.status).toBe('applied');
    expect(report.file).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(answer?.q1.challenges).toContain('Ærø');
  });

  it('When a comma CSV is plain UTF-8 with quoted decimal commas, then it is read', async () => {
    const db = memoryDb();
    const report = await importResponses(db, Buffer.from(csvOf([validRecord('5001', { lokale1_adresse: 'Munkegata 1', lokale1_lat: '63,4305', lokale1_lon: '10,3951' })], ','), 'utf8'), opts);
    expect(report.file).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(getResponse(db, '5001')?.q5.premises[0]).toMatchObject({ lat: 63.4305, lon: 10.3951 });
    db.close();
  });

  it('When the file is larger than 5 MB, then it is rejected with a clear message and nothing is read', async () => {
    const db = memoryDb();
    const report = await importResponses(db, Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), opts);
    expect(report.status).toBe('rejected');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'file_too_large', row: null, message: expect.stringContaining('5 MB') })]);
    db.close();
  });

  it('When the bytes are neither CSV nor XLSX, then the import is rejected as unreadable', async () => {
    const db = memoryDb();
    const report = await importResponses(db, Buffer.from([0x00, 0x01, 0x02, 0x00, 0xff]), opts);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'file_unreadable' })]);
    db.close();
  });
});
