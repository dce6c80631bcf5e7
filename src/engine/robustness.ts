/**
 * Robustness of a ranking and of the proposed set, by seeded Monte Carlo sampling in the spirit of
 * SMAA (Stochastic Multicriteria Acceptability Analysis; Lahdelma, Hokkanen & Salminen 1998, EJOR
 * 106: rank acceptability indices), extended to the travel model's error.
 *
 * What is sampled:
 * - criteria weights (over the criteria with weight > 0; zero weights stay zero): `around` (default)
 *   = Dirichlet(κ · w) with w the scenario's weights scaled to sum 1 and κ the `concentration`
 *   (default 50): mean = the chosen weights; `simplex` = Dirichlet(1, …, 1), uniform on the simplex;
 * - the travel model's error (`travelError`, optional): per demand point one residual, see `perturb.ts`.
 * Sample 0 is always the scenario itself: its own weights and the unperturbed travel model; when the
 * caller passes the proposal's chosen set, sample 0's set is that set, so every proposed site has
 * pInSet > 0 by construction.
 *
 * Per sample the precomputed normalised matrix is re-aggregated (no re-normalisation), ranked with
 * the documented tie-break (scores compared at about 1e-5 point resolution) and counted: `pTopK` =
 * share of samples where the municipality is among the K best eligible by score; rank percentiles use
 * the nearest-rank method over all municipalities. The set is re-chosen with the proposal's objective,
 * rules and tie-break (`robust-sets.ts`) in three families: weights only (travel unperturbed), travel
 * only (the scenario's weights), and both. Under coverage, access and beyond the weights act on the set
 * only through the score tie-break; under score and blend the travel model does not enter. `pInSet*` =
 * share of samples where some site of the municipality is in the set; a site or municipality is
 * "stable" under a family when that share is ≥ `stableAt`.
 *
 * Chunking: `robustnessCounts` does a range of sample indices (each sample has its own seeded
 * generator, so a range gives the same draws whether run alone or inside a larger run);
 * `mergeRobustnessCounts` adds chunks; `summarizeRobustness` turns counts into the result.
 */
import type { MunicipalityInput } from './criteria';
import type { LocationProblem } from './location';
import { drawPointErrors, type TravelError } from './perturb';
import { createRng, type Rng } from './random';
import { prepareRanking, type PreparedRanking, type RankOptions } from './rank';
import { rankSorter, sortByScore, tieBreakRank, percentileRank } from './rank-sort';
import { createSampleScorer, scoreSample, type SampleScorer } from './sample-scorer';
import { setSampler, type SampleSite, type SetSampler } from './robust-sets';
import type { SelectionOptions } from './selection';
import { violationText } from './rules';

/** Options for `robustness`. */
export interface RobustnessOptions {
  samples: number;
  seed: number;
  mode: 'around' | 'simplex';
  concentration: number;
  /** Size of the top-K and of the chosen set. */
  k: number;
  /** Samples (from index 0) in which the set is re-chosen; at most `samples`. */
  setSamples: number;
  /** Selection rules (objective, district min/max, include/exclude, radius, blendAlpha, maxPerGroup). */
  selection: Partial<Omit<SelectionOptions, 'k' | 'method'>>;
  /**
   * Candidate sites in the location problem's order (several per municipality); default one per municipality, id = kommunenummer.
   * `priority` is the proposal's tie-break priority of the site (absent = 0): pass the same priorities the proposal was
   * chosen with, or the samples break ties between equally good sites differently from the proposal.
   */
  sites: readonly { id: string; kommunenummer: string; priority?: number }[] | null;
  /** The proposal's chosen site ids (sample 0's set). */
  proposal: readonly string[] | null;
  /** Residuals of the travel model to sample (see `perturb.ts`); null = travel not sampled. */
  travelError: TravelError | null;
  /** Share of samples at or above which a municipality counts as stable. */
  stableAt: number;
}

/** Default robustness options: 1,000 samples, seed 1, around the weights with κ = 50, K = 20, score objective. */
export const defaultRobustnessOptions: RobustnessOptions = {
  samples: 1000, seed: 1, mode: 'around', concentration: 50, k: 20, setSamples: 1000, selection: { objective: 'score' },
  sites: null, proposal: null, travelError: null, stableAt: 0.8,
};

