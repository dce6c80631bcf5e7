/**
 * The chosen set in each robustness sample, with the proposal's objective, rules and tie-break
 * (`tiebreak.ts`): per sample the scores (from the sampled weights) and/or the travel times (from the
 * sampled model error, `perturb.ts`) change, and the set is re-chosen by greedy + swap search (Teitz &
 * Bart 1968) and, when the proposal is known, also by swap search started from the proposal; the
 * better of the two under the lexicographic key counts. Sample 0 is the unperturbed scenario: its set
 * is the proposal itself when the caller passes it, so every proposed site has pInSet > 0.
 */
import { greedySelect, swapBounds, swapCanImprove, swapContext, swapSearch, type SwapBounds } from './greedy';
import type { LocationProblem } from './location';
import { compareSets, prepareObjective, type PreparedObjective } from './objective';
import { checkTravelError, perturbationBase, perturbedObjective, type PerturbationBase, type TravelError } from './perturb';
import { diagnose, setRules, type ResolvedConstraints, type Violation } from './rules';
import { defaultSelectionOptions, type SelectionObjective, type SelectionOptions, type SelectionProblem } from './selection';
import { SCORE_TOLERANCE } from './tiebreak';

/** A candidate site for the set samples: which municipality (index into the ranking's list) it belongs to. */
export interface SampleSite {
  id: string;
  kommunenummer: string;
  municipality: number;
  /** Tie-break priority, as the proposal's candidate has it (`SelectionCandidate.priority`; absent = 0). */
  priority?: number;
}

/** Builds sets per sample; see the file comment. */
export interface SetSampler {
  objective: SelectionObjective;
  /** The set depends on the criteria weights (through the objective or the score tie-break). */
  weightDependent: boolean;
  /** The set depends on travel times (coverage/access/beyond) and a travel error is given. */
  travelDependent: boolean;
  /** `choose` reads the set off a ranking when given one (a score objective with only caps; see `walkRanked`). */
  readsRanking: boolean;
  infeasible: Violation[];
  /**
   * The set for one sample.
   * @param municipalityScores scores per municipality for this sample
   * @param errors per demand point travel errors, or null for the unperturbed model
   * @param useProposal return the proposal itself (sample 0)
   * @param ranked municipalities by these scores, best first (any tie-break), when the caller has them:
   *   lets a score objective without minimums skip the heap (see `walkRanked`)
   */
  choose(municipalityScores: Float64Array, errors: Float64Array | null, useProposal: boolean, ranked?: Int32Array): number[];
}

/**
 * Prepares the sampler once.
 * @throws Error naming the site when a proposal id is not a candidate, or when the proposal breaks the rules
 */
export function setSampler(
  sites: readonly SampleSite[], eligible: Uint8Array, municipalityDistricts: readonly string[], k: number,
  selection: Partial<Omit<SelectionOptions, 'k' | 'method'>>, location: LocationProblem | undefined,
  travelError: TravelError | null, proposal: readonly string[] | null,
): SetSampler {
  const opts: SelectionOptions = { ...defaultSelectionOptions, objective: 'score', ...selection, k, method: 'greedy' };
  const problem: SelectionProblem = {
    candidates: sites.map((s) => ({ id: s.id, group: s.kommunenummer, district: municipalityDistricts[s.municipality], eligible: eligible[s.municipality] === 1, score: 0, priority: s.priority ?? 0 })),
    location,
  };
  const travelDependent = travelError !== null && opts.objective !== 'score' && opts.objective !== 'blend' && location !== undefined;
  const base = { objective: opts.objective, weightDependent: true, travelDependent };
  const { resolved, violated } = diagnose(problem, opts);
  if (violated.length > 0) return { ...base, readsRanking: false, infeasible: violated, choose: () => [] };
  if (travelError) checkTravelError(travelError);
  const p = prepareObjective(problem, opts);
  const pert: PerturbationBase | null = travelDependent ? perturbationBase(location!, p, travelError!) : null;
  const proposed = proposal ? proposalIndices(problem, proposal) : null;
  const siteMunicipality = Int32Array.from(sites, (s) => s.municipality);
  const sitesByMunicipality = sitesInIdOrder(sites, p.idRank, municipalityDistricts.length);
  // Consecutive calls often reuse the same scores (the families of one sample, the travel family): memoise.
  const orders: { scores: Float64Array; order: Int32Array }[] = [];
  const orderFor = (scores: Float64Array): Int32Array => {
    const hit = orders.find((o) => o.scores.every((v, i) => v === scores[i]));
    if (hit) return hit.order;
    const order = scoreOrder(scores, sitesByMunicipality, p.idRank);
    if (orders.length >= 2) orders.shift();
    orders.push({ scores: Float64Array.from(scores), order });
    return order;
  };
  const views = viewCache(p, resolved, location, pert);
  const modular = !swapCanImprove(p, resolved);
  return {
    ...base, readsRanking: modular, infeasible: [],
    choose(municipalityScores, errors, useProposal, ranked) {
      if (useProposal && proposed) return proposed;
      if (modular && ranked) {
        const walked = walkRanked(municipalityScores, ranked, sitesByMunicipality, resolved);
        if (walked) return walked;
      }
      const scores = new Float64Array(siteMunicipality.length);
      for (let j = 0; j < scores.length; j++) scores[j] = municipalityScores[siteMunicipality[j]];
      const view = views(errors);
      return bestOf({ ...view.p, scores }, resolved, proposed, () => orderFor(municipalityScores), view.bounds);
    },
  };
}

