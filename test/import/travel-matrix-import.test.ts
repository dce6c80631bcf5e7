import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import type { Db } from '../../src/db/connection';
import { listAudit } from '../../src/db/audit-repo';
import { listTravelMatrices } from '../../src/db/travel-matrices-repo';
import { importTravelMatrix, matrixPoints } from '../../src/import/travel-matrix-import';
import { planningContext } from '../../src/planning/context';
import { resolveTravelModel } from '../../src/planning/travel-models';
import { rankScenario } from '../../src/planning/service';
import { scenarioFromQuery } from '../../src/model/scenario';
import { main } from '../../src/cli/main';
import { createApp } from '../../src/web/app';
import { memoryDb, tempDir } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { inProcessRunner, type HeavyRunner } from '../../src/planning/heavy';
import { WorkerPool } from '../../src/planning/worker-pool';
import { prepareMatrix } from '../../src/import/travel-matrix-prepare';
import { listStations } from '../../src/db/municipalities-repo';

let db: Db;
beforeEach(() => { db = memoryDb(); });
afterEach(() => db.close());

const stamp = { by: 'test-planner', now: '2024-05-01T10:00:00.000Z' };

/** A router-like CSV: the built-in matrix's kept pairs, every time plus `plus` minutes. */
function csvFromBuiltin(plus = 1, edit?: (lines: string[]) => void): Buffer {
  const { matrix } = resolveTravelModel(db, 'builtin');
  const lines = ['from_id,to_id,minutes'];
  matrix.rowIds.forEach((id, r) => {
    for (let k = matrix.rowStart[r]; k < matrix.rowStart[r + 1]; k++) lines.push(`${id},${matrix.colIds[matrix.cols[k]]},${(matrix.minutes[k] + plus).toFixed(1)}`);
  });
  edit?.(lines);
  return Buffer.from(lines.join('\n') + '\n');
}