/** Robustness figures for one municipality. */
export interface RobustnessItem {
  kommunenummer: string;
  eligible: boolean;
  /** Rank with the scenario's own weights. */
  rankBase: number;
  /** Share of samples with a site of this municipality in the set: weights and travel sampled together when a travel error is given, else weights. */
  pInSet: number;
  pInSetWeights: number;
  /** Null when the travel model is not sampled (no travel error, or the objective ignores travel). */
  pInSetTravel: number | null;
  stableUnderWeights: boolean;
  stableUnderTravel: boolean | null;
  stableUnderBoth: boolean;
  pTopK: number;
  rankP05: number;
  rankMedian: number;
  rankP95: number;
}

/** Per candidate site: the same shares. */
export interface RobustnessSite {
  id: string;
  kommunenummer: string;
  pInSet: number;
  pInSetWeights: number;
  pInSetTravel: number | null;
}

/** Result of `robustness`. */
export interface RobustnessResult {
  items: RobustnessItem[];
  sites: RobustnessSite[];
  samples: number;
  setSamples: number;
  seed: number;
  mode: 'around' | 'simplex';
  objective: string;
  /** What was sampled for the set. */
  sampled: { weights: boolean; travel: boolean };
  /** How the figures were produced, in words (English). */
  method: string[];
  notes: string[];
}

/** Raw counts over a range of samples; add chunks with `mergeRobustnessCounts`. */
export interface RobustnessCounts {
  samples: number;
  setSamples: number;
  hist: Int32Array;
  inTopK: Int32Array;
  inSet: { weights: Int32Array; travel: Int32Array; both: Int32Array };
  siteIn: { weights: Int32Array; travel: Int32Array; both: Int32Array };
}

function mergeOptions(options: Partial<RobustnessOptions>): RobustnessOptions {
  const opts: RobustnessOptions = { ...defaultRobustnessOptions, ...options };
  if (!Number.isInteger(opts.samples) || opts.samples < 1) throw new Error('samples must be a whole number ≥ 1');
  if (!(opts.concentration > 0)) throw new Error('concentration must be > 0');
  if (!(opts.stableAt > 0 && opts.stableAt <= 1)) throw new Error('stableAt must be in (0, 1]');
  return opts;
}

interface Setup {
  opts: RobustnessOptions;
  prep: PreparedRanking;
  n: number;
  m: number;
  normalized: Float64Array;
  baseWeights: Float64Array;
  alpha: Float64Array;
  sites: SampleSite[];
  set: SetSampler;
}

function setup(municipalities: readonly MunicipalityInput[], rankOptions: RankOptions, options: Partial<RobustnessOptions>, location?: LocationProblem): Setup {
  const opts = mergeOptions(options);
  const prep = prepareRanking(municipalities, rankOptions);
  const n = municipalities.length;
  // Only criteria with weight > 0 take part; a compact copy of their columns halves the hot loop.
  const active = prep.criteriaIds.map((_, c) => c).filter((c) => prep.weights[c] > 0);
  const m = active.length;
  const normalized = new Float64Array(n * m);
  for (let i = 0; i < n; i++) active.forEach((c, a) => (normalized[i * m + a] = prep.normalized[i * prep.criteriaIds.length + c]));
  const baseWeights = Float64Array.from(active, (c) => prep.weights[c]);
  const total = baseWeights.reduce((a, b) => a + b, 0);
  const alpha = Float64Array.from(baseWeights, (w) => (opts.mode === 'around' ? (opts.concentration * w) / total : 1));
  const muniIndex = new Map(municipalities.map((x, i) => [x.kommunenummer, i]));
  const siteList = opts.sites ?? municipalities.map((x) => ({ id: x.kommunenummer, kommunenummer: x.kommunenummer }));
  const sites = siteList.map((s, i) => {
    const mi = muniIndex.get(s.kommunenummer);
    if (mi === undefined) throw new Error(`sites[${i}] (${s.id}): kommunenummer ${s.kommunenummer} is not a municipality`);
    return { id: s.id, kommunenummer: s.kommunenummer, municipality: mi, priority: 'priority' in s ? s.priority : undefined };
  });
  const set = setSampler(sites, prep.eligible, municipalities.map((x) => x.policeDistrict), opts.k, opts.selection, location, opts.travelError, opts.proposal);
  return { opts, prep, n, m, normalized, baseWeights, alpha, sites, set };
}

