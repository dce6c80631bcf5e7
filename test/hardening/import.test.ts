/**
 * Issue 10, imports: an oversized workbook is refused from its declared range and its rows before
 * any memory is spent (server and CLI); a row whose cells do not line up with the header is an
 * error naming the row; a file that mixes encodings is refused naming the rows, and text that was
 * garbled on the way is never stored. Every refusal writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import iconv from 'iconv-lite';
import { createApp } from '../../src/web/app';
import { main } from '../../src/cli/main';
import { openDatabase } from '../../src/db/connection';
import { getResponse, listResponses } from '../../src/db/responses-repo';
import { importResponses } from '../../src/import/responses-import';
import { templateColumns } from '../../src/model/answers';
import { toCsv } from '../../src/common/csv';
import { memoryDb, tempDir } from '../helpers/app';
import { tokenFor } from '../helpers/auth';
import { csvOf, now, validRecord } from '../responses/fixtures';
import { dbImageHash } from './helpers';
import { answersWorkbook, blankCellAtB1048576, cellAtXfd, millionRowWorkbook, mixedEncodingCsv, rebuiltWorkbook } from './files';

const opts = { fileName: 'svar', dryRun: false, by: 'test', now };

describe('import hardening', () => {
  const db = memoryDb();
  const app = createApp({ db });
  let token = '';
  beforeAll(async () => {
    token = await tokenFor(db, 'planner');
    await request(app).get('/api/responses').set('Authorization', `Bearer ${token}`);
  });
  afterAll(() => db.close());

  /** Uploads a file through the API and asserts a 422 with the problem, nothing written. */
  async function rejectedUpload(bytes: Buffer, name: string, lang = 'nb') {
    const before = dbImageHash(db);
    const res = await request(app).post(`/api/import/responses?lang=${lang}`).set('Authorization', `Bearer ${token}`).attach('file', bytes, name);
    expect(res.status).toBe(422);
    expect(res.body.status).toBe('rejected');
    expect(dbImageHash(db)).toBe(before);
    return res.body as { problems: { code: string; row: number | null; column: string | null; message: string; params: Record<string, string> }[] };
  }

  it('When a 7 KB workbook has one blank cell at B1048576, then it is refused from its declared range, naming it', async () => {
    const bytes = await blankCellAtB1048576();
    expect(bytes.length).toBeLessThan(10_000);
    const report = await rejectedUpload(bytes, 'svar.xlsx');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'sheet_range', row: null })]);
    expect(report.problems[0].message).toMatch(/«Svar» oppgir celler ut til A1:[A-Z]+1048576 \(1 048 576 rader/);
  }, 15000);

  it('When a workbook has a value in column XFD, then it is refused naming the range (no 16,384-column rows are built)', async () => {
    const report = await rejectedUpload(await cellAtXfd(), 'svar.xlsx', 'en');
    expect(report.problems[0].code).toBe('sheet_range');
    expect(report.problems[0].message).toContain('16 384 columns');
  }, 15000);

  it('When a 5 MB workbook has 1,000,000 rows, then it is refused at the first row past the limit', async () => {
    const bytes = await millionRowWorkbook();
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const report = await rejectedUpload(bytes, 'million.xlsx', 'en');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'sheet_rows_beyond' })]);
    expect(report.problems[0].message).toMatch(/rows down to row 5 001; at most 5 000 rows are read/);
  }, 120000);

  it('When a workbook unpacks to far more than it claims (a zip bomb), then it is refused as too large', async () => {
    const bomb = await rebuiltWorkbook((parts) => [...parts, { name: 'xl/media/padding.bin', data: Buffer.alloc(80 * 1024 * 1024), claimedSize: 10 }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const report = await rejectedUpload(bomb, 'bomb.xlsx', 'en');
    expect(report.problems[0].code).toBe('workbook_too_large');
    expect(report.problems[0].message).toContain('xl/media/padding.bin');
  }, 30000);

  it('When a workbook lacks its workbook part or uses an unknown compression, then it is unreadable with a reason', async () => {
    const noWorkbook = await rebuiltWorkbook((parts) => parts.filter((p) => p.name !== 'xl/workbook.xml'));
    expect((await rejectedUpload(noWorkbook, 'a.xlsx', 'en')).problems[0].message).toContain('xl/workbook.xml');
    const odd = await rebuiltWorkbook((parts) => parts.map((p) => (p.name.startsWith('xl/worksheets/') ? { ...p, method: 12 } : p)));
    expect((await rejectedUpload(odd, 'b.xlsx', 'en')).problems[0].message).toMatch(/unsupported compression/);
  });

  it('When a workbook holds its sheet part twice (the guard would scan one, the reader might read the other), then it is refused naming the part', async () => {
    const twice = await rebuiltWorkbook((parts) => {
      const sheet = parts.find((p) => /^xl\/worksheets\/sheet1\.xml$/.test(p.name));
      if (!sheet) throw new Error('the rebuilt workbook has no sheet part');
      return [...parts, { ...sheet }];
    });
    const report = await rejectedUpload(twice, 'to.xlsx', 'en');
    expect(report.problems[0].message).toMatch(/xl\/worksheets\/sheet1\.xml appears twice/);
  });

  it('When a workbook has 2,001 answer rows, then it is refused with the exact count', async () => {
    const knrs = listMunicipalityNumbers();
    const records = Array.from({ length: 2001 }, (_, i) => validRecord(knrs[i % knrs.length]));
    const report = await rejectedUpload(await answersWorkbook(records), 'mange.xlsx', 'en');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'too_many_rows', params: expect.objectContaining({ count: '2001', max: '2000' }) })]);
  }, 30000);

  it('When a workbook row has a value right of the last header column, then that row is an error naming it', async () => {
    const bytes = await answersWorkbook([validRecord('0301'), validRecord('5601')], (ws) => {
      ws.getRow(3).getCell(templateColumns.length + 2).value = 'bortkommen';
    });
    const report = await rejectedUpload(bytes, 'bred.xlsx', 'en');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'cells_beyond_header', row: 3 })]);
  });

  it('When a CSV row has 5 of its cells, then the import is rejected naming the row, and the stored answer keeps its wish for a station', async () => {
    const full = csvOf([validRecord('0301'), validRecord('5601')]);
    await importResponses(db, Buffer.from(full), opts);
    expect(getResponse(db, '5601')!.q5.wantsStation).toBe('yes');
    const lines = full.trimEnd().split('\n');
    const r = validRecord('5601');
    lines[2] = toCsv([templateColumns.slice(0, 5).map((c) => r[c] ?? '')], ';').trimEnd();
    const report = await rejectedUpload(Buffer.from(lines.join('\n') + '\n'), 'kort.csv', 'en');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'row_width', row: 3, params: { count: '5', expected: String(templateColumns.length) } })]);
    expect(report.problems[0].message).toContain(`The row has 5 cells but the header row has ${templateColumns.length}`);
    expect(getResponse(db, '5601')!.q5.wantsStation).toBe('yes');
  });

  it('When a CSV row has extra cells, then that row is an error naming it', async () => {
    const lines = csvOf([validRecord('0301'), validRecord('5601')]).trimEnd().split('\n');
    lines[1] += ';ekstra;celler';
    const report = await rejectedUpload(Buffer.from(lines.join('\n') + '\n'), 'lang.csv');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'row_width', row: 2 })]);
  });

  it('When a UTF-8 CSV has one Windows-1252 row, then it is refused naming that row, and nothing is stored as mojibake', async () => {
    const bytes = mixedEncodingCsv(['0301', '5601', '3201', '4601'], [2]);
    const report = await rejectedUpload(bytes, 'blandet.csv', 'en');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'mixed_encoding', params: { rows: '4' } })]);
    expect(report.problems[0].message).toContain('row 4');
    expect(listResponses(db).every((r) => !/Ã/.test(JSON.stringify(r)))).toBe(true);
  });

  it('When a whole CSV is Windows-1252, then it is decoded as such and the letters are right', async () => {
    const local = memoryDb();
    const text = csvOf([validRecord('0301', { sp2_begrunnelse: 'Lang vei på vinteren, særlig i Øst.' })]);
    const report = await importResponses(local, iconv.encode(text, 'win1252'), opts);
    expect(report.status).toBe('applied');
    expect(report.file.encoding).toBe('windows-1252');
    expect(getResponse(local, '0301')!.q2.reasons).toBe('Lang vei på vinteren, særlig i Øst.');
    local.close();
  });

  it('When a cell holds text that was garbled on the way ("pÃ¥"), then that cell is an error naming row and column', async () => {
    const text = csvOf([validRecord('0301'), validRecord('5601', { sp2_begrunnelse: 'Lang vei pÃ¥ vinteren' })]);
    const report = await rejectedUpload(Buffer.from(text, 'utf8'), 'garblet.csv', 'en');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'mojibake', row: 3, column: 'G' })]);
  });
});

describe('the CLI import has the same limits', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('When the CLI imports the B1048576 workbook, then it refuses it and the database is unchanged', async () => {
    const dbPath = path.join(dir, 'cli.db');
    const file = path.join(dir, 'svar.xlsx');
    fs.writeFileSync(file, await blankCellAtB1048576());
    const io = { out: '', err: '', stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; } };
    expect(await main(['info', '--db', dbPath], { ...io, stdout: () => undefined })).toBe(0);
    const db = openDatabase(dbPath);
    const before = dbImageHash(db);
    db.close();
    expect(await main(['import', 'responses', file, '--db', dbPath], io)).toBe(1);
    expect(io.err).toMatch(/REJECTED/);
    expect(io.err).toMatch(/oppgir celler ut til A1:[A-Z]+1048576/);
    const after = openDatabase(dbPath);
    expect(dbImageHash(after)).toBe(before);
    after.close();
  }, 30000);
});

function listMunicipalityNumbers(): string[] {
  const db = memoryDb();
  const knrs = (db.prepare('SELECT kommunenummer FROM municipalities ORDER BY kommunenummer').all() as { kommunenummer: string }[]).map((r) => r.kommunenummer);
  db.close();
  return knrs;
}