describe('travel-time matrix import', () => {
  it('When a complete CSV is imported, then it is stored with its provenance, audited, and a scenario using it reads its minutes', async () => {
    const report = await importTravelMatrix(db, csvFromBuiltin(1), { fileName: 'osrm-2024.csv', name: 'OSRM Norge 2024', ...stamp });
    expect(report.status).toBe('imported');
    const [stored] = listTravelMatrices(db);
    expect(stored).toMatchObject({ id: report.matrix!.id, name: 'OSRM Norge 2024', fileName: 'osrm-2024.csv', format: 'csv', importedBy: 'test-planner', importedAt: stamp.now });
    expect(stored.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rowsInFile).toBe(report.summary!.rowsInFile);
    expect(listAudit(db, { entity: 'travel_matrix' }).entries.map((e) => e.action)).toEqual(['import']);
    const builtin = planningContext(db, 'builtin');
    const imported = planningContext(db, String(stored.id));
    expect(imported.travelModel.kind).toBe('imported');
    // Every demand point's nearest station is 1 min further, so the population-weighted mean rises by 1 min.
    const b = builtin.access.get('1144')!;
    const i = imported.access.get('1144')!;
    expect(i.driveMinMean).toBeCloseTo(b.driveMinMean + 1, 1);
    const ranking = rankScenario(db, scenarioFromQuery({ travelModel: String(stored.id) })).ranking;
    expect(ranking.items).toHaveLength(357);
  });

  it('When a CSV has unknown ids, a bad time and a repeated pair, then it is rejected naming row and column, and nothing is stored', async () => {
    const bad = csvFromBuiltin(0, (lines) => {
      lines[2] = lines[2].replace(/^[^,]+/, '9999x');
      lines[4] = lines[4].replace(/,[^,]+$/, ',fem');
      lines[6] = lines[5];
    });
    const report = await importTravelMatrix(db, bad, { fileName: 'bad.csv', ...stamp });
    expect(report.status).toBe('rejected');
    expect(report.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'bad.csv', row: '3', column: 'from_id', message: expect.stringContaining('9999x') }),
      expect.objectContaining({ file: 'bad.csv', row: '5', column: 'minutes', message: expect.stringContaining('fem') }),
      expect.objectContaining({ file: 'bad.csv', row: '7', column: 'to_id', message: expect.stringContaining('given twice') }),
    ]));
    expect(listTravelMatrices(db)).toHaveLength(0);
    expect(listAudit(db, { entity: 'travel_matrix' }).entries).toHaveLength(0);
  });

  it('When a station has no time at all, then the file is rejected naming that station', async () => {
    const noStation = csvFromBuiltin(0, (lines) => {
      for (let n = lines.length - 1; n > 0; n--) if (lines[n].split(',')[1] === 'karmoy-lensmannskontor') lines.splice(n, 1);
    });
    const report = await importTravelMatrix(db, noStation, { fileName: 'gap.csv', ...stamp });
    expect(report.status).toBe('rejected');
    expect(report.problems.map((p) => p.message)).toContain('station karmoy-lensmannskontor has no time from any demand point');
  });

  it('When an OSRM table in the order of points.csv is imported, then it is accepted; with a row missing, it is rejected and nothing stored', async () => {
    const { matrix } = resolveTravelModel(db, 'builtin');
    const p = matrixPoints(db);
    const targetIndex = new Map(p.targets.map((t, i) => [t.id, i]));
    const rowIndex = new Map(matrix.rowIds.map((id, i) => [id, i]));
    const durations = p.demand.map((d) => {
      const r = rowIndex.get(d.id)!;
      const row: (number | null)[] = new Array(p.targets.length).fill(null);
      for (let k = matrix.rowStart[r]; k < matrix.rowStart[r + 1]; k++) row[targetIndex.get(matrix.colIds[matrix.cols[k]])!] = matrix.minutes[k] * 60;
      return row;
    });
    const good = Buffer.from(JSON.stringify({ code: 'Ok', durations, sources: p.demand.map((d) => ({ location: [d.lon + 0.01, d.lat] })) }));
    expect((await importTravelMatrix(db, good, { fileName: 'table.json', dryRun: true, ...stamp })).status).toBe('dry-run');
    const short = Buffer.from(JSON.stringify({ code: 'Ok', durations: durations.slice(1) }));
    const report = await importTravelMatrix(db, short, { fileName: 'table.json', ...stamp });
    expect(report.status).toBe('rejected');
    expect(report.problems[0]).toMatchObject({ file: 'table.json', row: 'durations', message: expect.stringContaining(`expected ${p.demand.length.toLocaleString('en')}`) });
    const swapped = Buffer.from(JSON.stringify({ code: 'Ok', durations, sources: [...p.demand].reverse().map((d) => ({ location: [d.lon, d.lat] })) }));
    expect((await importTravelMatrix(db, swapped, { fileName: 't.json', ...stamp })).problems[0].message).toMatch(/order of points\.csv/);
    expect(listTravelMatrices(db)).toHaveLength(0);
  });

  it('When the OSRM file is JSON but not an object (null, a list, a number), then it is rejected saying what was found, and nothing stored', async () => {
    for (const [text, found] of [['null', 'the JSON type null'], ['[1,2]', 'the JSON type array'], ['42', 'the JSON type number'], ['"Ok"', 'the JSON type string']]) {
      const report = await importTravelMatrix(db, Buffer.from(text), { fileName: 'table.json', format: 'osrm', ...stamp });
      expect(report.status).toBe('rejected');
      expect(report.problems[0]).toMatchObject({ file: 'table.json', message: expect.stringContaining(`found ${found}`) });
    }
    expect(listTravelMatrices(db)).toHaveLength(0);
  });
});

