/**
 * The exact solver against published optima: PySAL spopt's San Francisco p-median (tests of
 * spopt, solved there with CBC) and J. E. Beasley's OR-Library p-median instances (official optima).
 */
import { run as locate } from '../../src/cli/commands/locate';
import { buildLocationProblem, selectSites, type LocationProblem } from '../../src/engine';
import { loadOrLib, parseOrLib, PMED_OPTIMA } from '../helpers/orlib';
import { sfLocateFiles, sfRows } from '../helpers/spopt';

const SF_OBJECTIVE = 2848268129.7145;
const SF_MEAN = 2982.126857989;

async function runLocate(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await locate(args, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, out };
}

describe("spopt's San Francisco p-median (205 tracts × 16 stores, p = 4)", () => {
  const files = sfLocateFiles();

  test('When solved through locate, then the optimum is 2,848,268,129.7145 to 0.001 and the mean distance matches to 9 digits', async () => {
    const { code, out } = await runLocate(['--demand', files.demand, '--sites', files.sites, '--distances', files.distances, '--k', '4', '--objective', 'access', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.status).toBe('optimal');
    expect(Math.abs(r.value - SF_OBJECTIVE)).toBeLessThan(0.001);
    expect(Math.abs(r.bound - SF_OBJECTIVE)).toBeLessThan(0.001);
    expect(r.meanDistance.toPrecision(13)).toBe(SF_MEAN.toPrecision(13));
    expect([...r.selected].sort()).toEqual(['Store_11', 'Store_12', 'Store_15', 'Store_2']);
    expect(r).not.toHaveProperty('coveredWeight');
  });

  test.each([['the Lagrangean search', true, 'lagrangean'], ['the MILP alone', false, 'highs']] as const)('When %s is forced instead of enumeration, then it reaches the same optimum with a proven bound', async (_, lagrangean, solver) => {
    const rows = sfRows();
    const tracts = [...new Set(rows.map((r) => r[2]))];
    const stores = [...new Set(rows.map((r) => r[1]))];
    const cost = new Float64Array(tracts.length * stores.length);
    for (const r of rows) cost[tracts.indexOf(r[2]) * stores.length + stores.indexOf(r[1])] = Number(r[0]);
    const weight = new Map(rows.map((r) => [r[2], Number(r[3])]));
    const location: LocationProblem = buildLocationProblem({
      demand: tracts.map((id) => ({ id, lon: 0, lat: 0, weight: weight.get(id)! })), candidates: stores.map((id) => ({ id, lon: 0, lat: 0 })),
      costs: { candidate: cost },
    });
    const r = await selectSites({ candidates: stores.map((id) => ({ id })), location }, { k: 4, objective: 'access', enumerationLimit: 0, lagrangean });
    expect(r.solver).toBe(solver);
    expect(r.status).toBe('optimal');
    expect(Math.abs(r.objective! - SF_OBJECTIVE)).toBeLessThan(0.001);
    expect(r.bound!).toBeLessThanOrEqual(r.objective!);
    expect(r.gap!).toBeLessThanOrEqual(1e-6);
  });
});

describe('OR-Library p-median (Beasley 1985)', () => {
  test('When an edge is listed twice, then its last occurrence wins', () => {
    const inst = parseOrLib('tiny', '3 3 1\n1 2 5\n2 3 4\n1 2 9\n');
    expect(inst.dist[0 * 3 + 1]).toBe(9);
    expect(inst.dist[0 * 3 + 2]).toBe(13);
  });

  // pmed6–pmed20 (n = 200, 300, 400): about 20 s together on a loaded 2-core machine.
  const names = Array.from({ length: 15 }, (_, i) => `pmed${i + 6}`);
  test.each(names)('When %s is solved exactly, then the optimum equals the official one to the unit', async (name) => {
    const inst = loadOrLib(name);
    const ids = Array.from({ length: inst.n }, (_, i) => String(i + 1));
    const location = buildLocationProblem({
      demand: ids.map((id) => ({ id, lon: 0, lat: 0, weight: 1 })), candidates: ids.map((id) => ({ id, lon: 0, lat: 0 })), costs: { candidate: inst.dist },
    });
    const r = await selectSites({ candidates: ids.map((id) => ({ id })), location }, { k: inst.p, objective: 'access', timeLimitSeconds: 300 });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(PMED_OPTIMA[name]);
    expect(r.bound).toBe(PMED_OPTIMA[name]);
  }, 300_000);
});
