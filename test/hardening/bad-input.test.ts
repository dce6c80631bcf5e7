/**
 * Issue 10, "what done looks like": a bad-input suite of more than 200 cases across CSV, XLSX, JSON
 * bodies, query strings, paths, headers and cookies. Every case must get a 4xx with a message
 * (never a 5xx), and the whole database image must be byte-identical before and after it.
 * Files are made programmatically (`files.ts`: ExcelJS workbooks, a ZIP writer, mixed encodings).
 */
import request from 'supertest';
import iconv from 'iconv-lite';
import { createApp } from '../../src/web/app';
import { inProcessRunner } from '../../src/planning/heavy';
import { createScenario } from '../../src/db/scenarios-repo';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { createShortlist } from '../../src/shortlist/service';
import { CRITERION_IDS } from '../../src/engine';
import { templateColumns } from '../../src/model/answers';
import { toCsv } from '../../src/common/csv';
import { memoryDb } from '../helpers/app';
import { csvOf, validRecord } from '../responses/fixtures';
import { dbImageHash, sessionFor } from './helpers';
import {
  answersWorkbook, blankCellAtB1048576, cellAtXfd, millionRowWorkbook, mixedEncodingCsv, rebuiltWorkbook, zip,
} from './files';

type Send = () => request.Test | Promise<request.Response>;
interface Case { group: string; name: string; send: Send; lang?: 'nb' | 'en' }