describe('travel-time matrix API and CLI', () => {
  let app: Express;
  beforeEach(() => { app = createApp({ db }); });

  it('When a planner posts a bad file, then the API answers 422 with every problem and stores nothing; a viewer may not import', async () => {
    const api = await agentAs(app, db, 'planner');
    const res = await api.post('/api/travel-matrices').attach('file', Buffer.from('from_id,to_id,minutes\n0139,sentrum-politistasjon,-3\n'), 'm.csv');
    expect(res.status).toBe(422);
    expect(res.body.problems[0]).toMatchObject({ file: 'm.csv', row: '2', column: 'minutes', code: 'badMinutes', message: '«-3» må være et antall minutter fra 0 til 2\u00a0880, eller tomt for ingen rute' });
    // On the page, in the reader's language.
    const page = await api.post('/travel-matrices').attach('file', Buffer.from('from_id,to_id,minutes\n0139,sentrum-politistasjon,-3\n'), 'm.csv').expect(422);
    expect(page.text).toContain('«-3» må være et antall minutter fra 0 til 2\u00a0880, eller tomt for ingen rute');
    // In English when asked (the choice then sticks to the session).
    const english = await api.post('/api/travel-matrices?lang=en').attach('file', Buffer.from('from_id;to_id;minutes\n0139;x;5\n'), 'm.csv');
    expect(english.body.problems).toEqual([
      { file: 'm.csv', row: '2', column: 'to_id', code: 'unknownTo', params: { value: 'x' }, message: '"x" is not a site or station id' },
    ]);
    expect((await api.get('/api/travel-matrices')).body.imported).toEqual([]);
    const viewer = await agentAs(app, db, 'viewer');
    expect((await viewer.post('/api/travel-matrices').attach('file', csvFromBuiltin(), 'm.csv')).status).toBe(403);
    expect((await viewer.get('/travel-matrices/points.csv')).text.split('\n')[0]).toBe('order,role,id,lon,lat,kommunenummer,name');
  });

  it('When a planner posts a good file, then it is stored (201) and /api/ranking?travelModel=ID uses it; an unknown id answers 404', async () => {
    const api = await agentAs(app, db, 'planner');
    const res = await api.post('/api/travel-matrices').field('name', 'Router').attach('file', csvFromBuiltin(2), 'router.csv');
    expect(res.status).toBe(201);
    const id = res.body.matrix.id as number;
    expect((await api.get(`/api/ranking?travelModel=${id}`)).status).toBe(200);
    expect((await api.get('/api/ranking?travelModel=999')).status).toBe(404);
    const page = await api.get('/travel-matrices');
    expect(page.text).toContain('Router');
    const workspace = await api.get(`/?travelModel=${id}`).expect(200);
    expect(workspace.text).toContain(`Kjøretider: Importert matrise «Router» (nr. ${id})`);
    expect(workspace.text).toContain(`&#34;travelModel&#34;:&#34;${id}&#34;`);
    expect((await api.get('/?travelModel=999')).status).toBe(404);
    // Deleting: a bad id is 400 naming the field, an unknown one 404, both in the reader's language; the matrix stays.
    const bad = await api.delete('/api/travel-matrices/abc').expect(400);
    expect(bad.body.error.message).toContain('id');
    const unknown = await api.delete('/api/travel-matrices/999').expect(404);
    expect(unknown.body.error.message).toBe('Det finnes ingen importert reisetidsmatrise med id 999.');
    expect((await api.get('/api/travel-matrices')).body.imported.map((m: { id: number }) => m.id)).toEqual([id]);
    const noFile = await api.post('/api/travel-matrices').field('name', 'x').expect(400);
    expect(noFile.body.error.message).toBe('Ingen fil: send matrisen i multipart-feltet «file».');
    // From the page's form, the refusal is shown on the page in the reader's language.
    const form = await api.post('/travel-matrices').field('name', 'x').expect(400);
    expect(form.text).toContain('Ingen fil: send matrisen i multipart-feltet «file».');
  });

  it('When a matrix is named with a control character, then it is refused with 400 naming the field, and nothing is stored', async () => {
    const api = await agentAs(app, db, 'planner');
    const before = (await api.get('/api/travel-matrices')).body.imported.length;
    const res = await api.post('/api/travel-matrices').field('name', 'Ruter\u0007\u001b[31m').attach('file', Buffer.from('from_id,to_id,minutes\n'), 'm.csv');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('name');
    expect((await api.get('/api/travel-matrices')).body.imported).toHaveLength(before);
  });

  it('When the CLI imports a bad file, then it exits 1 and names file, row and column; a good file exits 0', async () => {
    const dir = tempDir();
    try {
      const dbPath = path.join(dir, 'cli.db');
      const file = path.join(dir, 'bad.csv');
      fs.writeFileSync(file, 'from_id,to_id,minutes\n0139,nowhere,12\n');
      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
      expect(await main(['travel-matrix', 'import', file, '--db', dbPath], io)).toBe(1);
      expect(err.join('')).toMatch(/bad\.csv row 2 column to_id: "nowhere" is not a site or station id/);
      expect(await main(['travel-matrix', 'list', '--db', dbPath, '--json'], io)).toBe(0);
      expect(out.join('')).toContain('[]');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('travel-time matrix import off the request thread', () => {
  it('When the web app imports a matrix, then the reading goes to its heavy runner (worker threads), not the request thread', async () => {
    const seen: string[] = [];
    const runner: HeavyRunner = { ...inProcessRunner, prepareMatrix: (job) => { seen.push(job.fileName); return inProcessRunner.prepareMatrix(job); } };
    const api = await agentAs(createApp({ db, heavy: runner }), db, 'planner');
    await api.post('/api/travel-matrices').field('dryRun', 'true').attach('file', csvFromBuiltin(2), 'router.csv').expect(200);
    expect(seen).toEqual(['router.csv']);
  });

  it('When a second matrix is posted while one is being imported, then it is refused with 503 and Retry-After before its file is read; afterwards imports run again', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => { release = r; });
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => { started = r; });
    // The real reading, held until the test lets it finish, so the first import is certainly still running.
    const runner: HeavyRunner = { ...inProcessRunner, prepareMatrix: async (job) => { started(); await gate; return inProcessRunner.prepareMatrix(job); } };
    const api = await agentAs(createApp({ db, heavy: runner }), db, 'planner');
    const first = api.post('/api/travel-matrices').field('dryRun', 'true').attach('file', csvFromBuiltin(2), 'first.csv').then((r) => r);
    await running;
    const second = await api.post('/api/travel-matrices').field('dryRun', 'true').attach('file', Buffer.from('from_id,to_id,minutes\n'), 'second.csv');
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('30');
    expect(second.body.error.message).toBe('En annen reisetidsmatrise importeres akkurat nå (det tar inntil et halvt minutt for en full tabell). Prøv igjen om 30 sekunder.');
    release();
    expect((await first).status).toBe(200);
    expect((await api.post('/api/travel-matrices').field('dryRun', 'true').attach('file', csvFromBuiltin(2), 'third.csv')).status).toBe(200);
  });

  const matrixJob = (bytes: Uint8Array) => {
    const p = matrixPoints(db);
    return { bytes, fileName: 'r.csv', points: { demand: p.demand, targets: p.targets }, nSites: p.targets.length - listStations(db).length };
  };

  it('When a worker thread reads a matrix, then its outcome equals the one read in this thread, and the file was moved to the worker, not copied (the caller\'s bytes are detached)', async () => {
    const job = matrixJob(csvFromBuiltin(3));
    const size = job.bytes.byteLength;
    expect(job.bytes.byteOffset === 0 && job.bytes.buffer.byteLength === size).toBe(true);
    const here = prepareMatrix(job);
    const pool = new WorkerPool({ size: 1 });
    try {
      const inWorker = pool.prepareMatrix(job);
      expect(job.bytes.byteLength).toBe(0);
      expect(job.bytes.buffer.byteLength).toBe(0);
      expect(await inWorker).toEqual(here);
      expect(here).toMatchObject({ status: 'ready', summary: { pairsRead: expect.any(Number) } });
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('When a matrix is posted to the web app with worker threads, then multer\'s buffer itself is moved to the worker (no copy in the request thread) and the import answers as before', async () => {
    const pool = new WorkerPool({ size: 1 });
    const left: number[] = [];
    const runner: HeavyRunner = { ...inProcessRunner, prepareMatrix: (job) => { const done = pool.prepareMatrix(job); left.push(job.bytes.byteLength); return done; } };
    try {
      const api = await agentAs(createApp({ db, heavy: runner }), db, 'planner');
      const res = await api.post('/api/travel-matrices').field('dryRun', 'true').attach('file', csvFromBuiltin(2), 'router.csv');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('dry-run');
      expect(left).toEqual([0]);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('When the file is a slice of a larger buffer or of Node\'s Buffer pool, then it is copied, not moved: the bytes around it stay readable and the outcome is the same', async () => {
    const csv = csvFromBuiltin(3);
    const larger = Buffer.concat([Buffer.from('før'), csv, Buffer.from('etter')]);
    const slice = larger.subarray(Buffer.byteLength('før'), Buffer.byteLength('før') + csv.length);
    const neighbour = Buffer.from('naboen i bufferpoolen');
    const pooled = Buffer.from('from_id,to_id,minutes\n');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    const pool = new WorkerPool({ size: 1 });
    try {
      expect(await pool.prepareMatrix(matrixJob(slice))).toEqual(prepareMatrix(matrixJob(csv)));
      expect(larger.toString('utf8')).toBe(`før${csv.toString('utf8')}etter`);
      expect(await pool.prepareMatrix(matrixJob(pooled))).toMatchObject({ status: 'rejected' });
      expect(pooled.toString()).toBe('from_id,to_id,minutes\n');
      expect(neighbour.toString()).toBe('naboen i bufferpoolen');
    } finally {
      await pool.close();
    }
  }, 120_000);
});