/** The seed of (seed, sample, stream): each sample has its own sequence, independent of chunking. */
const sampleSeed = (seed: number, sample: number, stream: number): number =>
  (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(sample + 1, 0x85ebca77) ^ Math.imul(stream + 1, 0xc2b2ae3d)) >>> 0;

/** One generator reseeded per (sample, stream), so the loop allocates nothing per sample. */
function sampleRng(rng: Rng, seed: number, sample: number, stream: number): Rng {
  rng.reseed(sampleSeed(seed, sample, stream));
  return rng;
}

/**
 * Counts for the sample indices [from, to) (see the file comment).
 * @throws Error naming the option on bad samples/k/concentration/stableAt, the weight on bad weights,
 *   or the site when a proposal or site id is unknown
 */
export function robustnessCounts(
  municipalities: readonly MunicipalityInput[], rankOptions: RankOptions = {}, options: Partial<RobustnessOptions> = {},
  location?: LocationProblem, range?: readonly [number, number],
): RobustnessCounts {
  return countSamples(setup(municipalities, rankOptions, options, location), location, range);
}

function countSamples(s: Setup, location: LocationProblem | undefined, range?: readonly [number, number]): RobustnessCounts {
  const { opts, n } = s;
  const [from, to] = range ?? [0, opts.samples];
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= opts.samples)) throw new Error(`range must be whole numbers with 0 ≤ from ≤ to ≤ samples, got [${from}, ${to}]`);
  const counts = emptyCounts(n, s.sites.length);
  const setSamples = s.set.infeasible.length > 0 ? 0 : Math.min(opts.setSamples, opts.samples);
  const draw = weightDrawer(s);
  const baseScores = new Float64Array(n);
  scoreSample(draw.score, s.baseWeights, baseScores);
  const errors = location ? new Float64Array(location.nDemand) : new Float64Array(0);
  const chooseSets = (k: number, scores: Float64Array, ranked: Int32Array | undefined): void => {
    counts.setSamples++;
    tally(counts, 'weights', s, s.set.choose(scores, null, k === 0, ranked));
    if (!s.set.travelDependent) return;
    drawPointErrors(sampleRng(draw.rng, opts.seed, k, 1), opts.travelError!, errors, k === 0);
    tally(counts, 'travel', s, s.set.choose(baseScores, errors, k === 0));
    tally(counts, 'both', s, s.set.choose(scores, errors, k === 0));
  };
  // A set read off the ranking (score objective with only caps) costs about one ranking: it is chosen inside
  // the ranking loop from the same scores and order. Any other set search is far larger and has a loop of its
  // own that draws the same weights again (each sample has its own seeded generator): interleaved with the
  // ranking, its arrays would push the ranking's tables out of the cache.
  const inLoop = s.set.readsRanking ? setSamples : 0;
  rankSamples(s, draw, from, to, counts, inLoop, chooseSets);
  const scores = new Float64Array(n);
  for (let k = Math.max(from, inLoop); k < Math.min(to, setSamples); k++) {
    drawWeights(draw.rng, opts.seed, k, s.alpha, s.baseWeights, draw.w);
    scoreSample(draw.score, draw.w, scores);
    chooseSets(k, scores, undefined);
  }
  return counts;
}

interface WeightDrawer {
  w: Float64Array;
  rng: Rng;
  score: SampleScorer;
}

function weightDrawer(s: Setup): WeightDrawer {
  return { w: new Float64Array(s.m), rng: createRng(0), score: createSampleScorer(s.normalized, s.n, s.m, s.prep.options.method) };
}

/** Sample k's weights into `w` (sample 0: the scenario's weights). */
function drawWeights(rng: Rng, seed: number, k: number, alpha: Float64Array, baseWeights: Float64Array, w: Float64Array): void {
  if (k === 0) w.set(baseWeights);
  else sampleRng(rng, seed, k, 0).dirichlet(alpha, w);
}

/**
 * The ranking loop over [from, to) (no allocation per sample in the ranking): rank histogram and top-K
 * counts, and for samples below `setSamples` the set through `chooseSets` with this sample's scores and
 * order. Everything the loop reads is taken out of the objects first and the steps are small module-level
 * functions, so a later call with other objects does not deoptimise a large inlined body.
 */