/** JSON text nested `levels` deep (objects, or arrays): JSON.parse reads it, but recursive code over the value overflows the stack. */
function deeplyNested(levels: number, arrays = false): string {
  return arrays ? `${'['.repeat(levels)}1${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

const zeroWeights = CRITERION_IDS.map((id) => `${id}:0`).join(',');
const zeroObject = Object.fromEntries(CRITERION_IDS.map((id) => [id, 0]));

/** The message a 4xx answer gives: JSON `error.message`, an import report's problems, or a page's alert. */
function messageOf(res: request.Response): string {
  if (/json/.test(String(res.headers['content-type']))) {
    const body = res.body as { error?: { message?: string }; problems?: { message: string }[] };
    return body.error?.message ?? body.problems?.map((p) => p.message).join(' ') ?? '';
  }
  const alert = /role="alert"[^>]*>([\s\S]*?)<\/(p|div)>/.exec(res.text ?? '');
  return (alert ? alert[1] : res.text ?? '').replace(/<[^>]+>/g, '').trim();
}

describe('bad input: 4xx with a message, database unchanged', () => {
  const db = memoryDb();
  const app = createApp({ db, heavy: inProcessRunner, heavyLimits: { perMinute: 1e6, burst: 1e6 } });
  const ids = { scenario: '', shortlist: '' };
  const who: Record<'planner' | 'admin' | 'viewer', { cookie: string; csrf: string }> = {} as never;
  const files: Record<string, Buffer> = {};

  beforeAll(async () => {
    for (const role of ['planner', 'admin', 'viewer'] as const) who[role] = await sessionFor(db, role);
    ids.scenario = createScenario(db, { name: 'Grunnlag', description: '', params: scenarioParamsSchema.parse({}), dataHash: 'h', dataVintage: 'v', answersRevision: '', by: 'test', now: new Date().toISOString() }).id;
    ids.shortlist = (await createShortlist(db, {
      name: 'Grunnlag', by: 'test', now: '2024-06-01T12:00:00Z',
      source: { kind: 'manual', kommunenummer: ['5601', '0301'], params: scenarioParamsSchema.parse({ k: 2 }) },
    })).id;
    files.b1048576 = await blankCellAtB1048576();
    files.xfd = await cellAtXfd();
    files.million = await millionRowWorkbook();
    files.bomb = await rebuiltWorkbook((parts) => [...parts, { name: 'xl/media/pad.bin', data: Buffer.alloc(70 * 1024 * 1024), claimedSize: 1 }]);
    files.noWorkbook = await rebuiltWorkbook((parts) => parts.filter((p) => p.name !== 'xl/workbook.xml'));
    files.noRels = await rebuiltWorkbook((parts) => parts.filter((p) => p.name !== 'xl/_rels/workbook.xml.rels'));
    files.oddMethod = await rebuiltWorkbook((parts) => parts.map((p) => (p.name.includes('worksheets') ? { ...p, method: 14 } : p)));
    files.noSheets = await rebuiltWorkbook((parts) => parts.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: Buffer.from(p.data.toString().replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>')) } : p)));
    files.sheetGone = await rebuiltWorkbook((parts) => parts.filter((p) => !p.name.startsWith('xl/worksheets/')));
    files.bigDimension = await rebuiltWorkbook((parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.from(p.data.toString().replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:AN6000"/>')) } : p)));
    files.wideDimension = await rebuiltWorkbook((parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.from(p.data.toString().replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:HZ2"/>')) } : p)));
    files.rowsBelow = await rebuiltWorkbook((parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml'
      ? { ...p, data: Buffer.from(p.data.toString().replace(/<dimension ref="[^"]*"\/>/, '').replace('</sheetData>', '<row r="7000"><c r="A7000"/></row></sheetData>')) } : p)));
    files.tooManyXlsx = await answersWorkbook(Array.from({ length: 2001 }, (_, i) => validRecord(['0301', '5601', '4601', '1103'][i % 4])));
    files.emptyZip = zip([]);
    // Warm the planning context and the reference data (memory only), so no case builds them.
    await request(app).get('/api/ranking').set('Cookie', who.planner.cookie);
  }, 180000);
  afterAll(() => db.close());

  // ------------------------------------------------------------------ senders
  const as = (role: keyof typeof who) => ({ Cookie: who[role].cookie, 'X-CSRF-Token': who[role].csrf });
  const get = (url: string, role: keyof typeof who = 'planner', headers: Record<string, string> = {}) => () =>
    request(app).get(url).set({ ...as(role), ...headers });
  const send = (method: 'post' | 'put' | 'patch', url: string, body: unknown, role: keyof typeof who = 'planner', headers: Record<string, string> = {}) => () =>
    request(app)[method](url).set({ ...as(role), ...headers }).send(body as object);
  const form = (url: string, fields: Record<string, string>, role: keyof typeof who = 'planner') => () =>
    request(app).post(url).set({ ...as(role), Accept: 'text/html' }).type('form').send({ _csrf: who[role].csrf, ...fields });
  const upload = (bytes: Buffer, name: string) => () =>
    request(app).post('/api/import/responses').set(as('planner')).attach('file', bytes, name);
  const raw = (method: 'post' | 'put', url: string, contentType: string, body: string | Buffer, extra: Record<string, string> = {}) => () =>
    request(app)[method](url).set({ ...as('planner'), 'Content-Type': contentType, ...extra }).send(body);

  // ------------------------------------------------------------------ CSV
  const good = (knr: string, o: Record<string, string> = {}) => validRecord(knr, o);
  const csv = (records: Record<string, string>[], columns: readonly string[] = templateColumns) => Buffer.from(csvOf(records, ';', columns));
  const cellCases: [string, Record<string, string>][] = [
    ['an unknown kommunenummer', { kommunenummer: '9999', kommunenavn: '' }],
    ['a malformed kommunenummer', { kommunenummer: 'abc', kommunenavn: '' }],
    ['a five-digit kommunenummer', { kommunenummer: '03011', kommunenavn: '' }],
    ['a name that does not match the number', { kommunenavn: 'Bergen' }],
    ['an unknown name only', { kommunenummer: '', kommunenavn: 'Atlantis' }],
    ['neither number nor name', { kommunenummer: '', kommunenavn: '' }],
    ['sp2_fornoyd "kanskje"', { sp2_fornoyd: 'kanskje' }],
    ['sp5 "tja"', { sp5_onsker_tjenestested: 'tja' }],
    ['sp1_omrader "sport"', { sp1_omrader: 'sport' }],
    ...(['sp4_tjenestested', 'sp4_tilstedevaerelse', 'sp4_oppmote', 'sp4_telefon', 'sp4_internett'] as const).map((c): [string, Record<string, string>] => [`${c} "mye mer"`, { [c]: 'mye mer' }]),
    ['a date 32.13.2022', { mottatt_dato: '32.13.2022' }],
    ['a date "i går"', { mottatt_dato: 'i går' }],
    ['a date 29.02.2023', { mottatt_dato: '29.02.2023' }],
    ['floor area "mange"', { lokale1_adresse: 'Torget 1', lokale1_areal_m2: 'mange' }],
    ['a negative floor area', { lokale1_adresse: 'Torget 1', lokale1_areal_m2: '-5' }],
    ['a negative yearly cost', { lokale1_adresse: 'Torget 1', lokale1_arlig_kostnad_nok: '-1' }],
    ['premises without address', { lokale1_lat: '59.91', lokale1_lon: '10.75' }],
    ['premises with lat but no lon', { lokale1_adresse: 'Torget 1', lokale1_lat: '59.91' }],
    ['swapped coordinates', { lokale1_adresse: 'Torget 1', lokale1_lat: '10.75', lokale1_lon: '59.91' }],
    ['coordinates outside Norway', { lokale1_adresse: 'Torget 1', lokale1_lat: '48.85', lokale1_lon: '2.35' }],
    ['a text of 20,001 characters', { sp1_utfordringer: 'x'.repeat(20001) }],
    ['garbled text "pÃ¥"', { sp2_begrunnelse: 'Lang vei pÃ¥ vinteren' }],
    ['garbled "Ã˜st"', { sp3_samarbeid: 'Samarbeid med Ã˜stfold' }],
  ];
  const shortRow = () => {
    const lines = csvOf([good('0301'), good('5601')]).trimEnd().split('\n');
    lines[2] = toCsv([templateColumns.slice(0, 5).map((c) => good('5601')[c] ?? '')], ';').trimEnd();
    return Buffer.from(lines.join('\n') + '\n');
  };
  const csvCases: Case[] = [
    ...cellCases.map(([name, o]): Case => ({ group: 'CSV', name: `a row with ${name}`, send: upload(csv([good('0301'), good('5601', o)]), 'svar.csv') })),
    { group: 'CSV', name: 'an empty file', send: upload(Buffer.alloc(0), 'tom.csv') },
    { group: 'CSV', name: 'a header only', send: upload(csv([]), 'header.csv') },
    { group: 'CSV', name: 'a header without sp2_fornoyd', send: upload(csv([good('0301')], templateColumns.filter((c) => c !== 'sp2_fornoyd')), 'mangler.csv') },
    { group: 'CSV', name: 'a duplicated column', send: upload(csv([good('0301')], [...templateColumns, 'kommunenummer']), 'dobbel.csv') },
    { group: 'CSV', name: 'the same municipality twice', send: upload(csv([good('0301'), good('0301')]), 'to.csv') },
    { group: 'CSV', name: 'a short row (5 of 40 cells)', send: upload(shortRow(), 'kort.csv') },
    { group: 'CSV', name: 'a long row', send: upload(Buffer.from(csvOf([good('0301')]).trimEnd() + ';ekstra\n'), 'lang.csv') },
    { group: 'CSV', name: 'UTF-8 with one Windows-1252 row', send: upload(mixedEncodingCsv(['0301', '5601', '4601'], [1]), 'blandet.csv') },
    { group: 'CSV', name: 'a BOM and Windows-1252 bytes', send: upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(csvOf([good('0301', { sp2_begrunnelse: 'på' })]), 'win1252')]), 'bom.csv') },
    { group: 'CSV', name: 'an unterminated quote', send: upload(Buffer.from(csvOf([good('0301')]).replace('Rus blant', '"Rus blant')), 'sitat.csv') },
    { group: 'CSV', name: 'NUL bytes (a binary file)', send: upload(Buffer.from([0x6b, 0x00, 0x01, 0x02, 0x00, 0x0a]), 'binær.csv') },
    { group: 'CSV', name: 'UTF-16 without BOM', send: upload(iconv.encode(csvOf([good('0301')]), 'utf16le'), 'utf16.csv') },
    { group: 'CSV', name: '2,001 answer rows', send: upload(csv(Array.from({ length: 2001 }, (_, i) => good(['0301', '5601', '4601'][i % 3]))), 'mange.csv') },
    { group: 'CSV', name: '1,000,000 rows in 5 MB', send: upload(Buffer.from('kommunenummer\n' + '0301\n'.repeat(1_000_000)), 'million.csv') },
    { group: 'CSV', name: 'a file over 5 MB', send: upload(Buffer.alloc(5 * 1024 * 1024 + 10, 0x41), 'stor.csv') },
    { group: 'CSV', name: 'commas in a semicolon header file (one column)', send: upload(Buffer.from('kommunenummer,kommunenavn;x\n0301,Oslo;y\n'), 'feil-skille.csv') },
    { group: 'CSV', name: 'only blank lines', send: upload(Buffer.from('\n\n\n'), 'blank.csv') },
    { group: 'CSV', name: 'a file name with a NUL', send: upload(csv([good('0301')]), 'svar\u0000.csv') },
    { group: 'CSV', name: 'a file name with a newline', send: upload(csv([good('0301')]), 'svar\n.csv') },
    { group: 'CSV', name: 'dryRun=maybe', send: () => request(app).post('/api/import/responses?dryRun=maybe').set(as('planner')).attach('file', csv([good('0301')]), 'a.csv') },
    { group: 'CSV', name: 'no file field', send: () => request(app).post('/api/import/responses').set(as('planner')).field('dryRun', 'true') },
    { group: 'CSV', name: 'the file in another field', send: () => request(app).post('/api/import/responses').set(as('planner')).attach('upload', csv([good('0301')]), 'a.csv') },
    { group: 'CSV', name: 'two files', send: () => request(app).post('/api/import/responses').set(as('planner')).attach('file', csv([good('0301')]), 'a.csv').attach('file', csv([good('0301')]), 'b.csv') },
    { group: 'CSV', name: 'a correction with an invalid value (form)', send: form('/responses/0301', { ...good('0301', { sp2_fornoyd: 'kanskje' }) }) },
    { group: 'CSV', name: 'a correction with garbled text (form)', send: form('/responses/0301', { ...good('0301', { sp2_begrunnelse: 'pÃ¥ vinteren' }) }) },
  ];

  // ------------------------------------------------------------------ XLSX
  const xlsxCases: Case[] = [
    { group: 'XLSX', name: 'a blank cell at B1048576', send: () => upload(files.b1048576, 'b.xlsx')() },
    { group: 'XLSX', name: 'a value in column XFD', send: () => upload(files.xfd, 'xfd.xlsx')() },
    { group: 'XLSX', name: '1,000,000 rows in 5 MB', send: () => upload(files.million, 'million.xlsx')() },
    { group: 'XLSX', name: 'a zip bomb with a lying size', send: () => upload(files.bomb, 'bomb.xlsx')() },
    { group: 'XLSX', name: 'no xl/workbook.xml', send: () => upload(files.noWorkbook, 'a.xlsx')() },
    { group: 'XLSX', name: 'no workbook relationships', send: () => upload(files.noRels, 'a.xlsx')() },
    { group: 'XLSX', name: 'an unknown compression method', send: () => upload(files.oddMethod, 'a.xlsx')() },
    { group: 'XLSX', name: 'a workbook without sheets', send: () => upload(files.noSheets, 'a.xlsx')() },
    { group: 'XLSX', name: 'a sheet listed but missing', send: () => upload(files.sheetGone, 'a.xlsx')() },
    { group: 'XLSX', name: 'a declared range of 6,000 rows', send: () => upload(files.bigDimension, 'a.xlsx')() },
    { group: 'XLSX', name: 'a declared range of 234 columns', send: () => upload(files.wideDimension, 'a.xlsx')() },
    { group: 'XLSX', name: 'a row at 7,000 without a declared range', send: () => upload(files.rowsBelow, 'a.xlsx')() },
    { group: 'XLSX', name: '2,001 answer rows', send: () => upload(files.tooManyXlsx, 'a.xlsx')() },
    { group: 'XLSX', name: 'an empty ZIP', send: () => upload(files.emptyZip, 'a.xlsx')() },
    { group: 'XLSX', name: 'the first half of a workbook', send: () => upload(files.b1048576.subarray(0, files.b1048576.length >> 1), 'a.xlsx')() },
    { group: 'XLSX', name: 'a ZIP header and noise', send: upload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]), 'a.xlsx') },
    { group: 'XLSX', name: 'a header row only', send: async () => upload(await answersWorkbook([]), 'a.xlsx')() },
    { group: 'XLSX', name: 'a value right of the header', send: async () => upload(await answersWorkbook([good('0301')], (ws) => { ws.getCell(2, templateColumns.length + 3).value = 'borte'; }), 'a.xlsx')() },
    { group: 'XLSX', name: 'an unknown kommunenummer', send: async () => upload(await answersWorkbook([good('9999', { kommunenavn: '' })]), 'a.xlsx')() },
    { group: 'XLSX', name: 'an invalid answer value', send: async () => upload(await answersWorkbook([good('0301', { sp2_fornoyd: 'kanskje' })]), 'a.xlsx')() },
    { group: 'XLSX', name: 'an error value (#N/A) as a date', send: async () => upload(await answersWorkbook([good('0301')], (ws) => { ws.getCell(2, templateColumns.indexOf('mottatt_dato') + 1).value = { error: '#N/A' } as never; }), 'a.xlsx')() },
    { group: 'XLSX', name: 'a formula giving an invalid value', send: async () => upload(await answersWorkbook([good('0301')], (ws) => { ws.getCell(2, templateColumns.indexOf('sp2_fornoyd') + 1).value = { formula: '"x"&"y"', result: 'xy' }; }), 'a.xlsx')() },
    { group: 'XLSX', name: 'garbled text in a cell', send: async () => upload(await answersWorkbook([good('0301', { sp1_utfordringer: 'FlÃ¥m' })]), 'a.xlsx')() },
    { group: 'XLSX', name: 'a sheet with the wrong header', send: async () => upload(await answersWorkbook([], (ws) => { ws.spliceRows(1, 1, ['navn', 'alder']); }), 'a.xlsx')() },
    { group: 'XLSX', name: 'the same municipality twice', send: async () => upload(await answersWorkbook([good('0301'), good('0301')]), 'a.xlsx')() },
    { group: 'XLSX', name: 'a number in the date column that is no date', send: async () => upload(await answersWorkbook([good('0301')], (ws) => { ws.getCell(2, templateColumns.indexOf('mottatt_dato') + 1).value = 'snart'; }), 'a.xlsx')() },
    { group: 'XLSX', name: 'negative floor area', send: async () => upload(await answersWorkbook([good('0301', { lokale1_adresse: 'Torget 1', lokale1_areal_m2: '-3' })]), 'a.xlsx')() },
    { group: 'XLSX', name: 'swapped coordinates', send: async () => upload(await answersWorkbook([good('0301', { lokale1_adresse: 'Torget 1', lokale1_lat: '10.7', lokale1_lon: '59.9' })]), 'a.xlsx')() },
    { group: 'XLSX', name: 'an XLSX named .csv', send: () => upload(files.b1048576, 'svar.csv')() },
    { group: 'XLSX', name: 'a workbook over 5 MB', send: () => upload(Buffer.concat([files.b1048576, Buffer.alloc(5 * 1024 * 1024)]), 'a.xlsx')() },
  ];

  // ------------------------------------------------------------------ JSON bodies
  const sel = (body: unknown, lang = 'nb') => send('post', `/api/selection?lang=${lang}`, body);
  const badK: unknown[] = [true, [20], '0x14', '1e1', 1.5, -1, 0, 101, null, {}, '20abc', ' ', 'Infinity', 1e400];
  const badWeights: [string, unknown][] = [
    ['all zero', zeroObject], ['negative', { crimeRate: -1 }], ['over 1000', { crimeRate: 1001 }], ['a word', { crimeRate: 'mye' }],
    ['an unknown criterion', { nope: 1 }], ['an array', [1, 2]], ['garbage text', 'garbage'], ['NaN', { crimeRate: 'NaN' }],
    ['hex', { crimeRate: '0x10' }], ['a boolean', { crimeRate: true }], ['a nested object', { crimeRate: { a: 1 } }],
  ];
  const jsonCases: Case[] = [
    ...badK.map((k): Case => ({ group: 'JSON', name: `selection with k = ${JSON.stringify(k)}`, send: sel({ k, method: 'greedy' }) })),
    ...badWeights.map(([n, w]): Case => ({ group: 'JSON', name: `selection with weights ${n}`, send: sel({ weights: w, method: 'greedy' }, 'en'), lang: 'en' })),
    { group: 'JSON', name: 'selection with weights nested 100,000 levels deep', send: raw('post', '/api/selection', 'application/json', `{"method":"greedy","weights":{"crimeRate":${deeplyNested(100_000)}}}`) },
    { group: 'JSON', name: 'selection with weights a list nested 100,000 levels deep', send: raw('post', '/api/selection', 'application/json', `{"method":"greedy","weights":${deeplyNested(100_000, true)}}`) },
    { group: 'JSON', name: 'selection with k nested 100,000 levels deep', send: raw('post', '/api/selection', 'application/json', `{"method":"greedy","k":${deeplyNested(100_000)}}`) },
    { group: 'JSON', name: 'selection including 9999', send: sel({ include: ['9999'], method: 'greedy' }) },
    { group: 'JSON', name: 'selection including 50,000 entries', send: sel({ include: Array.from({ length: 50000 }, () => '0301'), method: 'greedy' }) },
    { group: 'JSON', name: 'selection including "abc"', send: sel({ include: ['abc'], method: 'greedy' }) },
    { group: 'JSON', name: 'selection including a number', send: sel({ include: [301], method: 'greedy' }) },
    { group: 'JSON', name: 'selection including 0301 twice', send: sel({ include: ['0301', '0301'], method: 'greedy' }) },
    { group: 'JSON', name: 'selection excluding 0000', send: sel({ exclude: ['0000'], method: 'greedy' }) },
    { group: 'JSON', name: 'selection with an unknown district minimum', send: sel({ districtMin: { Atlantis: 1 }, method: 'greedy' }) },
    { group: 'JSON', name: 'selection with a negative district maximum', send: sel({ districtMax: { Finnmark: -1 }, method: 'greedy' }) },
    { group: 'JSON', name: 'selection with 13 district rules', send: sel({ districtMax: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`D${i}`, 1])), method: 'greedy' }) },
    { group: 'JSON', name: 'selection with minutes 0', send: sel({ minutes: 0, method: 'greedy' }) },
    { group: 'JSON', name: 'selection with minutes "lenge"', send: sel({ minutes: 'lenge', method: 'greedy' }) },
    { group: 'JSON', name: 'selection with blendAlpha 2', send: sel({ blendAlpha: 2, method: 'greedy' }) },
    { group: 'JSON', name: 'selection with objective "fastest"', send: sel({ objective: 'fastest', method: 'greedy' }) },
    { group: 'JSON', name: 'selection with normalization "log"', send: sel({ normalization: 'log', method: 'greedy' }) },
    { group: 'JSON', name: 'selection with solver "magic"', send: sel({ method: 'magic' }) },
    { group: 'JSON', name: 'selection with aggregation "ahp"', send: sel({ aggregation: 'ahp', method: 'greedy' }) },
    { group: 'JSON', name: 'selection with wishGate "kanskje"', send: sel({ wishGate: 'kanskje', method: 'greedy' }) },
    { group: 'JSON', name: 'selection with an array body', send: sel([1, 2, 3]) },
    { group: 'JSON', name: 'selection with a string body', send: raw('post', '/api/selection', 'application/json', '"tekst"') },
    { group: 'JSON', name: 'selection with a number body', send: raw('post', '/api/selection', 'application/json', '42') },
    { group: 'JSON', name: 'selection with broken JSON', send: raw('post', '/api/selection', 'application/json', '{"k":') },
    { group: 'JSON', name: 'selection with JSON and a trailing comma', send: raw('post', '/api/selection', 'application/json', '{"k":3,}') },
    { group: 'JSON', name: 'a scenario without a name', send: send('post', '/api/scenarios', { params: {} }) },
    { group: 'JSON', name: 'a scenario named ""', send: send('post', '/api/scenarios', { name: '' }) },
    { group: 'JSON', name: 'a scenario name with a NUL', send: send('post', '/api/scenarios', { name: 'a\u0000b' }) },
    { group: 'JSON', name: 'a scenario name with a direction override', send: send('post', '/api/scenarios', { name: 'a\u202Eb' }) },
    { group: 'JSON', name: 'a scenario name of 201 characters', send: send('post', '/api/scenarios', { name: 'x'.repeat(201) }) },
    { group: 'JSON', name: 'a scenario name that is a number', send: send('post', '/api/scenarios', { name: 7 }) },
    { group: 'JSON', name: 'a scenario description of 2,001 characters', send: send('post', '/api/scenarios', { name: 'x', description: 'y'.repeat(2001) }) },
    { group: 'JSON', name: 'a scenario description with a bell', send: send('post', '/api/scenarios', { name: 'x', description: 'ding\u0007' }) },
    { group: 'JSON', name: 'a scenario with all-zero weights', send: send('post', '/api/scenarios', { name: 'x', params: { weights: zeroObject } }) },
    { group: 'JSON', name: 'a scenario with k "0x14"', send: send('post', '/api/scenarios', { name: 'x', params: { k: '0x14' } }) },
    { group: 'JSON', name: 'a scenario with params "x"', send: send('post', '/api/scenarios', { name: 'x', params: 'x' }) },
    { group: 'JSON', name: 'a scenario including 9999', send: send('post', '/api/scenarios', { name: 'x', params: { include: ['9999'] } }) },
    { group: 'JSON', name: 'a scenario as an array', send: send('post', '/api/scenarios', [{ name: 'x' }]) },
    { group: 'JSON', name: 'renaming a scenario with a NUL', send: () => send('put', `/api/scenarios/${ids.scenario}`, { name: 'a\u0000' })() },
    { group: 'JSON', name: 'updating a scenario to all-zero weights', send: () => send('put', `/api/scenarios/${ids.scenario}`, { params: { weights: zeroObject } })() },
    { group: 'JSON', name: 'duplicating a scenario with a NUL name', send: () => send('post', `/api/scenarios/${ids.scenario}/duplicate`, { name: '\u0000' })() },
    { group: 'JSON', name: 'a shortlist without a name', send: send('post', '/api/shortlists', { kommunenummer: ['0301'] }) },
    { group: 'JSON', name: 'a shortlist name with a NUL', send: send('post', '/api/shortlists', { name: 'a\u0000', kommunenummer: ['0301'] }) },
    { group: 'JSON', name: 'a shortlist of 9999', send: send('post', '/api/shortlists', { name: 'x', kommunenummer: ['9999'] }) },
    { group: 'JSON', name: 'a shortlist of "abc"', send: send('post', '/api/shortlists', { name: 'x', kommunenummer: ['abc'] }) },
    { group: 'JSON', name: 'a shortlist with all-zero weights', send: send('post', '/api/shortlists', { name: 'x', params: { weights: zeroObject } }) },
    { group: 'JSON', name: 'a shortlist from an unknown scenario', send: send('post', '/api/shortlists', { name: 'x', scenarioId: 's-finnesikke' }) },
    { group: 'JSON', name: 'a shortlist with solver "magic"', send: send('post', '/api/shortlists', { name: 'x', solver: 'magic' }) },
    { group: 'JSON', name: 'a candidate status "maybe"', send: () => send('patch', `/api/shortlists/${ids.shortlist}/candidates/5601`, { status: 'maybe' })() },
    { group: 'JSON', name: 'a candidate rationale with a NUL', send: () => send('patch', `/api/shortlists/${ids.shortlist}/candidates/5601`, { rationale: 'a\u0000' })() },
    { group: 'JSON', name: 'a candidate site "roof"', send: () => send('patch', `/api/shortlists/${ids.shortlist}/candidates/5601`, { site: 'roof' })() },
    { group: 'JSON', name: 'a candidate site premises:9', send: () => send('patch', `/api/shortlists/${ids.shortlist}/candidates/5601`, { site: 'premises:9' })() },
    { group: 'JSON', name: 'a candidate not on the shortlist', send: () => send('patch', `/api/shortlists/${ids.shortlist}/candidates/4601`, { status: 'approved' })() },
    { group: 'JSON', name: 'an assessment without a reason', send: () => send('post', '/api/assessments', { shortlistId: ids.shortlist, kommunenummer: '5601', advice: 'supports', reason: ' ' }, 'admin')() },
    { group: 'JSON', name: 'an assessment with advice "yes"', send: () => send('post', '/api/assessments', { shortlistId: ids.shortlist, kommunenummer: '5601', advice: 'yes', reason: 'x' }, 'admin')() },
    { group: 'JSON', name: 'an assessment of "abc"', send: () => send('post', '/api/assessments', { shortlistId: ids.shortlist, kommunenummer: 'abc', advice: 'supports', reason: 'x' }, 'admin')() },
    { group: 'JSON', name: 'an assessment without a shortlist', send: send('post', '/api/assessments', { kommunenummer: '5601', advice: 'supports', reason: 'x' }, 'admin') },
    { group: 'JSON', name: 'an assessment of a non-candidate', send: () => send('post', '/api/assessments', { shortlistId: ids.shortlist, kommunenummer: '4601', advice: 'supports', reason: 'x' }, 'admin')() },
    { group: 'JSON', name: 'an assessment reason with a NUL', send: () => send('post', '/api/assessments', { shortlistId: ids.shortlist, kommunenummer: '5601', advice: 'supports', reason: 'a\u0000b' }, 'admin')() },
    { group: 'JSON', name: 'an assessment of an unknown municipality', send: () => send('post', '/api/assessments', { shortlistId: ids.shortlist, kommunenummer: '9999', advice: 'supports', reason: 'x' }, 'admin')() },
    { group: 'JSON', name: 'a shortlist form with an empty name', send: form('/shortlists', { name: '', kommunenummer: '0301' }) },
    { group: 'JSON', name: 'a shortlist form with zero weights', send: form('/shortlists', { name: 'x', scenarioQuery: `weights=${zeroWeights}` }) },
    { group: 'JSON', name: 'a review form without a reason', send: () => form('/review/p12', { shortlistId: ids.shortlist, kommunenummer: '5601', advice: 'supports', reason: '' }, 'admin')() },
    { group: 'JSON', name: 'a user form with a weak password', send: form('/admin/users', { name: 'ny-bruker', role: 'viewer', password: 'kort' }, 'admin') },
    { group: 'JSON', name: 'a user form with role "god"', send: form('/admin/users', { name: 'ny-bruker', role: 'god', password: 'et-langt-passord' }, 'admin') },
    { group: 'JSON', name: 'a user form with a name with spaces', send: form('/admin/users', { name: 'to ord', role: 'viewer', password: 'et-langt-passord' }, 'admin') },
    { group: 'JSON', name: 'a district user without a district', send: form('/admin/users', { name: 'leder', role: 'district', password: 'et-langt-passord' }, 'admin') },
    { group: 'JSON', name: 'sign-in with a NUL in the name', send: async () => {
      const agent = request.agent(app);
      const page = await agent.get('/login');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      return agent.post('/login').type('form').send({ name: 'a\u0000b', password: 'x', _csrf: csrf });
    } },
    { group: 'JSON', name: 'sign-in without the CSRF field', send: () => request(app).post('/login').type('form').send({ name: 'x', password: 'y' }) },
    { group: 'JSON', name: 'a password change with the wrong current password', send: form('/account/password', { current: 'feil-passord', password: 'et-nytt-passord', password2: 'et-nytt-passord' }) },
  ];

  // ------------------------------------------------------------------ query strings
  const q = (url: string) => get(url);
  const queryCases: Case[] = [
    ...['k=true', 'k=0x14', 'k=1e1', 'k=2.5', 'k=-3', 'k=0', 'k=1000', 'k=20abc', 'k=1&k=2'].map((s): Case => ({ group: 'query', name: `ranking ${s}`, send: q(`/api/ranking?${s}`) })),
    ...['weights=garbage', 'weights=crimeRate', 'weights=crimeRate:-1', 'weights=crimeRate:x', 'weights=crimeRate:1e3', `weights=${zeroWeights}`, 'weights=a:1,b:2,c:3',
      'weights={"crimeRate":', 'weights=[1,2]', 'w.crimeRate=-1', 'w.nope=1', 'w.crimeRate=0x1'].map((s): Case => ({ group: 'query', name: `ranking ${s}`, send: q(`/api/ranking?${s}`) })),
    ...['normalization=log', 'method=ahp', 'wishGate=kanskje', 'objective=x', 'minutes=abc', 'minutes=1', 'blendAlpha=2', 'districtMin=garbage', 'districtMin=Atlantis:1',
      'districtMax=Finnmark:x', 'include=9999', 'include=abc', 'exclude=0301,0301', `include=${Array.from({ length: 400 }, (_, i) => String(i + 100).padStart(4, '0')).join(',')}`].map((s): Case => ({ group: 'query', name: `ranking ${s.slice(0, 40)}`, send: q(`/api/ranking?${s}`) })),
    ...['samples=0', 'samples=999999', 'samples=abc', 'samples=1e3', 'samples=5001', 'seed=-1', 'seed=1.5', 'mode=sideways', `weights=${zeroWeights}`].map((s): Case => ({ group: 'query', name: `robustness ${s.slice(0, 40)}`, send: q(`/api/robustness?${s}`) })),
    ...['minutes=abc', 'minutes=1', 'selected=abc', 'selected=0301,xyz'].map((s): Case => ({ group: 'query', name: `coverage ${s}`, send: q(`/api/coverage?${s}`) })),
    ...['csv', 'xlsx', 'geojson', 'pdf'].map((f): Case => ({ group: 'query', name: `scenario export .${f} with zero weights`, send: q(`/export/scenario.${f}?solver=greedy&weights=${zeroWeights}`) })),
    { group: 'query', name: 'scenario export with k=0x14', send: q('/export/scenario.csv?k=0x14') },
    { group: 'query', name: 'scenario export of an unknown scenario', send: q('/export/scenario.csv?scenario=s-finnesikke') },
    { group: 'query', name: 'comparison without b', send: () => q(`/api/scenarios/compare?a=${ids.scenario}`)() },
    { group: 'query', name: 'comparison with a malformed id', send: q('/api/scenarios/compare?a=../x&b=y') },
    { group: 'query', name: 'comparison page with a malformed id', send: q('/compare?a=%3Cscript%3E&b=x') },
    { group: 'query', name: 'municipality comparison with "abc"', send: q('/compare/municipalities?k=0301,abc') },
    { group: 'query', name: 'municipality comparison of five', send: q('/compare/municipalities?k=0301,5601,4601,1103,3201') },
    { group: 'query', name: 'municipality comparison of an unknown one', send: q('/compare/municipalities?k=0301,9999') },
    { group: 'query', name: 'audit from "i går"', send: get('/api/audit?from=i%20g%C3%A5r', 'admin') },
    { group: 'query', name: 'audit page 0', send: get('/api/audit?page=0', 'admin') },
    { group: 'query', name: 'answers filter wants=kanskje', send: q('/api/responses?wants=kanskje') },
    { group: 'query', name: 'answers filter district=Finnmark', send: q('/api/responses?district=Finnmark') },
    { group: 'query', name: 'answers page filter premises=palace', send: q('/responses?premises=palace') },
    { group: 'query', name: 'profile with k=0x14', send: q('/municipalities/0301?k=0x14') },
    { group: 'query', name: 'profile of an unknown scenario', send: q('/municipalities/0301?scenario=s-nope') },
    { group: 'query', name: 'shortlists page with weights=garbage', send: q('/shortlists?weights=garbage') },
    { group: 'query', name: 'workspace with include=9999', send: q('/compare/municipalities?k=0301&include=9999') },
  ];

  // ------------------------------------------------------------------ paths
  const pathCases: Case[] = [
    '/api/municipalities/%E0%A4%A', '/api/municipalities/abc', '/api/municipalities/99999', '/api/municipalities/9999', '/api/responses/%ZZ', '/api/responses/12345',
    '/api/responses/abcd/history', '/responses/%E0%A4%A', '/responses/abc', '/responses/9999', '/municipalities/%E0', '/municipalities/12', '/municipalities/9999',
    '/review/%E0%A4%A', '/review/nowhere', '/api/scenarios/%00', '/api/scenarios/s-nope', '/scenarios/..%2F..%2Fetc', '/scenarios/%E0%A4%A',
    '/export/shortlists/%E0%A4%A.csv', '/export/shortlists/nope.csv', '/export/shortlists/x.docx', '/export/report.csv', '/api/layers/%E0.geojson',
    '/api/layers/FYLKER.geojson', '/api/layers/nope.geojson', '/finnes-ikke', '//evil.example/x', '/api/shortlists/nope', '/shortlists/nope', '/API/ranking',
    '/api/ranking/', '/Shortlists',
  ].map((p): Case => ({ group: 'path', name: p, send: get(p) }));
  pathCases.push(
    { group: 'path', name: 'POST /admin/users/abc', send: form('/admin/users/abc', { role: 'viewer' }, 'admin') },
    { group: 'path', name: 'POST /admin/tokens/abc/revoke', send: form('/admin/tokens/abc/revoke', {}, 'admin') },
    { group: 'path', name: 'DELETE /api/scenarios/s-nope', send: () => request(app).delete('/api/scenarios/s-nope').set(as('planner')) },
    { group: 'path', name: 'DELETE /api/shortlists/nope', send: () => request(app).delete('/api/shortlists/nope').set(as('planner')) },
    { group: 'path', name: 'PATCH an unknown shortlist', send: send('patch', '/api/shortlists/nope/candidates/0301', { status: 'approved' }) },
  );

  // ------------------------------------------------------------------ headers
  const headerCases: Case[] = [
    { group: 'header', name: 'JSON in charset ebcdic', send: raw('post', '/api/selection', 'application/json; charset=ebcdic', '{"k":3}') },
    { group: 'header', name: 'JSON in charset latin1', send: raw('post', '/api/selection', 'application/json; charset=latin1', '{"k":3}') },
    { group: 'header', name: 'a form in charset ebcdic', send: raw('post', '/api/scenarios', 'application/x-www-form-urlencoded; charset=ebcdic', 'name=x') },
    { group: 'header', name: 'gzip encoding with a non-gzip body', send: raw('post', '/api/selection', 'application/json', '{"k":3}', { 'Content-Encoding': 'gzip' }) },
    { group: 'header', name: 'an unknown content encoding', send: raw('post', '/api/selection', 'application/json', '{"k":3}', { 'Content-Encoding': 'compress' }) },
    { group: 'header', name: 'a JSON body over 1 MB', send: raw('post', '/api/scenarios', 'application/json', JSON.stringify({ name: 'x', description: 'y'.repeat(1_100_000) })) },
    { group: 'header', name: 'a form with 3,000 fields', send: raw('post', '/api/scenarios', 'application/x-www-form-urlencoded', Array.from({ length: 3000 }, (_, i) => `f${i}=1`).join('&')) },
    { group: 'header', name: 'multipart without a boundary', send: raw('post', '/api/import/responses', 'multipart/form-data', '--x\r\n') },
    { group: 'header', name: 'multipart with the wrong boundary', send: raw('post', '/api/import/responses', 'multipart/form-data; boundary=abc', '--other\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx\r\n--other--\r\n') },
    { group: 'header', name: 'a truncated multipart body', send: raw('post', '/api/import/responses', 'multipart/form-data; boundary=abc', '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nkommunenummer;') },
    { group: 'header', name: 'multipart with a part without a name', send: raw('post', '/api/import/responses', 'multipart/form-data; boundary=abc', '--abc\r\nContent-Disposition: form-data\r\n\r\nx\r\n--abc--\r\n') },
    { group: 'header', name: 'an unknown bearer token', send: () => request(app).get('/api/ranking').set('Authorization', 'Bearer sv_nonsense') },
    { group: 'header', name: 'an empty bearer token', send: () => request(app).get('/api/ranking').set('Authorization', 'Bearer ') },
    { group: 'header', name: 'Basic authorization without a session', send: () => request(app).get('/api/ranking').set('Authorization', 'Basic YTpi') },
    { group: 'header', name: 'a wrong CSRF token', send: () => request(app).post('/api/scenarios').set({ Cookie: who.planner.cookie, 'X-CSRF-Token': 'feil' }).send({ name: 'x' }) },
    { group: 'header', name: 'no CSRF token', send: () => request(app).post('/api/scenarios').set({ Cookie: who.planner.cookie }).send({ name: 'x' }) },
    { group: 'header', name: 'a viewer changing a scenario', send: send('post', '/api/scenarios', { name: 'x' }, 'viewer') },
    { group: 'header', name: 'a viewer importing', send: () => request(app).post('/api/import/responses').set(as('viewer')).attach('file', csv([good('0301')]), 'a.csv') },
    { group: 'header', name: 'text/plain to a JSON route', send: raw('post', '/api/scenarios', 'text/plain', '{"name":"x"}') },
    { group: 'header', name: 'XML to a JSON route', send: raw('post', '/api/scenarios', 'application/xml', '<name>x</name>') },
  ];

  // ------------------------------------------------------------------ cookies
  const withCookie = (cookie: string, url = '/api/ranking?k=0x14') => () => request(app).get(url).set('Cookie', cookie);
  const cookieCases: Case[] = [
    { group: 'cookie', name: 'lang=%E0%A4%A with a bad query', send: () => withCookie(`lang=%E0%A4%A; ${who.planner.cookie}`)() },
    { group: 'cookie', name: 'lang=xx with a bad query', send: () => withCookie(`lang=xx; ${who.planner.cookie}`)() },
    { group: 'cookie', name: 'lang with a NUL and a bad query', send: () => withCookie(`lang=%00en; ${who.planner.cookie}`)() },
    { group: 'cookie', name: 'sv_session=%E0%A4%A', send: withCookie('sv_session=%E0%A4%A', '/api/ranking') },
    { group: 'cookie', name: 'sv_session with a NUL', send: withCookie('sv_session=%00', '/api/ranking') },
    { group: 'cookie', name: 'a tampered session', send: () => withCookie(`${who.planner.cookie}x`, '/api/ranking')() },
    { group: 'cookie', name: 'a bad session before a good one', send: () => withCookie(`sv_session=nei; ${who.planner.cookie}`, '/api/ranking')() },
    { group: 'cookie', name: 'only semicolons', send: withCookie(';;;', '/api/ranking') },
    { group: 'cookie', name: 'a 6 KB cookie', send: withCookie(`junk=${'x'.repeat(6000)}`, '/api/ranking') },
    { group: 'cookie', name: 'a cookie without a name', send: withCookie('=abc', '/api/ranking') },
    { group: 'cookie', name: 'sv_precsrf malformed on sign-in', send: () => request(app).post('/login').set('Cookie', 'sv_precsrf=%E0%A4%A').type('form').send({ name: 'x', password: 'y', _csrf: '%E0%A4%A' }) },
    { group: 'cookie', name: 'a malformed lang cookie on a missing page', send: () => withCookie(`lang=%E0%A4%A; ${who.planner.cookie}`, '/finnes-ikke')() },
    { group: 'cookie', name: 'a malformed lang cookie with a malformed path', send: () => withCookie(`lang=%E0%A4%A; ${who.planner.cookie}`, '/api/municipalities/%E0%A4%A')() },
    { group: 'cookie', name: 'a malformed lang cookie on an import', send: () => request(app).post('/api/import/responses').set({ ...as('planner'), Cookie: `lang=%E0%A4%A; ${who.planner.cookie}` }).attach('file', Buffer.alloc(0), 'a.csv') },
    { group: 'cookie', name: 'a session cookie in a second Cookie header', send: () => request(app).get('/api/ranking').set('Cookie', ['lang=en', 'sv_session=%E0']) },
  ];

  const cases = [...csvCases, ...xlsxCases, ...jsonCases, ...queryCases, ...pathCases, ...headerCases, ...cookieCases];

  it('has more than 200 cases in every group', () => {
    const groups = new Map<string, number>();
    for (const c of cases) groups.set(c.group, (groups.get(c.group) ?? 0) + 1);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect([...groups.keys()].sort()).toEqual(['CSV', 'JSON', 'XLSX', 'cookie', 'header', 'path', 'query']);
  });

  it('When each bad input is sent, then the answer is a 4xx with a message and the database is byte-identical', async () => {
    const failures: string[] = [];
    let before = dbImageHash(db);
    for (const c of cases) {
      let res: request.Response;
      try {
        res = await c.send();
      } catch (err) {
        failures.push(`${c.group} ${c.name}: the request failed: ${(err as Error).message}`);
        continue;
      }
      const message = messageOf(res);
      const after = dbImageHash(db);
      if (res.status < 400 || res.status >= 500) failures.push(`${c.group} ${c.name}: status ${res.status} ${message.slice(0, 120)}`);
      else if (message.length < 8) failures.push(`${c.group} ${c.name}: ${res.status} without a message`);
      if (after !== before) failures.push(`${c.group} ${c.name}: the database changed`);
      before = after;
    }
    expect(failures).toEqual([]);
  }, 600000);
});
