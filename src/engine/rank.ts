/**
 * Ranking: criteria → decision matrix → normalisation → aggregation → ordered, explained items.
 *
 * Tie-break (deterministic, documented): score descending (scores within 1e-9 count as equal), then
 * population descending, then id (kommunenummer) ascending. For a generic matrix without
 * population: score descending, then id ascending.
 * Eligibility: when answers are loaded (any municipality has an `answer`) and the `wish` gate is on
 * (default), only municipalities that answered yes to question 5 are eligible. Without answers every
 * municipality is eligible and the result says `answersLoaded: false`.
 * Normalisation statistics are taken over all municipalities (eligible or not), so toggling the
 * gate never changes a score.
 */
import { aggregate, validateWeights, type AggregationMethod } from './aggregate';
import { CRITERIA, DEFAULT_WEIGHTS, type CriterionId, type MunicipalityInput } from './criteria';
import { normalizeMatrix, type DecisionMatrix, type Normalization } from './normalize';

/**
 * Why a municipality is not eligible: `wishNo` (answered no to q. 5) or `wishNotAnswered`. Their labels
 * are in the catalogue, reached through `INELIGIBLE_REASON_LABEL` in `model/labels.ts`.
 */
export type IneligibleReason = 'wishNo' | 'wishNotAnswered';

/** Options for ranking municipalities. */
export interface RankOptions {
  /** Weights by criterion id, merged over `DEFAULT_WEIGHTS`; only ratios matter. */
  weights?: Partial<Record<CriterionId, number>>;
  method?: AggregationMethod;
  normalization?: Normalization;
  /** Clip for z-scores (default 3). */
  zClip?: number;
  /** Only municipalities that want a station are eligible (when answers are loaded). Default true. */
  wishGate?: boolean;
}

/** Default ranking options (the UI shows these). */
export const defaultRankOptions: Required<RankOptions> = {
  weights: DEFAULT_WEIGHTS,
  method: 'wsm',
  normalization: 'minmax',
  zClip: 3,
  wishGate: true,
};

/** One ranked municipality. */
export interface RankedItem {
  kommunenummer: string;
  name: string;
  policeDistrict: string;
  population: number;
  /** 1-based rank among all municipalities. */
  rank: number;
  /** 1-based rank among eligible municipalities, `null` when not eligible. */
  eligibleRank: number | null;
  /** 0–100. */
  score: number;
  eligible: boolean;
  reason: IneligibleReason | null;
  /** Criterion → points (see `aggregate.ts`: sum = score − baseline). */
  contributions: Record<string, number>;
  /** Raw criterion values (`null` = missing). */
  values: Record<string, number | null>;
  /** Criteria with weight > 0 whose value is missing (left out of this score). */
  missing: CriterionId[];
}

/** The result of ranking municipalities. */
export interface RankingResult {
  items: RankedItem[];
  answersLoaded: boolean;
  wishGate: boolean;
  method: AggregationMethod;
  normalization: Normalization;
  /** Weights as used, scaled to sum 1. */
  weights: Record<CriterionId, number>;
  /** Score when all contributions are 0 (0 for wsm, 50 for topsis). */
  baseline: number;
}

/** A ranking problem converted once to flat arrays (shared with the robustness sampler). */
export interface PreparedRanking {
  matrix: DecisionMatrix;
  normalized: Float64Array;
  criteriaIds: CriterionId[];
  weights: Float64Array;
  eligible: Uint8Array;
  reasons: (IneligibleReason | null)[];
  population: Float64Array;
  answersLoaded: boolean;
  options: Required<RankOptions>;
}

/**
 * Builds the decision matrix, eligibility and normalised values for a set of municipalities.
 * @throws Error naming the weight when a weight is not a finite number ≥ 0 or its id is unknown
 */
export function prepareRanking(municipalities: readonly MunicipalityInput[], options: RankOptions = {}): PreparedRanking {
  const opts: Required<RankOptions> = { ...defaultRankOptions, ...options, weights: { ...DEFAULT_WEIGHTS, ...options.weights } };
  for (const key of Object.keys(opts.weights)) {
    if (!(key in DEFAULT_WEIGHTS)) throw new Error(`weights.${key} is not a known criterion`);
  }
  const criteriaIds = CRITERIA.map((c) => c.id);
  const m = CRITERIA.length;
  const n = municipalities.length;
  const values = new Float64Array(n * m);
  municipalities.forEach((mun, i) => CRITERIA.forEach((def, c) => (values[i * m + c] = def.value(mun) ?? NaN)));
  const weights = Float64Array.from(criteriaIds, (id) => opts.weights[id] ?? 0);
  validateWeights(criteriaIds, weights);
  const matrix: DecisionMatrix = {
    ids: municipalities.map((x) => x.kommunenummer),
    criteria: CRITERIA.map((c) => ({ id: c.id, direction: c.direction })),
    values,
  };
  const answersLoaded = municipalities.some((x) => x.answer !== undefined && x.answer !== null);
  const reasons = municipalities.map((x): IneligibleReason | null => {
    if (!answersLoaded || !opts.wishGate) return null;
    const wish = x.answer?.wantsStation ?? null;
    return wish === 'yes' ? null : wish === 'no' ? 'wishNo' : 'wishNotAnswered';
  });
  return {
    matrix,
    normalized: normalizeMatrix(matrix, opts.normalization, opts.zClip),
    criteriaIds,
    weights,
    eligible: Uint8Array.from(reasons, (r) => (r === null ? 1 : 0)),
    reasons,
    population: Float64Array.from(municipalities, (x) => x.population),
    answersLoaded,
    options: opts,
  };
}

