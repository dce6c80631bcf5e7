import { main } from '../../src/cli/main';
import { tempDir, testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { scenarioFromQuery } from '../../src/model/scenario';
import path from 'node:path';
import fs from 'node:fs';

const { db, app } = testApp();

/** A signed-in planner (bearer token). */
let api: Awaited<ReturnType<typeof agentAs>>;
beforeAll(async () => {
  api = await agentAs(app, db, 'planner');
});

describe('GET /api/ranking', () => {
  it('When no answers are loaded, then all 357 municipalities are ranked, all eligible, with contributions that sum to the score', async () => {
    const res = await api.get('/api/ranking').expect(200);
    expect(res.body.items).toHaveLength(357);
    expect(res.body.answers.loaded).toBe(false);
    expect(res.body.answersLoaded).toBe(false);
    const ranks = res.body.items.map((i: { rank: number }) => i.rank).sort((a: number, b: number) => a - b);
    expect(ranks).toEqual(Array.from({ length: 357 }, (_, i) => i + 1));
    for (const item of res.body.items) {
      expect(item.eligible).toBe(true);
      const sum = Object.values(item.contributions as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(item.score, 6);
    }
  });

  it('When only crime rate has weight, then the ranking follows reported offences per 1,000 among municipalities that have the figure', async () => {
    const weights = 'premises:0,driveTime:0,uncovered:0,crimeRate:1,violenceRate:0,crimeTrend:0,population:0,dissatisfied:0';
    const res = await api.get(`/api/ranking?weights=${weights}`).expect(200);
    const withValue = res.body.items.filter((i: { values: Record<string, number | null> }) => i.values.crimeRate !== null);
    for (let i = 1; i < withValue.length; i++) {
      expect(withValue[i - 1].values.crimeRate).toBeGreaterThanOrEqual(withValue[i].values.crimeRate);
    }
    const utsira = res.body.items.find((i: { kommunenummer: string }) => i.kommunenummer === '1151');
    expect(utsira.missing).toContain('crimeRate');
  });

  it('When a weight names an unknown criterion, then 400 names it', async () => {
    const res = await api.get('/api/ranking?weights=foo:2').expect(400);
    expect(res.body.error.message).toMatch(/^weights: ukjent kriterium: foo;/);
  });

  it('When a weight is negative, then 400 names the criterion', async () => {
    const res = await api.get('/api/ranking?w.crimeRate=-1&lang=en').expect(400);
    expect(res.body.error.message).toMatch(/weights\.crimeRate: must be from 0 to 1000, got -1/);
  });
});

describe('POST /api/selection', () => {
  it('When exact and greedy coverage are solved for K = 20, then exact is optimal, never worse, and both satisfy K', async () => {
    const greedy = await api.post('/api/selection').send({ k: 20, objective: 'coverage', method: 'greedy' }).expect(200);
    const exact = await api.post('/api/selection').send({ k: 20, objective: 'coverage', method: 'exact' }).expect(200);
    expect(exact.body.status).toBe('optimal');
    expect(exact.body.gap).toBeLessThanOrEqual(1e-6);
    expect(exact.body.objective).toBeGreaterThanOrEqual(greedy.body.objective - 1e-6);
    expect(exact.body.selected).toHaveLength(20);
    expect(greedy.body.selected).toHaveLength(20);
    expect(exact.body.newlyCovered).toBeGreaterThan(0);
  });

  it('When a district maximum and a forced municipality are given, then the set obeys them', async () => {
    const res = await api
      .post('/api/selection')
      .send({ k: 20, objective: 'score', method: 'exact', districtMax: { Trøndelag: 1 }, include: ['0301'], exclude: ['5034'] })
      .expect(200);
    expect(res.body.status).toBe('optimal');
    expect(res.body.selected).toContain('0301');
    expect(res.body.selected).not.toContain('5034');
    const districts = res.body.sites.map((s: { district: string }) => s.district);
    expect(districts.filter((d: string) => d === 'Trøndelag').length).toBeLessThanOrEqual(1);
  });

  it('When the district minimums exceed what exists, then status is infeasible and the rule is named', async () => {
    const res = await api.post('/api/selection').send({ k: 20, districtMin: { Oslo: 5 }, method: 'exact' }).expect(200);
    expect(res.body.status).toBe('infeasible');
    expect(res.body.violated).toContainEqual(expect.objectContaining({ rule: 'districtMinOverAvailable', district: 'Oslo', min: 5 }));
    expect(res.body.selected).toEqual([]);
  });

  it('When a viewer or a district leader re-ranks and re-selects, then both are allowed (they change nothing)', async () => {
    for (const role of ['viewer', 'district'] as const) {
      const reader = await agentAs(app, db, role);
      expect((await reader.get('/api/ranking?weights=crimeRate:4').expect(200)).body.items).toHaveLength(357);
      expect((await reader.post('/api/selection').send({ k: 5, method: 'greedy' }).expect(200)).body.selected).toHaveLength(5);
    }
  });

  it('When a request sets the time limit and the gap tolerance, then the solve is fresh and not stored, the tolerance is echoed, and a cut-short set is never called optimal', async () => {
    const stored = await api.post('/api/selection').send({ k: 20, method: 'exact' }).expect(200);
    expect(stored.body.id).toMatch(/^p-/);
    const loose = await api.post('/api/selection').send({ k: 20, method: 'exact', gapTolerance: 0.2 }).expect(200);
    expect(loose.body).toMatchObject({ gapTolerance: 0.2, status: 'optimal', id: null });
    expect(loose.body.gap).toBeLessThanOrEqual(0.2);
    const cut = await api.post('/api/selection').send({ k: 20, method: 'exact', timeLimitSeconds: 0.05 }).expect(200);
    expect(cut.body.id).toBeNull();
    if (cut.body.stoppedBy === 'timeLimit') {
      expect(cut.body.status).toBe('feasible');
      expect(cut.body.gap).toBeGreaterThan(cut.body.gapTolerance);
    } else expect(cut.body).toMatchObject({ status: 'optimal', stoppedBy: 'proof' });
    expect(cut.body.bound).toBeGreaterThanOrEqual(cut.body.objective);
    const refused = await api.post('/api/selection?lang=en').send({ k: 20, timeLimitSeconds: 1000 }).expect(400);
    expect(refused.body.error.message).toMatch(/^timeLimitSeconds: /);
  });

  it('When k is not a number, then 400 names k', async () => {
    const res = await api.post('/api/selection').send({ k: 'many' }).expect(400);
    expect(res.body.error.message).toMatch(/^k:/);
  });
});

describe('GET /api/robustness', () => {
  it('When the same seed is used twice, then the figures are identical and within range', async () => {
    const a = await api.get('/api/robustness?samples=300&seed=7&objective=score').expect(200);
    const b = await api.get('/api/robustness?samples=300&seed=7&objective=score').expect(200);
    expect(a.body.items).toEqual(b.body.items);
    expect(a.body.items).toHaveLength(357);
    for (const it of a.body.items) {
      expect(it.pInSet).toBeGreaterThanOrEqual(0);
      expect(it.pInSet).toBeLessThanOrEqual(1);
      expect(it.rankP05).toBeLessThanOrEqual(it.rankP95);
    }
    const inSet = a.body.items.reduce((s: number, it: { pInSet: number }) => s + it.pInSet, 0);
    expect(inSet).toBeCloseTo(20, 6);
  });

  it('When the rules cannot be met, then 422 says in the reader\'s language that there is no set to test, naming the rule', async () => {
    const nb = await api.get('/api/robustness?samples=50&districtMin=Oslo:5&lang=nb').expect(422);
    expect(nb.body.error.message).toMatch(/^Forslaget har ikke noe sett å prøve robustheten til: .*Oslo/);
    expect(nb.body.error.details.violated).toContainEqual(expect.objectContaining({ rule: 'districtMinOverAvailable', district: 'Oslo' }));
    const en = await api.get('/api/robustness?samples=50&districtMin=Oslo:5&lang=en').expect(422);
    expect(en.body.error.message).toMatch(/^The proposal has no set whose robustness could be tested: .*Oslo/);
  });

  it('When samples is out of range, then 400 names samples', async () => {
    const res = await api.get('/api/robustness?samples=0').expect(400);
    expect(res.body.error.message).toMatch(/samples/);
  });
});

describe('scenario query parsing', () => {
  it('When a query overrides a saved scenario, then the given fields and weights win and the rest is kept', () => {
    const base = scenarioFromQuery({ k: '12', weights: 'crimeRate:5' });
    const merged = scenarioFromQuery({ 'w.driveTime': '0', objective: 'access' }, base);
    expect(merged.k).toBe(12);
    expect(merged.objective).toBe('access');
    expect(merged.weights.crimeRate).toBe(5);
    expect(merged.weights.driveTime).toBe(0);
  });
});

describe('CLI rank, select, robustness', () => {
  const dir = tempDir();
  const dbPath = path.join(dir, 'cli.db');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const io = () => {
    const o = { out: '', err: '', stdout: (s: string) => { o.out += s; }, stderr: (s: string) => { o.err += s; } };
    return o;
  };

  it('When rank --json is run, then it prints the same ranking as the API', async () => {
    const cap = io();
    expect(await main(['rank', '--db', dbPath, '--json', '--weights', 'crimeRate:4'], cap)).toBe(0);
    const cli = JSON.parse(cap.out);
    const fromApi = await api.get('/api/ranking?weights=crimeRate:4');
    expect(cli.items.map((i: { kommunenummer: string }) => i.kommunenummer)).toEqual(fromApi.body.items.map((i: { kommunenummer: string }) => i.kommunenummer));
  });

  it('When select is run with impossible rules, then it names the rule on stderr and exits 1', async () => {
    const cap = io();
    expect(await main(['select', '--db', dbPath, '--district-min', 'Oslo:9'], cap)).toBe(1);
    expect(cap.err).toMatch(/Oslo/);
  });

  it('When robustness is run with impossible rules, then it names the rule on stderr and exits 1', async () => {
    const cap = io();
    expect(await main(['robustness', '--db', dbPath, '--samples', '50', '--district-min', 'Oslo:9'], cap)).toBe(1);
    expect(cap.err).toMatch(/no set whose robustness could be tested.*Oslo/);
    expect(cap.out).toBe('');
  });

  it('When robustness --json is run, then each item has pInSet and a rank range', async () => {
    const cap = io();
    expect(await main(['robustness', '--db', dbPath, '--json', '--samples', '200', '--objective', 'score'], cap)).toBe(0);
    const out = JSON.parse(cap.out);
    expect(out.items[0]).toEqual(expect.objectContaining({ kommunenummer: expect.any(String), pInSet: expect.any(Number), rankP05: expect.any(Number), rankP95: expect.any(Number) }));
  });

  it('When a flag value is invalid, then it is a usage error naming the flag', async () => {
    const cap = io();
    expect(await main(['select', '--db', dbPath, '--objective', 'nearest'], cap)).toBe(2);
    expect(cap.err).toMatch(/--objective/);
  });

  it('When select gets a time limit and a gap tolerance, then the result reports them back; out-of-range values are usage errors naming the flag', async () => {
    const cap = io();
    expect(await main(['select', '--db', dbPath, '--json', '--objective', 'coverage', '--time-limit', '30', '--gap', '0.01'], cap)).toBe(0);
    const out = JSON.parse(cap.out);
    expect(out.gapTolerance).toBe(0.01);
    expect(out.status === 'optimal' ? out.gap <= 0.01 : out.stoppedBy !== 'proof').toBe(true);
    for (const bad of [['--gap', '1'], ['--time-limit', '0']]) {
      const c = io();
      expect(await main(['select', '--db', dbPath, ...bad], c)).toBe(2);
      expect(c.err).toMatch(new RegExp(bad[0]));
    }
  });
});
