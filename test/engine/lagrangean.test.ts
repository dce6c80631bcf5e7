/**
 * The Lagrangean branch-and-bound and its parts (row model, reductions, bounds, fixing) checked
 * against brute force on seeded instances with rules: groups with several sites, district minimums and
 * maximums, includes; every objective.
 */
import {
  buildLocationProblem, checkSelection, createRng, defaultSelectionOptions, evaluateSet, selectSites,
  type SelectionObjective, type SelectionOptions, type SelectionProblem,
} from '../../src/engine';
import { trueValue } from '../../src/engine/branch-bound';
import { fixingTests, lagrangean } from '../../src/engine/lagrange';
import { prepareObjective } from '../../src/engine/objective';
import { buildRowModel, compactModel, fixCandidates, modelValue } from '../../src/engine/row-model';
import { diagnose } from '../../src/engine/rules';
import { loadOrLib, PMED_OPTIMA } from '../helpers/orlib';

function* subsets(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) { yield [...acc]; return; }
  for (let j = start; j < n; j++) yield* subsets(n, k, j + 1, [...acc, j]);
}

/** Candidates in groups of two sites (g0–g2) or one (g6–g11), three districts; real-valued costs, whole weights. */
function ruledInstance(seed: number, nCand = 12, nDemand = 40): SelectionProblem {
  const rng = createRng(seed);
  const pts = Array.from({ length: nDemand + nCand + 2 }, () => [rng.next() * 100, rng.next() * 100]);
  const dist = (a: number[], b: number[]): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const demand = pts.slice(0, nDemand);
  const cands = pts.slice(nDemand, nDemand + nCand);
  const fixed = pts.slice(nDemand + nCand);
  const location = buildLocationProblem({
    demand: demand.map(() => ({ lon: 0, lat: 0, weight: 1 + Math.floor(rng.next() * 20) })),
    candidates: cands.map((_, j) => ({ id: `c${String(j).padStart(2, '0')}`, lon: 0, lat: 0 })),
    fixed: fixed.map((_, f) => ({ id: `f${f}`, lon: 0, lat: 0 })),
    costs: {
      candidate: Float64Array.from({ length: nDemand * nCand }, (_, e) => dist(demand[Math.floor(e / nCand)], cands[e % nCand])),
      fixed: Float64Array.from({ length: nDemand * 2 }, (_, e) => dist(demand[Math.floor(e / 2)], fixed[e % 2])),
    },
  });
  const candidates = cands.map((_, j) => ({
    id: `c${String(j).padStart(2, '0')}`, group: j < 6 ? `g${Math.floor(j / 2)}` : `g${j}`,
    district: `D${(j < 6 ? Math.floor(j / 2) : j) % 3}`, score: Math.floor(rng.next() * 100),
  }));
  return { candidates, location };
}

/** The brute-force lexicographic optimum (objective, Σ score, ids) under the rules. */
function bruteForce(p: SelectionProblem, o: SelectionOptions): { ids: string[]; value: number } | null {
  let best: { key: [number, number]; ids: string[]; value: number } | null = null;
  const sign = o.objective === 'access' || o.objective === 'beyond' ? -1 : 1;
  for (const s of subsets(p.candidates.length, o.k)) {
    const ids = s.map((j) => p.candidates[j].id).sort();
    if (checkSelection(p, o, ids).length > 0) continue;
    const ev = evaluateSet(p.location!, s, o.radius);
    const score = s.reduce((a, j) => a + (p.candidates[j].score ?? 0), 0);
    const value = o.objective === 'coverage' ? ev.newlyCovered : o.objective === 'access' ? ev.accessCost : o.objective === 'beyond' ? ev.beyondCost
      : o.objective === 'score' ? score : (o.blendAlpha * score) / (100 * o.k) + ((1 - o.blendAlpha) * ev.newlyCovered) / prepareObjective(p, o).coverage!.coverable;
    const key: [number, number] = [sign * value, score];
    const tol = 1e-9 * Math.max(1, Math.abs(value));
    const better = !best || key[0] > best.key[0] + tol || (Math.abs(key[0] - best.key[0]) <= tol && (key[1] > best.key[1] + 1e-9 || (Math.abs(key[1] - best.key[1]) <= 1e-9 && ids.join() < best.ids.join())));
    if (better) best = { key, ids, value };
  }
  return best && { ids: best.ids, value: best.value };
}

const OBJECTIVES: SelectionObjective[] = ['coverage', 'access', 'beyond', 'score', 'blend'];
const RULES: [string, Partial<SelectionOptions>][] = [
  ['no rules', {}],
  ['district minimum and maximum', { districtMin: { D0: 2 }, districtMax: { D2: 1 } }],
  ['an include and an exclude', { include: ['g1'], exclude: ['g0'] }],
];

describe('Lagrangean branch-and-bound against brute force', () => {
  test.each(OBJECTIVES)('When %s is solved with groups and rules, then the value equals the brute-force optimum and the set is the lexicographic one', async (objective) => {
    for (const seed of [1, 2, 3, 4]) {
      for (const [, rules] of RULES) {
        const p = ruledInstance(seed);
        const o: SelectionOptions = { ...defaultSelectionOptions, objective, k: 4, radius: 30, enumerationLimit: 0, ...rules };
        const expected = bruteForce(p, o)!;
        const r = await selectSites(p, o);
        expect(r.status).toBe('optimal');
        expect(r.solver).not.toBe('highs');
        expect(Math.abs(r.objective! - expected.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected.value)));
        expect([...r.selected].sort()).toEqual(expected.ids);
      }
    }
  });
});

