/**
 * The selection rules resolved to indices: diagnosis of infeasible rule sets, a checker for chosen
 * sets, and an incremental tracker that keeps a growing set completable.
 *
 * The rules form a laminar family (sites ⊂ groups ⊂ districts ⊂ all): each group holds at most
 * cap_g = min(maxPerGroup, allowed sites of g) chosen sites and at least one when included; each
 * district d between its minimum and maximum; exactly K in all. A group must lie in one district.
 * Diagnosis: with lo_d = max(min_d, included groups in d) and hi_d = min(max_d, Σ_{g∈d} cap_g), the
 * rules are feasible iff every include names an eligible, non-excluded group, lo_d ≤ hi_d for every
 * d, and Σ lo ≤ K ≤ Σ hi (candidates without a district form one unbounded bucket). For laminar
 * bounds these conditions are also sufficient (the constraint system is totally unimodular: an
 * integral flow through site → group → district → sink). `diagnose` names each broken rule, so the
 * solvers never meet an infeasible model: infeasible rules are a value, never an exception.
 */
import type { SelectionOptions, SelectionProblem, SelectionResult } from './selection';

/**
 * One broken rule, as a value: the rule and its figures, so each shell says it in its own words
 * (`model/violations.ts` for the pages and exports in the reader's language, `violationText` in
 * English for the CLI, the logs and the tests). Ids are candidate group keys (municipality numbers
 * in the product); districts are the district names of the problem.
 */
export type Violation =
  | { rule: 'includeUnknown'; id: string }
  | { rule: 'includeExcluded'; id: string }
  | { rule: 'includeIneligible'; id: string; reason: string | null }
  | { rule: 'includesOverK'; count: number; k: number }
  | { rule: 'districtMinOverMax'; district: string; min: number; max: number }
  | { rule: 'districtMinOverAvailable'; district: string; min: number; available: number }
  | { rule: 'includesOverDistrictMax'; district: string; count: number; max: number }
  | { rule: 'districtMinsOverK'; sum: number; k: number }
  | { rule: 'includesAndMinsOverK'; need: number; k: number }
  | { rule: 'kOverEligible'; k: number; eligible: number }
  | { rule: 'kOverEligiblePerGroup'; k: number; eligible: number; maxPerGroup: number }
  | { rule: 'districtMaxsUnderK'; sum: number; k: number };

export type ViolationRule = Violation['rule'];

/** A broken rule in English (CLI, logs, tests). */
export function violationText(v: Violation): string {
  switch (v.rule) {
    case 'includeUnknown': return `include ${v.id} is not a candidate`;
    case 'includeExcluded': return `include ${v.id} is also excluded`;
    case 'includeIneligible': return `include ${v.id} is not eligible${v.reason ? ` (${v.reason})` : ''}`;
    case 'includesOverK': return `include lists ${v.count} candidates but k is ${v.k}`;
    case 'districtMinOverMax': return `districtMin ${v.district} = ${v.min} exceeds districtMax ${v.district} = ${v.max}`;
    case 'districtMinOverAvailable': return `districtMin ${v.district} = ${v.min} but only ${v.available} eligible candidates in ${v.district}`;
    case 'includesOverDistrictMax': return `include forces ${v.count} candidates in ${v.district} but districtMax ${v.district} = ${v.max}`;
    case 'districtMinsOverK': return `sum of district minimums ${v.sum} exceeds k ${v.k}`;
    case 'includesAndMinsOverK': return `includes plus district minimums need ${v.need} sites but k is ${v.k}`;
    case 'kOverEligible': return `k ${v.k} exceeds the ${v.eligible} eligible candidates`;
    case 'kOverEligiblePerGroup': return `k ${v.k} exceeds the ${v.eligible} eligible candidates (at most ${v.maxPerGroup} per group)`;
    case 'districtMaxsUnderK': return `district maximums allow at most ${v.sum} sites but k is ${v.k}`;
  }
}

