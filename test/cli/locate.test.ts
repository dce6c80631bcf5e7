import { join } from 'node:path';
import { run } from '../../src/cli/commands/locate';

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
