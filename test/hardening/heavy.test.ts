/**
 * Issue 10, heavy work and load: robustness and exact solves run in worker threads (the workers
 * get plain data, never the database), so /healthz and pages answer while they run; samples and k
 * are capped; expensive routes are rate-limited per account; a full queue is a 503, not a stall.
 */
import http from 'node:http';
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { listenConfig } from '../../src/server-config';
import { LanedPool, WorkerPool, sampleRanges } from '../../src/planning/worker-pool';
import { inProcessRunner, useHeavyRunner, type HeavyRunner } from '../../src/planning/heavy';
import { mergeRobustnessCounts } from '../../src/engine';
import { robustnessScenario, selectScenario } from '../../src/planning/service';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { memoryDb, startServer } from '../helpers/app';
import { tokenFor } from '../helpers/auth';

function get(url: string, token?: string): Promise<{ status: number; at: number }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, at: performance.now() }));
    }).on('error', reject);
  });
}

/** Runs a robustness job in this thread split into the given sample ranges, merged as the worker pool merges them. */
function unevenChunksInThread(ranges: [number, number][]): HeavyRunner {
  return {
    select: inProcessRunner.select,
    prepareMatrix: inProcessRunner.prepareMatrix,
    analyseLetter: inProcessRunner.analyseLetter,
    docxText: inProcessRunner.docxText,
    robustness: async (job) => {
      const counts = ranges.map((range) => inProcessRunner.robustnessChunk({ ...job, range })).reduce(mergeRobustnessCounts);
      return inProcessRunner.robustnessSummary({ ...job, counts });
    },
  };
}