describe('the row model and its exact reductions', () => {
  const setup = (objective: SelectionObjective, seed = 5, keep = Infinity) => {
    const p = ruledInstance(seed);
    const o: SelectionOptions = { ...defaultSelectionOptions, objective, k: 4, radius: 30 };
    const prep = prepareObjective(p, o);
    const { resolved } = diagnose(p, o);
    return { p, o, prep, rc: resolved, m: buildRowModel(prep, resolved, 1e-4, keep) };
  };

  test.each(['coverage', 'access', 'beyond', 'blend'] as SelectionObjective[])('When a %s set is valued by the row model, then it equals the objective itself, before and after compaction', (objective) => {
    const { prep, m } = setup(objective);
    const compact = compactModel(m).model;
    for (const s of subsets(12, 4)) {
      const t = trueValue(prep, s, objective === 'blend' ? 0 : 1e-4);
      expect(modelValue(m, s)).toBeCloseTo(t, 6);
      expect(modelValue(compact, s)).toBeCloseTo(t, 6);
    }
  });

  test.each(['coverage', 'access'] as SelectionObjective[])('When candidates are fixed in and out, then every set that respects the fixings keeps its %s value', (objective) => {
    const { m } = setup(objective);
    const fix = new Int8Array(12);
    fix[1] = 1;
    fix[4] = -1;
    fix[7] = -1;
    const reduced = compactModel(fixCandidates(m, fix)).model;
    for (const s of subsets(12, 4)) {
      if (!s.includes(1) || s.includes(4) || s.includes(7)) continue;
      expect(modelValue(reduced, s)).toBeCloseTo(modelValue(m, s), 6);
    }
  });

  test('When access rows keep only their 2 best candidates, then every set is valued at least at its true value, and exactly when it opens a kept one in every cut row', () => {
    const { prep, m } = setup('access', 6, 2);
    const floor = m.truncation!.floor;
    expect(floor.some((f) => f > 0)).toBe(true);
    for (const s of subsets(12, 4)) {
      const t = trueValue(prep, s, 1e-4);
      expect(modelValue(m, s)).toBeGreaterThanOrEqual(t - 1e-6);
      const hit = new Uint8Array(m.nRows);
      for (const j of s) for (let e = m.start[j]; e < m.start[j + 1]; e++) hit[m.row[e]] = 1;
      if (floor.every((f, r) => f === 0 || hit[r] === 1)) expect(modelValue(m, s)).toBeCloseTo(t, 6);
    }
  });
});

describe('Lagrangean bounds and fixing', () => {
  test.each(OBJECTIVES)('When %s multipliers stop at any iteration, then the bound is above every feasible set and the fixings keep every set that beats the threshold', (objective) => {
    for (const seed of [7, 8]) {
      const p = ruledInstance(seed);
      const o: SelectionOptions = { ...defaultSelectionOptions, objective, k: 4, radius: 30, districtMin: { D1: 1 }, districtMax: { D0: 2 } };
      const prep = prepareObjective(p, o);
      const { resolved: rc } = diagnose(p, o);
      const m = buildRowModel(prep, rc, 0);
      const feasible = [...subsets(12, 4)].filter((s) => checkSelection(p, o, s.map((j) => p.candidates[j].id)).length === 0);
      const values = feasible.map((s) => modelValue(m, s));
      const best = Math.max(...values);
      for (const iterations of [1, 5, 50]) {
        const lag = lagrangean(m, rc, { iterations, stopBelow: -Infinity, target: best - 1 });
        expect(lag.bound).toBeGreaterThanOrEqual(best - 1e-6);
        const threshold = best - 0.3 * Math.abs(best) - 1e-3;
        const fix = fixingTests(m, rc, lag, threshold);
        feasible.forEach((s, q) => {
          if (values[q] < threshold) return;
          for (let j = 0; j < 12; j++) {
            if (fix[j] === -1) expect(s).not.toContain(j);
            if (fix[j] === 1) expect(s).toContain(j);
          }
        });
      }
    }
  });
});

describe('OR-Library pmed6 under a time limit', () => {
  test('When the time limit runs out during the branch-and-bound, then the answer is feasible, not optimal, with a bound below the value', async () => {
    const inst = loadOrLib('pmed6');
    const ids = Array.from({ length: inst.n }, (_, i) => String(i + 1));
    const location = buildLocationProblem({ demand: ids.map((id) => ({ id, lon: 0, lat: 0, weight: 1 })), candidates: ids.map((id) => ({ id, lon: 0, lat: 0 })), costs: { candidate: inst.dist } });
    const r = await selectSites({ candidates: ids.map((id) => ({ id })), location }, { k: inst.p, objective: 'access', timeLimitSeconds: 1e-6 });
    expect(r.status).toBe('feasible');
    expect(r.stoppedBy).toBe('timeLimit');
    expect(r.bound!).toBeLessThan(r.objective!);
    expect(r.objective!).toBeGreaterThanOrEqual(PMED_OPTIMA.pmed6);
    expect(r.notes.join(' ')).toMatch(/stopped by the time limit/);
  });
});