function rankSamples(
  s: Setup, draw: WeightDrawer, from: number, to: number, counts: RobustnessCounts, setSamples: number,
  chooseSets: (k: number, scores: Float64Array, ranked: Int32Array) => void,
): void {
  const { n, prep } = s;
  const scores = new Float64Array(n);
  const order = new Int32Array(n);
  const rankOf = new Int32Array(n);
  const sorter = rankSorter(tieBreakRank(prep.matrix.ids, prep.population));
  const { hist, inTopK } = counts;
  const { eligible } = prep;
  const topK = s.opts.k;
  const { rng, w, score } = draw;
  const { alpha, baseWeights } = s;
  const seed = s.opts.seed;
  for (let k = from; k < to; k++) {
    drawWeights(rng, seed, k, alpha, baseWeights, w);
    scoreSample(score, w, scores);
    sortByScore(sorter, scores, order);
    countRanks(n, order, rankOf, eligible, topK, inTopK, hist);
    if (k < setSamples) chooseSets(k, scores, order);
  }
  counts.samples += to - from;
}

/** One sample's ranking into the counts: the rank histogram and the top-K eligible. */
function countRanks(n: number, order: Int32Array, rankOf: Int32Array, eligible: Uint8Array, topK: number, inTopK: Int32Array, hist: Int32Array): void {
  let eligibleSeen = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    rankOf[i] = r;
    if (eligible[i] === 1 && eligibleSeen++ < topK) inTopK[i]++;
  }
  // Row by row (ascending addresses) rather than in rank order: far fewer cache misses on the n × n table.
  for (let i = 0, row = 0; i < n; i++, row += n) hist[row + rankOf[i]]++;
}

function emptyCounts(n: number, nSites: number): RobustnessCounts {
  const three = (len: number) => ({ weights: new Int32Array(len), travel: new Int32Array(len), both: new Int32Array(len) });
  return { samples: 0, setSamples: 0, hist: new Int32Array(n * n), inTopK: new Int32Array(n), inSet: three(n), siteIn: three(nSites) };
}

function tally(counts: RobustnessCounts, family: 'weights' | 'travel' | 'both', s: Setup, set: number[]): void {
  const seen = new Set<number>();
  for (const j of set) {
    counts.siteIn[family][j]++;
    seen.add(s.sites[j].municipality);
  }
  for (const i of seen) counts.inSet[family][i]++;
}

/** Adds two chunks of counts (for the same inputs and options). */
export function mergeRobustnessCounts(a: RobustnessCounts, b: RobustnessCounts): RobustnessCounts {
  // A plain loop: `map` with a closure took 1–2.5 ms on the 357 × 357 histogram, time the pool spends in its
  // request thread between the chunks and the summary (bench/robustness-scaling.ts).
  const add = (x: Int32Array, y: Int32Array): Int32Array => {
    const out = new Int32Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i] + y[i];
    return out;
  };
  const addThree = (x: RobustnessCounts['inSet'], y: RobustnessCounts['inSet']) => ({ weights: add(x.weights, y.weights), travel: add(x.travel, y.travel), both: add(x.both, y.both) });
  return {
    samples: a.samples + b.samples, setSamples: a.setSamples + b.setSamples, hist: add(a.hist, b.hist), inTopK: add(a.inTopK, b.inTopK),
    inSet: addThree(a.inSet, b.inSet), siteIn: addThree(a.siteIn, b.siteIn),
  };
}

/**
 * Turns counts (all samples, possibly merged from chunks) into the result.
 * @throws as `robustnessCounts`
 */
export function summarizeRobustness(
  municipalities: readonly MunicipalityInput[], rankOptions: RankOptions, options: Partial<RobustnessOptions>,
  counts: RobustnessCounts, location?: LocationProblem,
): RobustnessResult {
  return summarize(setup(municipalities, rankOptions, options, location), counts);
}

