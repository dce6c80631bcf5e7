import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import type { Db } from '../../src/db/connection';
import { memoryDb, tempDir } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { loadTestAnswers } from '../shortlist/helpers';
import { createApp } from '../../src/web/app';
import { parseCsv } from '../../src/common/csv';
import { HEADER_ROW } from '../../src/export';
import { t } from '../../src/common/i18n';
import { recordAssessment } from '../../src/db/assessments-repo';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { selectScenario } from '../../src/planning/service';
import { createShortlist } from '../../src/shortlist/service';
import { main } from '../../src/cli/main';
import type { Shortlist } from '../../src/db/shortlists-repo';

const params = scenarioParamsSchema.parse({ k: 8 });
const NOTICE_NB = 'EKSEMPELDATA';
const num = (s: string) => Number(s.replace(',', '.'));

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('exports', () => {
  let db: Db;
  let sl: Shortlist;
  let app: ReturnType<typeof createApp>;
  let planner: Awaited<ReturnType<typeof agentAs>>;
  let engine: Awaited<ReturnType<typeof selectScenario>>;
  const dir = tempDir('stedsvalg-export-');

  beforeAll(async () => {
    db = memoryDb();
    loadTestAnswers(db, { sample: true });
    sl = await createShortlist(db, { name: 'Kortliste våren 2022', source: { kind: 'params', params }, by: 'Åse Øvergård', now: '2024-06-01T12:00:00Z' });
    const c = sl.candidates[0];
    recordAssessment(db, { shortlistId: sl.id, kommunenummer: c.kommunenummer, policeDistrict: c.policeDistrict, advice: 'supports', reason: 'Støttes: lang vei til nærmeste tjenestested', assessor: 'Politimester Ås', now: '2024-06-02T08:00:00Z' });
    app = createApp({ db });
    planner = await agentAs(app, db, 'planner');
    engine = await selectScenario(db, params, 'exact');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const engineScore = (knr: string) => engine.ranking.items.find((r) => r.kommunenummer === knr)!.score;

  it('When a shortlist is exported as CSV, then it has a BOM, # lines with the notice, the travel model and the attribution, semicolons, decimal commas, and the engine scores', async () => {
    const res = await planner.get(`/export/shortlists/${sl.id}.csv`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('.csv');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      `# ${t('nb', 'report.sampleNotice')}`,
      '# Reisetidsmodell (alle kjøretider): Innebygd land/sjø-modell v2 (TØI-kalibrert)',
      `# ${t('nb', 'report.attribution')}`,
    ]);
    for (const source of ['Kartverket', 'SSB', 'Politiet', 'TØI']) expect(lines[2]).toContain(source);
    expect(lines[3]).toMatch(/^Nr\.;Kommunenummer;/);
    const rows = parseCsv(text, { delimiter: ';', comment: '#' });
    const header = rows[0];
    expect(header).toEqual(expect.arrayContaining(['Kommunenummer', 'Poengsum', 'Distriktets råd']));
    const data = rows.slice(1);
    expect(data).toHaveLength(8);
    const col = (name: string) => header.indexOf(name);
    for (const row of data) {
      expect(num(row[col('Poengsum')])).toBeCloseTo(engineScore(row[col('Kommunenummer')]), 2);
      expect(row[col('Poengsum')]).not.toContain('.');
    }
    expect(data[0][col('Distriktets råd')]).toBe('støtter');
    expect(data.map((r) => r[col('Kommunenummer')])).toEqual(sl.candidates.map((c) => c.kommunenummer));
  });

  it('When a shortlist is exported as XLSX, then exceljs reads the five sheets with the engine numbers', async () => {
    const res = await planner.get(`/export/shortlists/${sl.id}.xlsx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kortliste', 'Indikatorer', 'Vekter og metode', 'Distriktsvurderinger', 'Kilder']);
    const ws = wb.getWorksheet('Kortliste')!;
    expect(String(ws.getCell(2, 1).value)).toContain(NOTICE_NB);
    const header = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1);
    const knrCol = header.indexOf('Kommunenummer') + 1;
    const scoreCol = header.indexOf('Poengsum') + 1;
    for (let i = 0; i < 8; i++) {
      const row = ws.getRow(HEADER_ROW + 1 + i);
      expect(row.getCell(scoreCol).value).toBeCloseTo(engineScore(String(row.getCell(knrCol).value)), 2);
    }
    const assessments = wb.getWorksheet('Distriktsvurderinger')!;
    expect(String(assessments.getRow(HEADER_ROW + 1).getCell(5).value)).toContain('lang vei');
    // Assessed 2024-06-02T08:00:00Z is 10:00 in Norway (summer time): a real Excel date of that wall-clock time.
    const assessedAt = assessments.getRow(HEADER_ROW + 1).getCell(7);
    expect(assessedAt.value).toBeInstanceOf(Date);
    expect((assessedAt.value as Date).toISOString()).toBe('2024-06-02T10:00:00.000Z');
    expect(assessedAt.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(assessments.getRow(HEADER_ROW).getCell(8).value).toBe('Gjeldende vurdering');
    const sources = wb.getWorksheet('Kilder')!;
    expect(sources.rowCount).toBeGreaterThan(HEADER_ROW + 5);
    expect(sources.getRow(sources.rowCount).getCell(1).value).toBe(t('nb', 'report.attribution'));
  });

  it('When a shortlist is exported as GeoJSON, then it is an RFC 7946 FeatureCollection of points in Norway with all properties', async () => {
    const res = await planner.get(`/export/shortlists/${sl.id}.geojson`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = JSON.parse(res.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc).not.toHaveProperty('crs');
    expect(fc.notice).toContain(NOTICE_NB);
    expect(fc.features).toHaveLength(8);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(4);
      expect(lon).toBeLessThan(31.5);
      expect(lat).toBeGreaterThan(57.8);
      expect(lat).toBeLessThan(71.3);
      expect(f.properties.score).toBeCloseTo(engineScore(f.properties.kommunenummer), 2);
      expect(f.properties).toHaveProperty('points_driveTime');
      expect(f.properties).toHaveProperty('ind_crimePer1000');
      expect(f.properties.notice).toContain(NOTICE_NB);
      expect(f.properties.attribution).toBe(fc.attribution);
      for (const v of Object.values(f.properties)) expect(typeof v === 'object' && v !== null).toBe(false);
    }
    // One attribution text for every format: what each source gave.
    expect(fc.attribution).toBe(t('nb', 'report.attribution'));
    for (const part of ['kommunegrenser © Kartverket', 'folkemengde 1.1.2024 og anmeldte lovbrudd', 'fra SSB', 'tjenestesteder sammenstilt fra Politiet, POD og nyhetssider', 'reisetider fra TØI']) {
      expect(fc.attribution).toContain(part);
    }
  });

  it('When a shortlist is exported as PDF, then pdfinfo, pdftotext and pdftoppm read it: pages, title, notice on every page, æøå names', async () => {
    const res = await planner.get(`/export/shortlists/${sl.id}.pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, res.body as Buffer);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // summary (proposal, map, method, key figures), method and weights, one page per candidate, sources
    expect(pages).toBeGreaterThanOrEqual(2 + 8 + 1);
    expect(pages).toBeLessThanOrEqual(3 + 8 + 1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const perPage = text.split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    for (const p of perPage) expect(p).toContain('EKSEMPELDATA: svarene fra kommunene er illustrative');
    expect(perPage[0]).toContain('Kortliste: Kortliste våren 2022');
    for (const c of sl.candidates) expect(text).toContain(c.name);
    expect(sl.candidates.some((c) => /[æøåÆØÅ]/.test(c.name))).toBe(true);
    expect(text).toContain('Politimester Ås');
    expect(text).toContain(sl.inputHash);
    const flat = text.replace(/[\s\u00a0]+/g, ' ');
    expect(flat).toContain('Kilder: kommunegrenser © Kartverket (CC BY 4.0;');
    // Reproducibility: each heading fact once, revisions said in words, no raw revision ids.
    const last = perPage[perPage.length - 1];
    for (const key of ['Dataårgang', 'Laget', 'Tallene er frosset', 'Reisetidsmodell']) expect(last.match(new RegExp(`^${key}`, 'gm'))).toHaveLength(1);
    expect(last).not.toMatch(/^Tidsstempel/m);
    expect(flat).toMatch(/Svarrevisjon 357 svar, 357 versjoner i alt, 0 eldre versjoner i historikken; sist endret 1\. mai 2024(, | kl\. )12:00/);
    // The snapshot was taken before the first assessment was recorded.
    expect(flat).toContain('Vurderingsrevisjon ingen vurderinger registrert');
    expect(flat).not.toMatch(/357\.357\.0\.2024/);
    // Numbers said the Norwegian way, with what they count.
    expect(flat).toContain('Robustheten er prøvd med 1 000 tilfeldige utvalg av vekter og reisetidsfeil.');
    expect(flat).toMatch(/Målverdi \d{1,3}( \d{3})* innbyggere innen /);
    expect(flat).toMatch(/Andel over 45 min fra tjenestested \d+,\d %/);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '3', file, path.join(dir, 'page')]);
    const pngs = fs.readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pngs).toHaveLength(3);
    for (const png of pngs) expect(fs.statSync(path.join(dir, png)).size).toBeGreaterThan(2000);
  });

  it('When ?lang=en is given, then the PDF and CSV are in English', async () => {
    const csv = await planner.get(`/export/shortlists/${sl.id}.csv?lang=en`).buffer(true).parse(binary);
    expect((csv.body as Buffer).toString('utf8')).toContain('SAMPLE DATA');
    const pdf = await planner.get(`/export/shortlists/${sl.id}.pdf?lang=en`).buffer(true).parse(binary);
    const file = path.join(dir, 'en.pdf');
    fs.writeFileSync(file, pdf.body as Buffer);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Shortlist: Kortliste våren 2022');
    expect(text).toContain('Reproducibility');
  });

  it('When the current scenario is exported, then the candidates are its proposed set with the engine numbers', async () => {
    const res = await planner.get('/export/scenario.geojson?k=3&objective=score');
    expect(res.status).toBe(200);
    const fc = JSON.parse(res.text);
    const expected = await selectScenario(db, scenarioParamsSchema.parse({ k: 3, objective: 'score' }), 'exact');
    expect(fc.features.map((f: { id: string }) => f.id)).toEqual(expected.selection.sites.map((s) => s.kommunenummer));
    expect(fc.features.map((f: { properties: { siteId: string } }) => f.properties.siteId)).toEqual(expected.selection.selectedSites);
    for (const f of fc.features) {
      expect(f.properties.score).toBeCloseTo(expected.ranking.items.find((r) => r.kommunenummer === f.id)!.score, 2);
    }
    expect((await planner.get('/export/scenario.doc')).status).toBe(404);
    expect((await planner.get('/export/shortlists/k-nope.pdf')).status).toBe(404);
  });

  it('When the data change after creation, then the export still prints the snapshot figures and says the data differ', async () => {
    const local = memoryDb();
    loadTestAnswers(local, { sample: false });
    const made = await createShortlist(local, { name: 'B', source: { kind: 'params', params: scenarioParamsSchema.parse({ k: 3 }) }, by: 'x', now: '2024-06-01T00:00:00Z' });
    const first = made.snapshot.candidates[0];
    local.prepare('UPDATE municipalities SET crime_per_1000 = crime_per_1000 + 300 WHERE kommunenummer = ?').run(first.kommunenummer);
    local.prepare("UPDATE meta SET value = 'other' WHERE key = 'data_hash'").run();
    const localPlanner = await agentAs(createApp({ db: local }), local, 'planner');
    const res = await localPlanner.get(`/export/shortlists/${made.id}.geojson`);
    const fc = JSON.parse(res.text);
    expect(fc.notice).toBeNull();
    expect(fc.features[0].properties.score).toBeCloseTo(first.score, 2);
    expect(fc.features[0].properties.ind_crimePer1000).toBeCloseTo(first.indicators.crimePer1000!, 3);
    const pdf = await localPlanner.get(`/export/shortlists/${made.id}.pdf`).buffer(true).parse(binary);
    const file = path.join(dir, 'changed.pdf');
    fs.writeFileSync(file, pdf.body as Buffer);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Dagens data avviker fra øyeblikksbildet');
    expect(text).not.toContain('EKSEMPELDATA');
  });

  it('When a candidate\'s violence count was suppressed by SSB, then every format flags its violence figure as an estimated midpoint and the PDF stars it with a footnote', async () => {
    const suppressed = db.prepare('SELECT kommunenummer FROM municipalities WHERE violence_suppressed = 1 ORDER BY kommunenummer LIMIT 1').pluck().get() as string;
    const made = await createShortlist(db, {
      name: 'Skjulte tall', by: 'test', now: '2024-06-01T12:00:00Z',
      source: { kind: 'manual', kommunenummer: [suppressed, '0301'], params: scenarioParamsSchema.parse({ k: 2 }) },
    });
    const FLAG = 'Voldstall anslått (SSB skjuler 0–4; midtpunktet brukt)';
    const csv = await planner.get(`/export/shortlists/${made.id}.csv?lang=nb`).buffer(true).parse(binary);
    const rows = parseCsv((csv.body as Buffer).toString('utf8'), { delimiter: ';', comment: '#' });
    const flag = rows[0].indexOf(FLAG);
    expect(flag).toBeGreaterThan(0);
    expect(rows[0][flag - 1]).toMatch(/^Vold og mishandling per 1.000 innb\./);
    expect(rows.slice(1).map((r) => [r[1], r[flag]])).toEqual([[suppressed, 'ja'], ['0301', 'nei']]);

    const fc = JSON.parse((await planner.get(`/export/shortlists/${made.id}.geojson?lang=nb`)).text);
    expect(fc.features.map((f: { id: string; properties: { violenceSuppressed: boolean } }) => [f.id, f.properties.violenceSuppressed])).toEqual([[suppressed, true], ['0301', false]]);

    const xlsx = await planner.get(`/export/shortlists/${made.id}.xlsx?lang=nb`).buffer(true).parse(binary);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as Buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Indikatorer')!;
    const col = (ws.getRow(HEADER_ROW).values as unknown[]).indexOf(FLAG);
    expect([ws.getRow(HEADER_ROW + 1).getCell(col).value, ws.getRow(HEADER_ROW + 2).getCell(col).value]).toEqual(['ja', 'nei']);

    const pdf = await planner.get(`/export/shortlists/${made.id}.pdf?lang=nb`).buffer(true).parse(binary);
    const file = path.join(dir, 'suppressed.pdf');
    fs.writeFileSync(file, pdf.body as Buffer);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    const page = (knr: string) => pages.find((p) => p.includes(`(${knr})`))!.replace(/\s+/g, ' ');
    const note = `* ${t('nb', 'prof.suppressedNote')}`;
    expect(page(suppressed)).toMatch(/per 1 000\* /);
    expect(page(suppressed)).toMatch(/Vold og mishandling per 1 000 innb\. \(2023–2024, .*?[\d,]+\* /);
    expect(page(suppressed)).toContain(note);
    expect(page('0301')).not.toContain(note);
    expect(page('0301')).not.toMatch(/\d\*/);
  });

  it('When the CLI exports a shortlist, then it writes the file', async () => {
    const dbPath = path.join(dir, 'cli.db');
    const { openDatabase } = await import('../../src/db/connection');
    const { loadDataset } = await import('../../src/db/load-dataset');
    const { dataset } = await import('../helpers/app');
    const fileDb = openDatabase(dbPath);
    loadDataset(fileDb, dataset());
    const made = await createShortlist(fileDb, { name: 'CLI', source: { kind: 'params', params: scenarioParamsSchema.parse({ k: 2 }) }, by: 'x', now: '2024-06-01T00:00:00Z' });
    fileDb.close();
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s) };
    const csvFile = path.join(dir, 'cli.csv');
    expect(await main(['export', '--shortlist', made.id, '--format', 'csv', '--out', csvFile, '--lang', 'en', '--db', dbPath], io)).toBe(0);
    expect(fs.readFileSync(csvFile, 'utf8')).toContain('Municipality number');
    expect(await main(['export', '--shortlist', made.id, '--format', 'doc', '--out', csvFile, '--db', dbPath], io)).toBe(2);
  });
});