/**
 * Orders alternatives by the documented tie-break rule.
 * @param scores score per alternative
 * @param ids id per alternative (last tie-break, ascending)
 * @param population optional population per alternative (second tie-break, descending)
 * @returns indices from best to worst
 */
export function orderByScore(scores: ArrayLike<number>, ids: readonly string[], population?: ArrayLike<number> | null): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  return order.sort((a, b) => {
    const d = scores[b] - scores[a];
    if (Math.abs(d) > 1e-9) return d;
    if (population && population[a] !== population[b]) return population[b] - population[a];
    return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
  });
}

/**
 * Ranks municipalities: every item with rank, score, eligibility, contributions and missing list.
 * Defaults: `defaultRankOptions` (weighted sum, min-max, the registry's default weights, wish gate on).
 * @throws Error naming the weight on a bad weight
 */
export function rankMunicipalities(municipalities: readonly MunicipalityInput[], options: RankOptions = {}): RankingResult {
  const prep = prepareRanking(municipalities, options);
  const { criteriaIds, weights, normalized } = prep;
  const n = municipalities.length;
  const m = criteriaIds.length;
  const agg = aggregate(normalized, n, m, weights, prep.options.method, true);
  const order = orderByScore(agg.scores, prep.matrix.ids, prep.population);
  const items: RankedItem[] = new Array(n);
  let eligibleRank = 0;
  order.forEach((i, pos) => {
    const mun = municipalities[i];
    const contributions: Record<string, number> = {};
    const values: Record<string, number | null> = {};
    const missing: CriterionId[] = [];
    criteriaIds.forEach((id, c) => {
      const raw = prep.matrix.values[i * m + c];
      values[id] = Number.isNaN(raw) ? null : raw;
      if (weights[c] > 0) {
        contributions[id] = agg.contributions![i * m + c];
        if (Number.isNaN(raw)) missing.push(id);
      }
    });
    items[pos] = {
      kommunenummer: mun.kommunenummer, name: mun.name, policeDistrict: mun.policeDistrict, population: mun.population,
      rank: pos + 1, eligibleRank: prep.eligible[i] ? ++eligibleRank : null, score: agg.scores[i],
      eligible: prep.eligible[i] === 1, reason: prep.reasons[i], contributions, values, missing,
    };
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return {
    items, answersLoaded: prep.answersLoaded, wishGate: prep.options.wishGate, method: prep.options.method,
    normalization: prep.options.normalization, baseline: agg.baseline,
    weights: Object.fromEntries(criteriaIds.map((id, c) => [id, weights[c] / total])) as Record<CriterionId, number>,
  };
}

/** One row of a generic ranking (the `score` CLI). */
export interface MatrixRankedItem {
  id: string;
  rank: number;
  score: number;
  contributions: Record<string, number>;
  missing: string[];
}

/**
 * Ranks any decision matrix (analysts' own data): normalise, aggregate, order (score desc, id asc).
 * @param matrix ids, criteria with directions, values (NaN = missing)
 * @param weights one weight per criterion, in `matrix.criteria` order
 * @throws Error naming the criterion on a bad weight, or on a bad method/normalisation
 */
export function rankMatrix(
  matrix: DecisionMatrix, weights: ArrayLike<number>,
  options: { method?: AggregationMethod; normalization?: Normalization; zClip?: number } = {},
): { items: MatrixRankedItem[]; baseline: number } {
  const method = options.method ?? 'wsm';
  const normalization = options.normalization ?? (method === 'topsis' ? 'vector' : 'minmax');
  const ids = matrix.criteria.map((c) => c.id);
  validateWeights(ids, weights);
  const n = matrix.ids.length;
  const m = ids.length;
  const agg = aggregate(normalizeMatrix(matrix, normalization, options.zClip ?? 3), n, m, weights, method, true);
  const order = orderByScore(agg.scores, matrix.ids, null);
  const items = Array.from(order, (i, pos): MatrixRankedItem => ({
    id: matrix.ids[i], rank: pos + 1, score: agg.scores[i],
    contributions: Object.fromEntries(ids.map((id, c) => [id, agg.contributions![i * m + c]])),
    missing: ids.filter((_, c) => Number.isNaN(matrix.values[i * m + c])),
  }));
  return { items, baseline: agg.baseline };
}