/** Constraints resolved to candidate indices. */
export interface ResolvedConstraints {
  k: number;
  n: number;
  /** Eligible and its group not excluded. */
  allowed: Uint8Array;
  /** Group index per candidate. */
  groupOf: Int32Array;
  groups: string[];
  /** Per group: most chosen sites allowed (min(maxPerGroup, allowed sites)). */
  groupCap: Int32Array;
  /** Per group: 1 when included (must hold a chosen site). */
  groupForced: Uint8Array;
  /** Per group: its district index (as `districtOf`). */
  groupDistrict: Int32Array;
  /** District index per candidate; candidates without a district use the last index (`districts.length`). */
  districtOf: Int32Array;
  districts: string[];
  /** Per district (plus the free bucket last): minimum and maximum chosen sites. */
  lo: Int32Array;
  hi: Int32Array;
}

const count = (name: string, v: number): number => {
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${v}`);
  return v;
};

/** The group key of a candidate: its `group`, or its own id. */
export const groupKey = (c: { id: string; group?: string | null }): string => c.group ?? c.id;

/**
 * Resolves the rules to indices and lists every broken rule.
 * @throws Error naming the option when k, maxPerGroup or a district count is not a whole number ≥ 0,
 *   or naming the group when a group's sites lie in different districts
 */
export function diagnose(problem: SelectionProblem, options: SelectionOptions): { resolved: ResolvedConstraints; violated: Violation[] } {
  const { candidates } = problem;
  const n = candidates.length;
  const k = count('k', options.k);
  const maxPerGroup = count('maxPerGroup', options.maxPerGroup);
  const violated: Violation[] = [];
  const groups = [...new Set(candidates.map(groupKey))];
  const gIndex = new Map(groups.map((g, i) => [g, i]));
  const groupOf = Int32Array.from(candidates, (c) => gIndex.get(groupKey(c))!);
  const excluded = new Set(options.exclude);
  const allowed = Uint8Array.from(candidates, (c) => (c.eligible !== false && !excluded.has(groupKey(c)) ? 1 : 0));
  const districts = [...new Set([...candidates.map((c) => c.district ?? null).filter((d): d is string => d !== null), ...Object.keys(options.districtMin), ...Object.keys(options.districtMax)])].sort();
  const dIndex = new Map(districts.map((d, i) => [d, i]));
  const free = districts.length;
  const districtOf = Int32Array.from(candidates, (c) => (c.district == null ? free : dIndex.get(c.district)!));
  const groupDistrict = new Int32Array(groups.length).fill(-1);
  const groupAllowed = new Int32Array(groups.length);
  candidates.forEach((c, i) => {
    const g = groupOf[i];
    if (groupDistrict[g] >= 0 && groupDistrict[g] !== districtOf[i]) throw new Error(`group ${groups[g]} has sites in more than one police district`);
    groupDistrict[g] = districtOf[i];
    groupAllowed[g] += allowed[i];
  });
  const groupCap = Int32Array.from(groupAllowed, (a) => Math.min(a, maxPerGroup));
  const groupForced = new Uint8Array(groups.length);
  for (const id of new Set(options.include)) {
    const g = gIndex.get(id);
    if (g === undefined) violated.push({ rule: 'includeUnknown', id });
    else if (excluded.has(id)) violated.push({ rule: 'includeExcluded', id });
    else if (groupCap[g] === 0) violated.push({ rule: 'includeIneligible', id, reason: reasonOf(problem, groupOf, g) });
    else groupForced[g] = 1;
  }
  const nForced = groupForced.reduce((a, b) => a + b, 0);
  if (nForced > k) violated.push({ rule: 'includesOverK', count: nForced, k });
  const { lo, hi } = districtBounds(options, districts, groupDistrict, groupCap, groupForced, violated);
  const sumLo = lo.reduce((a, b) => a + b, 0);
  const sumHi = hi.reduce((a, b) => a + b, 0);
  const sumMin = districts.reduce((s, d) => s + (options.districtMin[d] ?? 0), 0);
  const totalAllowed = groupCap.reduce((a, b) => a + b, 0);
  if (sumMin > k) violated.push({ rule: 'districtMinsOverK', sum: sumMin, k });
  else if (sumLo > k && nForced <= k) violated.push({ rule: 'includesAndMinsOverK', need: sumLo, k });
  const capped = groupAllowed.some((a) => a > maxPerGroup);
  if (totalAllowed < k) violated.push(capped ? { rule: 'kOverEligiblePerGroup', k, eligible: totalAllowed, maxPerGroup } : { rule: 'kOverEligible', k, eligible: totalAllowed });
  else if (sumHi < k) violated.push({ rule: 'districtMaxsUnderK', sum: sumHi, k });
  return { resolved: { k, n, allowed, groupOf, groups, groupCap, groupForced, groupDistrict, districtOf, districts, lo, hi }, violated };
}

function reasonOf(problem: SelectionProblem, groupOf: Int32Array, g: number): string | null {
  const c = problem.candidates.find((_, i) => groupOf[i] === g && problem.candidates[i].ineligibleReason);
  return c?.ineligibleReason ?? null;
}

function districtBounds(
  options: SelectionOptions, districts: string[], groupDistrict: Int32Array, groupCap: Int32Array, groupForced: Uint8Array, violated: Violation[],
): { lo: Int32Array; hi: Int32Array } {
  const avail = new Int32Array(districts.length + 1);
  const inc = new Int32Array(districts.length + 1);
  groupDistrict.forEach((d, g) => {
    avail[d] += groupCap[g];
    inc[d] += groupForced[g];
  });
  const lo = new Int32Array(districts.length + 1);
  const hi = new Int32Array(districts.length + 1);
  districts.forEach((d, i) => {
    const min = count(`districtMin.${d}`, options.districtMin[d] ?? 0);
    const max = options.districtMax[d] === undefined ? Infinity : count(`districtMax.${d}`, options.districtMax[d]);
    if (min > max) violated.push({ rule: 'districtMinOverMax', district: d, min, max });
    else if (min > avail[i]) violated.push({ rule: 'districtMinOverAvailable', district: d, min, available: avail[i] });
    if (inc[i] > max) violated.push({ rule: 'includesOverDistrictMax', district: d, count: inc[i], max });
    lo[i] = Math.max(min, inc[i]);
    hi[i] = Math.min(max, avail[i]);
  });
  const free = districts.length;
  lo[free] = inc[free];
  hi[free] = avail[free];
  return { lo, hi };
}

/**
 * Lists every rule a chosen set breaks (empty = the set satisfies all constraints).
 * Used by the tests and as a guard on solver output.
 */
export function checkSelection(problem: SelectionProblem, options: SelectionOptions, selected: readonly string[]): string[] {
  const out: string[] = [];
  const byId = new Map(problem.candidates.map((c) => [c.id, c]));
  const set = new Set(selected);
  if (set.size !== selected.length) out.push('a candidate is chosen twice');
  if (selected.length !== options.k) out.push(`chose ${selected.length} sites, k is ${options.k}`);
  const perDistrict = new Map<string, number>();
  const perGroup = new Map<string, number>();
  for (const id of selected) {
    const c = byId.get(id);
    if (!c) { out.push(`${id} is not a candidate`); continue; }
    if (c.eligible === false) out.push(`${id} is not eligible`);
    if (options.exclude.includes(groupKey(c))) out.push(`${id} is excluded`);
    if (c.district != null) perDistrict.set(c.district, (perDistrict.get(c.district) ?? 0) + 1);
    perGroup.set(groupKey(c), (perGroup.get(groupKey(c)) ?? 0) + 1);
  }
  for (const [g, c] of perGroup) if (c > options.maxPerGroup) out.push(`group ${g} holds ${c} sites, maxPerGroup is ${options.maxPerGroup}`);
  for (const id of options.include) if (!perGroup.has(id)) out.push(`include ${id} is missing`);
  for (const [d, min] of Object.entries(options.districtMin)) if ((perDistrict.get(d) ?? 0) < min) out.push(`districtMin ${d} = ${min} not met`);
  for (const [d, max] of Object.entries(options.districtMax)) if ((perDistrict.get(d) ?? 0) > max) out.push(`districtMax ${d} = ${max} exceeded`);
  return out;
}

/** An infeasible result naming the broken rules. */
export function infeasibleResult(options: SelectionOptions, violated: Violation[], solveMs = 0): SelectionResult {
  return {
    status: 'infeasible', method: options.method, solver: options.method === 'greedy' ? 'greedy' : 'highs', objectiveName: options.objective,
    objective: null, bound: null, gap: null, gapTolerance: options.gapTolerance, stoppedBy: null, selected: [], selectedGroups: [], sites: [],
    scoreSum: 0, newlyCovered: null, coveredShare: null, meanAccess: null, beyondCost: null, violated, notes: [], solveMs,
  };
}

/** An incremental view of a set under the rules (see `setRules`). */
export interface SetRules {
  /** j can be added and the set can still be completed to K sites that meet every minimum. */
  canAdd(j: number): boolean;
  add(j: number): void;
  remove(j: number): void;
  size(): number;
}

/**
 * Tracks a set against the rules. Per district it keeps the sites still needed
 * need_d = max(lo_d − in_d, unmet included groups in d) and the room left
 * room_d = min(hi_d − in_d, Σ_{g∈d} (cap_g − in_g)); a set is completable iff need_d ≤ room_d for all d
 * and Σ need ≤ K − |S| ≤ Σ room (laminar bounds, see the file comment). Adding j changes only its
 * own district's figures, so `canAdd` is O(1).
 */
export function setRules(rc: ResolvedConstraints): SetRules {
  const nd = rc.lo.length;
  const inD = new Int32Array(nd);
  const inG = new Int32Array(rc.groups.length);
  const unmet = new Int32Array(nd);
  const groupRoom = new Int32Array(nd);
  rc.groupCap.forEach((cap, g) => {
    const d = rc.groupDistrict[g];
    groupRoom[d] += cap;
    unmet[d] += rc.groupForced[g];
  });
  const need = (d: number, dIn: number, dUnmet: number): number => Math.max(0, rc.lo[d] - dIn, dUnmet);
  const room = (d: number, dIn: number, dGroupRoom: number): number => Math.min(rc.hi[d] - dIn, dGroupRoom);
  let needTotal = 0;
  for (let d = 0; d < nd; d++) needTotal += need(d, 0, unmet[d]);
  let size = 0;
  const update = (j: number, sign: 1 | -1): void => {
    const d = rc.districtOf[j];
    const g = rc.groupOf[j];
    needTotal -= need(d, inD[d], unmet[d]);
    if (rc.groupForced[g] && inG[g] === (sign === 1 ? 0 : 1)) unmet[d] -= sign;
    inD[d] += sign;
    inG[g] += sign;
    groupRoom[d] -= sign;
    needTotal += need(d, inD[d], unmet[d]);
    size += sign;
  };
  return {
    canAdd(j) {
      const d = rc.districtOf[j];
      const g = rc.groupOf[j];
      if (!rc.allowed[j] || inG[g] >= rc.groupCap[g] || inD[d] >= rc.hi[d] || size >= rc.k) return false;
      const dUnmet = unmet[d] - (rc.groupForced[g] && inG[g] === 0 ? 1 : 0);
      const needAfter = need(d, inD[d] + 1, dUnmet);
      if (needAfter > room(d, inD[d] + 1, groupRoom[d] - 1)) return false;
      return needTotal - need(d, inD[d], unmet[d]) + needAfter <= rc.k - size - 1;
    },
    add: (j) => update(j, 1),
    remove: (j) => update(j, -1),
    size: () => size,
  };
}
