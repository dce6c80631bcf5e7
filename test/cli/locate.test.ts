import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/commands/locate';
import { loadOrLib } from '../helpers/orlib';

/** OR-Library pmed6's official optimum (J.E. Beasley). */
const PMED6_OPTIMUM = 7824;

const fx = (name: string): string => join(__dirname, '..', 'fixtures', 'engine', name);

async function locate(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, out };
}

const base = ['--demand', fx('demand.csv'), '--sites', fx('sites.csv'), '--distances', fx('distances.csv'), '--json'];

describe('stedsvalg locate', () => {
  test('When covering within 10 with k = 1, then s3 is chosen and 155 weight is covered (fixed included)', async () => {
    const { code, out } = await locate([...base, '--k', '1', '--objective', 'coverage', '--radius', '10']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.status).toBe('optimal');
    expect(r.selected).toEqual(['s3']);
    expect(r.value).toBeCloseTo(155, 6);
    expect(r.gap).toBeCloseTo(0, 6);
  });

  test('When covering with k = 2, then s1 and s3 cover all 205', async () => {
    const r = JSON.parse((await locate([...base, '--k', '2', '--objective', 'coverage', '--radius', '10'])).out);
    expect([...r.selected].sort()).toEqual(['s1', 's3']);
    expect(r.value).toBeCloseTo(205, 6);
  });

  test('When minimising access with k = 1, then s3 gives Σ weight × distance = 2345 (hand-computed)', async () => {
    for (const method of ['exact', 'greedy']) {
      const r = JSON.parse((await locate([...base, '--k', '1', '--objective', 'access', '--method', method])).out);
      expect(r.selected).toEqual(['s3']);
      expect(r.value).toBeCloseTo(2345, 6);
    }
  });

  test('When no distance file is given, then straight-line km are used and a table is printed', async () => {
    const { code, out } = await locate(['--demand', fx('demand-lonlat.csv'), '--sites', fx('sites-lonlat.csv'), '--k', '1', '--objective', 'coverage', '--radius', '50']);
    expect(code).toBe(0);
    expect(out).toMatch(/status optimal \(exact, enumeration\), objective coverage: demand weight within 50 of an open site = 150\n/);
    expect(out).toMatch(/trondheim/);
  });

  test('When a demand weight is not a number, then the error names the file, line and column', async () => {
    await expect(locate(['--demand', fx('demand-bad.csv'), '--sites', fx('sites-lonlat.csv'), '--k', '1', '--objective', 'coverage'])).rejects.toThrow(
      /demand-bad\.csv line 3, column weight: "many" is not a number/,
    );
  });

  test('When k exceeds the candidate sites, then the status is infeasible naming the rule', async () => {
    const { code, out } = await locate([...base, '--k', '4', '--objective', 'coverage', '--radius', '10']);
    expect(code).toBe(1);
    expect(JSON.parse(out).violated).toEqual(['k 4 exceeds the 3 eligible candidates']);
  });
});

