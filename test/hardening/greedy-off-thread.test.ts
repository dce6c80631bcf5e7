/**
 * The workspace's greedy preview (`POST /api/selection` with `method: "greedy"`, and `POST /api/proposals` with
 * `solver: "greedy"`) is solved in the heavy runner, as exact solves are, in a lane of its own: at K = 100 it held the
 * request thread for 150–340 ms per request, free of the rate limit, so any signed-in account could keep the
 * server busy with it; and in the interactive lane it would wait behind the previous change's robustness run.
 * The first runner here is the real in-thread runner, wrapped to record what it was given; the last test uses the
 * server's real worker pools.
 */
import request from 'supertest';
import { inProcessRunner, useHeavyRunner, type HeavyRunner, type SelectJob } from '../../src/planning/heavy';
import { LanedPool } from '../../src/planning/worker-pool';
import { selectScenario } from '../../src/planning/service';
import { planningContext } from '../../src/planning/context';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { memoryDb, testApp } from '../helpers/app';
import { tokenFor } from '../helpers/auth';

describe('greedy previews run in the heavy runner', () => {
  const { db, app } = testApp();
  const jobs: SelectJob[] = [];
  const recording: HeavyRunner = { ...inProcessRunner, select: (job) => (jobs.push(job), inProcessRunner.select(job)) };
  beforeAll(() => useHeavyRunner(recording));
  afterAll(() => useHeavyRunner(inProcessRunner));
  beforeEach(() => jobs.splice(0));

  it('When a viewer asks for a greedy selection at K = 100, then it is solved by the heavy runner in its preview lane, greedily', async () => {
    const token = await tokenFor(db, 'viewer');
    const res = await request(app).post('/api/selection').set('Authorization', `Bearer ${token}`).send({ method: 'greedy', k: 100 });
    expect(res.status).toBe(200);
    expect(res.body.selected).toHaveLength(100);
    expect(res.body.solver).toBe('greedy');
    expect(jobs).toHaveLength(1);
    expect(jobs[0].lane).toBe('preview');
    expect(jobs[0].options.method).toBe('greedy');
    expect(jobs[0].options.k).toBe(100);
  });

  it('When a planner asks for a greedy proposal, then it too goes through the heavy runner (its preview lane), and an exact one of K = 100 to the bulk lane', async () => {
    const token = await tokenFor(db, 'planner');
    const greedy = await request(app).post('/api/proposals').set('Authorization', `Bearer ${token}`).send({ solver: 'greedy', k: 30 });
    expect(greedy.status).toBe(200);
    expect(jobs.map((j) => [j.lane, j.options.method])).toEqual([['preview', 'greedy']]);
    const exact = await request(app).post('/api/proposals').set('Authorization', `Bearer ${token}`).send({ k: 100 });
    expect(exact.status).toBe(200);
    expect(jobs.map((j) => [j.lane, j.options.method])).toEqual([['preview', 'greedy'], ['bulk', 'exact']]);
  });
});

describe('the preview lane', () => {
  it('When both interactive workers are busy with a long robustness run, then a greedy preview is still answered (by its own worker)', async () => {
    const db = memoryDb();
    const pool = new LanedPool({ maxQueued: 8 });
    try {
      useHeavyRunner(pool);
      const municipalities = planningContext(db, 'builtin').inputs;
      // Far more samples than any page asks for: it holds both interactive workers until the pool is closed.
      let settled = false;
      const long = pool.robustness({ municipalities, rankOptions: {}, options: { samples: 5_000_000, setSamples: 0 }, lane: 'interactive' })
        .then(() => 'done', () => 'stopped').finally(() => (settled = true));
      const { selection } = await selectScenario(db, scenarioParamsSchema.parse({ k: 20 }), 'greedy');
      expect(selection.selected).toHaveLength(20);
      expect(selection.solver).toBe('greedy');
      expect(settled).toBe(false);
      await pool.close();
      // Closing the pool fails the job it was running (before, its promise never settled).
      expect(await long).toBe('stopped');
    } finally {
      useHeavyRunner(inProcessRunner);
      await pool.close();
      db.close();
    }
  }, 180_000);
});