describe('heavy work off the request loop', () => {
  const pool = new LanedPool({ size: 1, maxQueued: 8 });
  afterAll(() => pool.close());

  it('When three heavy robustness requests are running, then /healthz, a page and a profile page (its own proposal and robustness in the interactive lane) answer before any of them finishes', async () => {
    const db = memoryDb();
    const token = await tokenFor(db, 'viewer');
    const server = await startServer(db);
    useHeavyRunner(pool);
    try {
      await get(`${server.url}/api/ranking`, token); // the planning context is built once, outside the measurement
      await get(`${server.url}/municipalities/0301`, token); // and the interactive workers have started
      // Each: the stored K = 20 proposal (solved once for all three), then 4,000 samples in the bulk lane.
      const heavy = Array.from({ length: 3 }, (_, i) => get(`${server.url}/api/robustness?samples=4000&seed=${i + 1}`, token));
      await new Promise((r) => setTimeout(r, 100));
      const health = await get(`${server.url}/healthz`);
      const page = await get(`${server.url}/api/municipalities`, token);
      // Another scenario (k = 19), so its proposal and robustness are computed now, not read from the store.
      const profile = await get(`${server.url}/municipalities/5601?k=19`, token);
      const done = await Promise.all(heavy);
      expect(done.map((d) => d.status)).toEqual([200, 200, 200]);
      expect([health.status, page.status, profile.status]).toEqual([200, 200, 200]);
      const firstHeavy = Math.min(...done.map((d) => d.at));
      expect(health.at).toBeLessThan(firstHeavy);
      expect(page.at).toBeLessThan(firstHeavy);
      expect(profile.at).toBeLessThan(firstHeavy);
    } finally {
      await server.close();
      db.close();
    }
  }, 240000);

  it('When robustness and an exact solve run in workers, split into chunks or not, then the figures equal those computed in this thread', async () => {
    const [inWorker, inThread, inChunks] = [memoryDb(), memoryDb(), memoryDb()];
    const score = scenarioParamsSchema.parse({ k: 10, objective: 'score' });
    // Coverage at K = 5 with weights and travel error sampled: 1,000 samples in two worker threads (two chunks of
    // 500, whatever the machine's processor count), in this thread in one piece, and in this thread in three uneven chunks.
    const coverage = scenarioParamsSchema.parse({ k: 5 });
    const settings = { samples: 1000, seed: 5, mode: 'around' as const };
    expect(sampleRanges(settings.samples, 2)).toEqual([[0, 500], [500, 1000]]);
    // Equal work, not equal length, when only the first samples re-choose the set: 10,000 ranked, 1,000 sets.
    expect(sampleRanges(10000, 2, 1000, 1)).toEqual([[0, 4500], [4500, 10000]]);
    expect(sampleRanges(1000, 2, 1000, 40)).toEqual([[0, 500], [500, 1000]]);
    expect(sampleRanges(3000, 3, 300, 40)).toEqual([[0, 122], [122, 244], [244, 3000]]);
    const twoWorkers = new WorkerPool({ size: 2, maxQueued: 8 });
    try {
      useHeavyRunner(pool);
      const r1 = await robustnessScenario(inWorker, score, { samples: 3000, seed: 3, mode: 'around' });
      const s1 = (await selectScenario(inWorker, score, 'exact')).selection;
      useHeavyRunner(twoWorkers);
      const chunked = await robustnessScenario(inWorker, coverage, settings);
      useHeavyRunner(inProcessRunner);
      const r2 = await robustnessScenario(inThread, score, { samples: 3000, seed: 3, mode: 'around' });
      const s2 = (await selectScenario(inThread, score, 'exact')).selection;
      const whole = await robustnessScenario(inThread, coverage, settings);
      useHeavyRunner(unevenChunksInThread([[0, 137], [137, 620], [620, 1000]]));
      const uneven = await robustnessScenario(inChunks, coverage, settings);
      expect(r1.items).toEqual(r2.items);
      expect(s1.selected).toEqual(s2.selected);
      expect(s1.objective).toBeCloseTo(s2.objective!, 9);
      expect(whole.sampled).toEqual({ weights: true, travel: true });
      expect(whole.samples).toBe(1000);
      for (const other of [chunked, uneven]) {
        expect(other.items).toEqual(whole.items);
        expect(other.sites).toEqual(whole.sites);
      }
      // The figures are not trivially equal: some proposed municipality moves under the sampled travel error.
      expect(whole.items.some((it) => it.pInSet > 0 && it.pInSet < 1)).toBe(true);
    } finally {
      useHeavyRunner(inProcessRunner);
      await twoWorkers.close();
      for (const db of [inWorker, inThread, inChunks]) db.close();
    }
  }, 300000);

  it('When samples or k pass their limits, then 400 names the limit', async () => {
    const db = memoryDb();
    const app = createApp({ db, heavy: inProcessRunner });
    const token = await tokenFor(db, 'viewer');
    const samples = await request(app).get('/api/robustness?samples=5001&lang=en').set('Authorization', `Bearer ${token}`);
    expect([samples.status, samples.body.error.message]).toEqual([400, 'samples: must be from 1 to 5000, got 5001']);
    // A run re-chooses the set in every sample: at K = 100 one request may ask for at most 1,000 samples.
    const large = await request(app).get('/api/robustness?samples=1001&k=100&lang=en').set('Authorization', `Bearer ${token}`);
    expect(large.status).toBe(400);
    expect(large.body.error.message).toMatch(/at most 1000 samples for K = 100/);
    const k = await request(app).post('/api/selection?lang=en').set('Authorization', `Bearer ${token}`).send({ k: 101, method: 'greedy' });
    expect([k.status, k.body.error.message]).toEqual([400, 'k: must be from 1 to 100, got 101']);
    db.close();
  });

  it('When one account sends more heavy requests than its limit, then it gets 429 with Retry-After; other accounts and light requests are not held back', async () => {
    const db = memoryDb();
    const app = createApp({ db, heavy: inProcessRunner, heavyLimits: { perMinute: 2, burst: 2 } });
    const a = await tokenFor(db, 'viewer');
    const b = await tokenFor(db, 'planner');
    const robust = (token: string) => request(app).get('/api/robustness?samples=20').set('Authorization', `Bearer ${token}`);
    expect((await robust(a)).status).toBe(200);
    expect((await robust(a)).status).toBe(200);
    const limited = await robust(a);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.message).toMatch(/For mange tunge beregninger .*høyst 2 enheter per minutt/);
    expect((await request(app).post('/api/selection').set('Authorization', `Bearer ${a}`).send({ k: 5, method: 'greedy' })).status).toBe(200);
    expect((await request(app).get('/healthz')).status).toBe(200);
    expect((await robust(b)).status).toBe(200);
    // 3,000 samples cost three units: more than b has left.
    expect((await request(app).get('/api/robustness?samples=3000').set('Authorization', `Bearer ${b}`)).status).toBe(429);
    db.close();
  });

  it('When a stored proposal of K = 100 is asked for its robustness, then the request costs its K (5 units per 1,000 samples), also with the id percent-encoded', async () => {
    const db = memoryDb();
    const app = createApp({ db, heavy: inProcessRunner, heavyLimits: { perMinute: 1, burst: 4 } });
    const token = await tokenFor(db, 'viewer');
    const stored = await request(app).post('/api/proposals').set('Authorization', `Bearer ${token}`).send({ solver: 'greedy', k: 100 });
    expect(stored.status).toBe(200);
    const id = stored.body.id as string;
    const encoded = id.replace(/\d/, (d) => `%3${d}`);
    for (const path of [id, encoded]) {
      const res = await request(app).get(`/api/proposals/${path}/robustness?samples=1000`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    db.close();
  });

  it('When a profile page is asked for under K = 100, by k or by a saved scenario, then it costs 5 units (its robustness runs at that K)', async () => {
    const db = memoryDb();
    const app = createApp({ db, heavy: inProcessRunner, heavyLimits: { perMinute: 1, burst: 4 } });
    const token = await tokenFor(db, 'viewer');
    const planner = await tokenFor(db, 'planner');
    const saved = await request(app).post('/api/scenarios').set('Authorization', `Bearer ${planner}`).send({ name: 'Stor', params: { k: 100 } });
    expect(saved.status).toBe(201);
    for (const query of ['k=100', `scenario=${saved.body.id}`]) {
      const res = await request(app).get(`/municipalities/0301?${query}`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(429);
    }
    db.close();
  });

  it('When more heavy jobs wait than the queue holds, then the next request is refused with 503 and Retry-After', async () => {
    const db = memoryDb();
    const small = new WorkerPool({ size: 1, maxQueued: 1 });
    const app = createApp({ db, heavy: small });
    const token = await tokenFor(db, 'viewer');
    try {
      const running = [1, 2].map((seed) => request(app).get(`/api/robustness?samples=2000&seed=${seed}`).set('Authorization', `Bearer ${token}`).then((r) => r.status));
      await new Promise((r) => setTimeout(r, 300));
      const refused = await request(app).get('/api/robustness?samples=10&seed=9').set('Authorization', `Bearer ${token}`);
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body.error.code).toBe('busy');
      expect(await Promise.all(running)).toEqual([200, 200]);
    } finally {
      await small.close();
      db.close();
    }
  }, 120000);
});

describe('where the server listens', () => {
  it('When HOST is not set, then it listens on 127.0.0.1 (behind a proxy); HOST and PORT override', () => {
    expect(listenConfig({})).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(listenConfig({ HOST: '0.0.0.0', PORT: '8080' })).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(() => listenConfig({ PORT: 'http' })).toThrow(/PORT must be a port number/);
  });
});
