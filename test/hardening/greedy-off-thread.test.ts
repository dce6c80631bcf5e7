/**
 * The workspace's greedy preview (`POST /api/selection` with `method: "greedy"`, and `POST /api/proposals` with
 * `solver: "greedy"`) is solved in the heavy runner's interactive lane, as exact solves are: at K = 100 it held the
 * request thread for 150–340 ms per request, free of the rate limit, so any signed-in account could keep the
 * server busy with it. The runner here is the real in-thread runner, wrapped to record what it was given.
 */
import request from 'supertest';
import { inProcessRunner, useHeavyRunner, type HeavyRunner, type SelectJob } from '../../src/planning/heavy';
import { testApp } from '../helpers/app';
import { tokenFor } from '../helpers/auth';

describe('greedy previews run in the heavy runner', () => {
  const { db, app } = testApp();
  const jobs: SelectJob[] = [];
  const recording: HeavyRunner = { ...inProcessRunner, select: (job) => (jobs.push(job), inProcessRunner.select(job)) };
  beforeAll(() => useHeavyRunner(recording));
  afterAll(() => useHeavyRunner(inProcessRunner));
  beforeEach(() => jobs.splice(0));

  it('When a viewer asks for a greedy selection at K = 100, then it is solved by the heavy runner in the interactive lane, greedily', async () => {
    const token = await tokenFor(db, 'viewer');
    const res = await request(app).post('/api/selection').set('Authorization', `Bearer ${token}`).send({ method: 'greedy', k: 100 });
    expect(res.status).toBe(200);
    expect(res.body.selected).toHaveLength(100);
    expect(res.body.solver).toBe('greedy');
    expect(jobs).toHaveLength(1);
    expect(jobs[0].lane).toBe('interactive');
    expect(jobs[0].options.method).toBe('greedy');
    expect(jobs[0].options.k).toBe(100);
  });

  it('When a planner asks for a greedy proposal, then it too goes through the heavy runner (interactive), and an exact one of K = 100 to the bulk lane', async () => {
    const token = await tokenFor(db, 'planner');
    const greedy = await request(app).post('/api/proposals').set('Authorization', `Bearer ${token}`).send({ solver: 'greedy', k: 30 });
    expect(greedy.status).toBe(200);
    expect(jobs.map((j) => [j.lane, j.options.method])).toEqual([['interactive', 'greedy']]);
    const exact = await request(app).post('/api/proposals').set('Authorization', `Bearer ${token}`).send({ k: 100 });
    expect(exact.status).toBe(200);
    expect(jobs.map((j) => [j.lane, j.options.method])).toEqual([['interactive', 'greedy'], ['bulk', 'exact']]);
  });
});