function summarize(s: Setup, counts: RobustnessCounts): RobustnessResult {
  const { opts, prep, n } = s;
  const base = new Float64Array(n);
  scoreSample(createSampleScorer(s.normalized, n, s.m, prep.options.method), s.baseWeights, base);
  const order = new Int32Array(n);
  sortByScore(rankSorter(tieBreakRank(prep.matrix.ids, prep.population)), base, order);
  const rankBase = new Int32Array(n);
  order.forEach((i, r) => (rankBase[i] = r + 1));
  const travel = s.set.travelDependent;
  const share = (c: Int32Array, i: number): number => (counts.setSamples > 0 ? c[i] / counts.setSamples : 0);
  const items = Array.from(order, (i): RobustnessItem => {
    const pw = share(counts.inSet.weights, i);
    const pt = travel ? share(counts.inSet.travel, i) : null;
    const pb = travel ? share(counts.inSet.both, i) : pw;
    return {
      kommunenummer: prep.matrix.ids[i], eligible: prep.eligible[i] === 1, rankBase: rankBase[i],
      pInSet: pb, pInSetWeights: pw, pInSetTravel: pt,
      stableUnderWeights: pw >= opts.stableAt, stableUnderTravel: pt === null ? null : pt >= opts.stableAt, stableUnderBoth: pb >= opts.stableAt,
      pTopK: counts.inTopK[i] / Math.max(1, counts.samples),
      rankP05: percentileRank(counts.hist, i, n, counts.samples, 0.05), rankMedian: percentileRank(counts.hist, i, n, counts.samples, 0.5),
      rankP95: percentileRank(counts.hist, i, n, counts.samples, 0.95),
    };
  });
  const sites = s.sites.map((site, j): RobustnessSite => ({
    id: site.id, kommunenummer: site.kommunenummer,
    pInSet: travel ? share(counts.siteIn.both, j) : share(counts.siteIn.weights, j), pInSetWeights: share(counts.siteIn.weights, j),
    pInSetTravel: travel ? share(counts.siteIn.travel, j) : null,
  }));
  const notes = s.set.infeasible.length > 0 ? [`selection rules are infeasible: ${s.set.infeasible.map(violationText).join('; ')}`] : [];
  return {
    items, sites, samples: counts.samples, setSamples: counts.setSamples, seed: opts.seed, mode: opts.mode, objective: s.set.objective,
    sampled: { weights: true, travel }, method: describe(s, counts), notes,
  };
}

function describe(s: Setup, counts: RobustnessCounts): string[] {
  const { opts } = s;
  const objective = s.set.objective;
  const lines = [
    `${counts.samples} samples (seed ${opts.seed}); sample 0 is the scenario's own weights and the unperturbed travel model.`,
    opts.mode === 'around' ? `Criteria weights drawn from a Dirichlet distribution around the scenario's weights (concentration ${opts.concentration}).` : 'Criteria weights drawn uniformly from the simplex of the weighted criteria.',
    `The set is re-chosen in ${counts.setSamples} samples with the proposal's objective (${objective}), rules and tie-break (objective, then Σ score, then minutes saved alone, then id), by greedy + swap search${opts.proposal ? ' and swap search from the proposal; sample 0 is the proposal itself' : ''}.`,
  ];
  if (objective === 'coverage' || objective === 'access' || objective === 'beyond') lines.push('Under this objective the weights change the set only through the score tie-break.');
  else lines.push('Under this objective the travel model does not enter the set.');
  if (s.set.travelDependent) lines.push(`Travel-model error: per demand point and sample, one of ${opts.travelError!.residuals.length} residuals drawn with replacement (${opts.travelError!.kind}).`);
  else lines.push('The travel model is not sampled.');
  return lines;
}

/**
 * Samples weights (and, when given, the travel model's error) and reports per municipality and site
 * how often it is in the set, and per municipality its rank percentiles.
 * @param municipalities the municipalities (as for `rankMunicipalities`)
 * @param rankOptions the scenario's ranking options (weights, method, normalisation, wish gate)
 * @param options merged over `defaultRobustnessOptions`
 * @param location a location problem with candidates in `options.sites` order (default: municipalities' order), for coverage/access/beyond/blend sets
 * @throws as `robustnessCounts`
 */
export function robustness(
  municipalities: readonly MunicipalityInput[], rankOptions: RankOptions = {}, options: Partial<RobustnessOptions> = {}, location?: LocationProblem,
): RobustnessResult {
  const s = setup(municipalities, rankOptions, options, location);
  return summarize(s, countSamples(s, location));
}