describe('stedsvalg locate: exact figures and the distance file read as a stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stedsvalg-locate-'));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const demand = file('demand.csv', 'id,weight,lon,lat\nd1,10,,\nd2,20,,\nd3,30,,\n');
  const sites = file('sites.csv', 'id,lon,lat,fixed\ns,,,0\nt,,,0\n');
  const boundary = file('boundary.csv', 'demand_id,site_id,distance\nd1,s,44.999999\nd2,s,45\nd3,s,45.000001\nd1,t,1000\nd2,t,1000\nd3,t,1000\n');

  test('When distances are 45 − 1e-6, 45 and 45 + 1e-6, then within 45 counts the first two only', async () => {
    const r = JSON.parse((await locate(['--demand', demand, '--sites', sites, '--distances', boundary, '--k', '1', '--objective', 'coverage', '--radius', '45', '--json'])).out);
    expect(r.selected).toEqual(['s']);
    expect(r.value).toBe(30);
    expect(r.coveredWeight).toBe(30);
  });

  test('When minimising access without a radius, then no covered weight is reported; with a radius it is', async () => {
    const args = ['--demand', demand, '--sites', sites, '--distances', boundary, '--k', '1', '--objective', 'access', '--json'];
    const without = JSON.parse((await locate(args)).out);
    expect(without).not.toHaveProperty('coveredWeight');
    expect(without.value).toBe(10 * 44.999999 + 20 * 45 + 30 * 45.000001);
    const withRadius = JSON.parse((await locate([...args, '--radius', '45'])).out);
    expect(withRadius.coveredWeight).toBe(30);
  });

  test('When a distance is 10,000,000.4, then it is read as exactly that double', async () => {
    const big = file('big.csv', 'demand_id,site_id,distance\nd1,s,10000000.4\nd2,s,0.1\nd3,s,1e3\nd1,t,10000001\nd2,t,1\nd3,t,2000\n');
    const r = JSON.parse((await locate(['--demand', demand, '--sites', sites, '--distances', big, '--k', '1', '--objective', 'access', '--json'])).out);
    expect(r.selected).toEqual(['s']);
    expect(r.value).toBe(10 * 10000000.4 + 20 * 0.1 + 30 * 1000);
  });

  test('When the file has a byte-order mark, CRLF, semicolons, decimal commas, quotes and no final newline, then it is read the same', async () => {
    const messy = file('messy.csv', '\uFEFF"demand_id";"site_id";"distance"\r\n"d1";"s";"44,999999"\r\nd2;s;45\r\nd3;s;45,000001\r\nd1;t;1000\r\nd2;t;1000\r\nd3;t;1000');
    const r = JSON.parse((await locate(['--demand', demand, '--sites', sites, '--distances', messy, '--k', '1', '--objective', 'coverage', '--radius', '45', '--json'])).out);
    expect(r.value).toBe(30);
  });

  test.each([
    ['an unknown demand id', 'demand_id,site_id,distance\nd1,s,1\nd9,s,2\n', /line 3, column demand_id: "d9" is not in the demand file/],
    ['an unknown site id', 'demand_id,site_id,distance\nd1,x,1\n', /line 2, column site_id: "x" is not in the sites file/],
    ['a distance that is not a number', 'demand_id,site_id,distance\nd1,s,far\n', /line 2, column distance: "far" is not a number/],
    ['a negative distance', 'demand_id,site_id,distance\nd1,s,-1\n', /line 2, column distance: must be ≥ 0/],
    ['a pair listed twice', 'demand_id,site_id,distance\nd1,s,1\nd2,s,1\nd1,s,2\n', /line 4: the pair d1 → s is listed twice/],
    ['a missing column', 'demand,site_id,distance\nd1,s,1\n', /missing column "demand_id"/],
  ])('When the distance file has %s, then the error names the file, line and column', async (_, text, message) => {
    const path = file(`bad-${Math.random().toString(36).slice(2)}.csv`, text);
    await expect(locate(['--demand', demand, '--sites', sites, '--distances', path, '--k', '1', '--objective', 'coverage'])).rejects.toThrow(message);
  });

  test('When the objective is beyond, then the value is Σ weight × distance beyond the radius', async () => {
    const r = JSON.parse((await locate(['--demand', demand, '--sites', sites, '--distances', boundary, '--k', '1', '--objective', 'beyond', '--radius', '44', '--json'])).out);
    expect(r.selected).toEqual(['s']);
    expect(r.value).toBeCloseTo(10 * 0.999999 + 20 * 1 + 30 * 1.000001, 9);
    expect(r.weightedDistanceBeyond).toBe(r.value);
    await expect(locate(['--demand', demand, '--sites', sites, '--distances', boundary, '--k', '1', '--objective', 'beyond'])).rejects.toThrow('--radius is required for --objective beyond');
  });

  test('When sites carry a group, then at most --max-per-group sites of a group are chosen', async () => {
    const grouped = file('grouped.csv', 'id,lon,lat,fixed,group\ns,,,0,A\nt,,,0,A\n');
    const r = await locate(['--demand', demand, '--sites', grouped, '--distances', boundary, '--k', '2', '--objective', 'coverage', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).violated).toEqual(['k 2 exceeds the 1 eligible candidates (at most 1 per group)']);
    const two = JSON.parse((await locate(['--demand', demand, '--sites', grouped, '--distances', boundary, '--k', '2', '--objective', 'coverage', '--max-per-group', '2', '--json'])).out);
    expect([...two.selected].sort()).toEqual(['s', 't']);
  });
});

describe('stedsvalg locate under a time limit and a gap tolerance', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stedsvalg-locate-limit-'));
  const inst = loadOrLib('pmed6');
  const ids = Array.from({ length: inst.n }, (_, i) => String(i + 1));
  const files = { demand: join(dir, 'demand.csv'), sites: join(dir, 'sites.csv'), distances: join(dir, 'distances.csv') };
  writeFileSync(files.demand, ['id,weight,lon,lat', ...ids.map((id) => `${id},1,,`)].join('\n'));
  writeFileSync(files.sites, ['id,lon,lat,fixed', ...ids.map((id) => `${id},,,0`)].join('\n'));
  writeFileSync(files.distances, ['demand_id,site_id,distance', ...ids.flatMap((d, i) => ids.map((s, j) => `${d},${s},${inst.dist[i * inst.n + j]}`))].join('\n'));
  const args = ['--demand', files.demand, '--sites', files.sites, '--distances', files.distances, '--k', String(inst.p), '--objective', 'access'];

  test('When the time limit cuts the exact solve short, then the status reads "feasible, gap x %", never optimal, with the bound', async () => {
    const { code, out } = await locate([...args, '--time-limit', '0.000001']);
    expect(code).toBe(0);
    expect(out).toMatch(/^status feasible, gap \d+(\.\d+)? %, stopped by the time limit \(exact, /m);
    expect(out).not.toMatch(/^status optimal/m);
    expect(out).toMatch(/^note: not proven optimal: gap/m);
    const json = JSON.parse((await locate([...args, '--time-limit', '0.000001', '--json'])).out);
    expect(json.status).toBe('feasible');
    expect(json.stoppedBy).toBe('timeLimit');
    expect(json.bound).toBeLessThan(json.value);
    expect(json.gap).toBeGreaterThan(0);
    expect(json.timeLimitSeconds).toBe(0.000001);
  });

  test('When given time, then pmed6 is optimal at the official optimum; a wide gap tolerance is reported back', async () => {
    const json = JSON.parse((await locate([...args, '--time-limit', '120', '--gap', '0.05', '--json'])).out);
    expect(json.gapTolerance).toBe(0.05);
    expect(json.value).toBeLessThanOrEqual(PMED6_OPTIMUM * 1.05);
    expect(json.gap).toBeLessThanOrEqual(0.05);
    expect(json.status).toBe('optimal');
  });
});