/**
 * The greedy set of a score objective with only upper bounds (group caps, district maximums; see
 * `swapCanImprove`), read off a ranking instead of a heap: walk the municipalities best first and each
 * one's sites in id order, adding every allowed site the rules accept, until K. The same set as
 * `greedySelect`: its key (gain = score, then score, then id) is the order walked when no two
 * municipalities' scores are within `SCORE_TOLERANCE` (checked, up to the first municipality after the
 * last one taken), and without minimums a site the rules refuse stays refused as the set grows (caps
 * only tighten), so the heap's set-aside candidates never return.
 * @returns null where two scores are that close or out of order (NaN): the caller takes the general path
 */
function walkRanked(scores: Float64Array, ranked: Int32Array, sitesOf: readonly number[][], rc: ResolvedConstraints): number[] | null {
  const rules = setRules(rc);
  const out: number[] = [];
  let prev = Infinity;
  for (let r = 0; r < ranked.length; r++) {
    const sites = sitesOf[ranked[r]];
    if (sites.length === 0) continue;
    const v = scores[ranked[r]];
    if (!(prev - v > SCORE_TOLERANCE)) return null;
    if (out.length === rc.k) return out;
    prev = v;
    for (const j of sites) {
      if (rc.allowed[j] !== 1 || !rules.canAdd(j)) continue;
      rules.add(j);
      out.push(j);
      if (out.length === rc.k) break;
    }
  }
  return out.length === rc.k ? out : null;
}

interface View {
  p: PreparedObjective;
  /** Swap bounds of the view when they do not depend on scores (coverage, access, beyond), else undefined. */
  bounds: SwapBounds | undefined;
}

/**
 * The objective's view under a draw of travel errors (null = unperturbed), kept for the last draw: a
 * sample's travel and both families use the same draw, so the view and its swap bounds are built once.
 * The view does not depend on scores; where the gains do not either, neither do the bounds.
 */
function viewCache(p: PreparedObjective, rc: ResolvedConstraints, location: LocationProblem | undefined, pert: PerturbationBase | null): (errors: Float64Array | null) => View {
  const scoreFree = p.objective === 'coverage' || p.objective === 'access' || p.objective === 'beyond';
  const withBounds = (q: PreparedObjective): View => ({ p: q, bounds: scoreFree ? swapBounds(q, rc) : undefined });
  let unperturbed: View | null = null;
  let last: { errors: Float64Array; view: View } | null = null;
  return (errors) => {
    if (!errors || !pert) return (unperturbed ??= withBounds(p));
    if (last && last.errors.length === errors.length && last.errors.every((v, i) => Object.is(v, errors[i]))) return last.view;
    last = { errors: Float64Array.from(errors), view: withBounds(perturbedObjective(p, location!, pert, errors)) };
    return last.view;
  };
}

/** Per municipality, its sites in ascending id order. */
function sitesInIdOrder(sites: readonly SampleSite[], idRank: Int32Array, nMunicipalities: number): number[][] {
  const out: number[][] = Array.from({ length: nMunicipalities }, () => []);
  sites.forEach((s, j) => out[s.municipality].push(j));
  for (const list of out) list.sort((a, b) => idRank[a] - idRank[b]);
  return out;
}

/**
 * Sites ordered by (score desc, id asc) in O(sites + m log m): sites share their municipality's score,
 * so municipalities are sorted by score (ties: smallest site id first) and expanded.
 */
function scoreOrder(municipalityScores: Float64Array, byMunicipality: number[][], idRank: Int32Array): Int32Array {
  const ms: number[] = [];
  for (let m = 0; m < byMunicipality.length; m++) if (byMunicipality[m].length > 0) ms.push(m);
  const sc = municipalityScores;
  ms.sort((a, b) => (Math.abs(sc[a] - sc[b]) > SCORE_TOLERANCE ? sc[b] - sc[a] : idRank[byMunicipality[a][0]] - idRank[byMunicipality[b][0]]));
  const out = new Int32Array(idRank.length);
  let at = 0;
  for (let k = 0; k < ms.length; ) {
    let end = k + 1;
    while (end < ms.length && Math.abs(sc[ms[end]] - sc[ms[k]]) <= SCORE_TOLERANCE) end++;
    if (end === k + 1) {
      for (const j of byMunicipality[ms[k]]) out[at++] = j;
    } else {
      // Municipalities with equal scores: their sites merged by id.
      const merged: number[] = [];
      for (let q = k; q < end; q++) for (const j of byMunicipality[ms[q]]) merged.push(j);
      merged.sort((a, b) => idRank[a] - idRank[b]);
      for (const j of merged) out[at++] = j;
    }
    k = end;
  }
  return out;
}

function proposalIndices(problem: SelectionProblem, proposal: readonly string[]): number[] {
  const index = new Map(problem.candidates.map((c, i) => [c.id, i]));
  return proposal.map((id) => {
    const j = index.get(id);
    if (j === undefined) throw new Error(`proposal site ${id} is not a candidate`);
    return j;
  });
}

/** Greedy + swaps, and swaps from the proposal; the better set under the lexicographic key. */
function bestOf(p: PreparedObjective, rc: ResolvedConstraints, proposal: number[] | null, order: () => Int32Array, bounds?: SwapBounds): number[] {
  const ctx = swapContext(p, rc, order, bounds);
  const greedy = greedySelect(p, rc, ctx);
  if (!swapCanImprove(p, rc)) return greedy;
  const a = swapSearch(p, rc, greedy, 50, ctx);
  if (!proposal || proposal.length !== rc.k) return a;
  const b = swapSearch(p, rc, proposal, 50, ctx);
  return compareSets(p, a, b) >= 0 ? a : b;
}
