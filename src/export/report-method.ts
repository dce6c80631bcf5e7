/**
 * The report's method text and the summary of the stored proposal, said for the snapshot at hand: which scaling and
 * aggregation (points add up to the score only under the weighted sum), which objective and what it measures, which
 * candidate sites and travel model, how the set was solved and stored, the error margin of the within-error flag
 * (which quantile, and why), and what robustness sampled (under coverage, access and beyond the weights act only
 * through the tie-break; the travel error is what moves the set). Pure.
 */
import type { ShortlistSnapshot } from '../shortlist';
import { formatDateTime, formatGap, formatNumber, type Locale } from '../common/i18n';
import type { MethodReference } from './report-reference';
import { text, valueLabel, type TextKey } from './texts';
import type { ScenarioNormalization } from '../model/scenario-limits';

/** The method text's sentence on each scaling. */
const SCALING_TEXT: Readonly<Record<ScenarioNormalization, TextKey>> = { minmax: 'scaling_minmax', percentile: 'scaling_percentile', z: 'scaling_z' };

const TRAVEL_OBJECTIVES = new Set(['coverage', 'access', 'beyond']);

/** Decimals of an objective's value: residents and resident-minutes whole, scores 2, the blend's fractions 6. */
const OBJECTIVE_DIGITS: Readonly<Record<string, number>> = { coverage: 0, access: 0, beyond: 0, score: 2, blend: 6 };
/** What each objective's value counts. */
const OBJECTIVE_UNIT: Readonly<Record<string, TextKey>> = {
  coverage: 'objectiveUnit_coverage', access: 'objectiveUnit_access', beyond: 'objectiveUnit_beyond', score: 'objectiveUnit_score', blend: 'objectiveUnit_blend',
};

/**
 * An objective's value (the set's value, its bound, the sum of the gain column) with thousands separators and what it
 * counts: `11 613 innbyggere innen grensen`, `1 234 567 innbygger-minutter`, `812,40 poeng (sum av poengsummene)`.
 */
export function objectiveValueText(locale: Locale, objective: string, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const known = objective in OBJECTIVE_DIGITS ? objective : 'coverage';
  return text(locale, OBJECTIVE_UNIT[known], { value: formatNumber(locale, value, OBJECTIVE_DIGITS[known]) });
}

/** The summary's sentence on robustness: how many samples of what, or that it was not computed. */
export function robustnessSentence(locale: Locale, s: ShortlistSnapshot): string {
  const r = s.robustness;
  if (!r) return text(locale, 'summaryNoRobust');
  return text(locale, 'summaryRobust', { samples: formatNumber(locale, r.samples, 0), what: text(locale, r.sampled?.travel ? 'sampledBoth' : 'sampledWeights') });
}

/** "the median" / "the 90th percentile" of a quantile. */
function quantileText(locale: Locale, q: number): string {
  return q === 0.5 ? text(locale, 'quantileMedian') : text(locale, 'quantileP', { p: Math.round(q * 100) });
}

function objectiveText(locale: Locale, s: ShortlistSnapshot): string {
  const p = s.params;
  const key: Record<string, TextKey> = { coverage: 'objCoverage', access: 'objAccess', beyond: 'objBeyond', score: 'objScore', blend: 'objBlend' };
  return text(locale, key[p.objective] ?? 'objCoverage', { minutes: formatNumber(locale, p.minutes, 0), alpha: formatNumber(locale, p.blendAlpha, 2) });
}

/** The method section, one paragraph per entry. */
export function methodParagraphs(locale: Locale, s: ShortlistSnapshot, travelModel: string, reference?: MethodReference): string[] {
  const p = s.params;
  const T = (k: TextKey, params: Record<string, string | number> = {}) => text(locale, k, params);
  const scaling = T(SCALING_TEXT[p.normalization]);
  const out = [
    T('methodScore'),
    T('methodScaling', { normalization: scaling, aggregation: valueLabel(locale, p.method), aggregationText: T(p.method === 'topsis' ? 'aggregationTopsis' : 'aggregationWsm') }),
    T('methodSelect', {
      k: p.k, sites: s.proposal ? formatNumber(locale, s.proposal.candidateSites, 0) : '–', objective: valueLabel(locale, p.objective),
      objectiveText: objectiveText(locale, s), model: travelModel,
    }),
  ];
  if (reference) out.push(...referenceParagraphs(locale, reference, travelModel));
  const pr = s.proposal;
  if (pr) {
    out.push(T('methodSolved', {
      solver: valueLabel(locale, pr.solverName), status: valueLabel(locale, pr.status), value: objectiveValueText(locale, p.objective, pr.objective),
      bound: objectiveValueText(locale, p.objective, pr.bound), gap: formatGap(locale, pr.gap), id: pr.id,
    }));
  }
  const margin = pr?.errorMargin;
  if (margin && TRAVEL_OBJECTIVES.has(p.objective)) {
    out.push(T('methodSites', {
      order: T('setPosition'), margin: formatNumber(locale, margin.minutes, 2), quantile: quantileText(locale, margin.quantile), pairs: margin.residuals,
    }));
    if (margin.source === 'builtin-cv-for-imported') out.push(T('methodSitesImported'));
  }
  if (s.figures?.from === 'list') out.push(T('figuresFromList'));
  const r = s.robustness;
  if (!r) out.push(T('methodRobustNone'));
  else out.push(T(r.sampled?.travel ? 'methodRobustTravel' : 'methodRobustWeights', { samples: formatNumber(locale, r.samples, 0), seed: r.seed }));
  return out;
}

/**
 * Where the open stations come from (compiled by this project, not a list Politiet publishes), and the model's
 * national share within 45 minutes next to the police's published 98.6 % and its source.
 */
function referenceParagraphs(locale: Locale, r: MethodReference, travelModel: string): string[] {
  const out = [text(locale, 'methodStations', { stations: formatNumber(locale, r.stations, 0) })];
  if (!r.police) return out;
  const police = { policeShare: `${formatNumber(locale, r.police.share * 100, 1)} %`, policeBeyond: formatNumber(locale, r.police.beyondApprox, 0), source: r.police.source };
  if (r.model) {
    out.push(text(locale, 'methodNational', {
      ...police, model: travelModel, share: `${formatNumber(locale, r.model.shareWithin45 * 100, 2)} %`, beyond: formatNumber(locale, r.model.beyond45, 0),
    }));
    const e = r.model.underError;
    if (e) {
      out.push(text(locale, 'methodNationalUnderError', {
        share: `${formatNumber(locale, e.shareWithin45 * 100, 2)} %`, beyond: formatNumber(locale, e.beyond45, 0),
        p05: formatNumber(locale, e.p05, 0), p95: formatNumber(locale, e.p95, 0),
        medianError: e.medianAbsErrorMin === null ? '?' : formatNumber(locale, e.medianAbsErrorMin, 1),
      }));
    }
  } else out.push(text(locale, 'methodNationalImported', police));
  return out;
}

/** The proposal's figures for the summary table (empty when the snapshot holds no proposal). */
export function proposalSummary(locale: Locale, s: ShortlistSnapshot): [string, string][] {
  const T = (k: TextKey, params: Record<string, string | number> = {}) => text(locale, k, params);
  const out: [string, string][] = [];
  const pr = s.proposal;
  if (s.selection) {
    out.push([T('selStatus'), valueLabel(locale, s.selection.status)], [T('ruleObjective'), valueLabel(locale, s.selection.objectiveName)]);
  }
  const objective = s.params.objective;
  if (pr) {
    out.push(
      [T('proposalId'), T('proposalIdValue', { when: formatDateTime(locale, pr.createdAt), id: pr.id })],
      [T('solverName'), valueLabel(locale, pr.solverName)],
      [T('selObjective'), objectiveValueText(locale, objective, pr.objective)],
      [T('selBound'), objectiveValueText(locale, objective, pr.bound)],
      [T('selGap'), formatGap(locale, pr.gap)],
      [T('candidateSites'), T('candidateSitesValue', { n: formatNumber(locale, pr.candidateSites, 0) })],
    );
    if (pr.errorMargin && TRAVEL_OBJECTIVES.has(s.params.objective)) {
      out.push([T('errorMargin'), T('errorMarginValue', {
        margin: formatNumber(locale, pr.errorMargin.minutes, 2), quantile: quantileText(locale, pr.errorMargin.quantile), pairs: pr.errorMargin.residuals,
      })]);
    }
  } else if (s.selection) {
    out.push([T('selObjective'), objectiveValueText(locale, objective, s.selection.objective)]);
  }
  if (s.figures) out.push([T('totalGain'), objectiveValueText(locale, objective, s.figures.totalGain)]);
  if (s.robustness) {
    out.push([T('robustSettings'), T('robustSettingsValue', {
      samples: formatNumber(locale, s.robustness.samples, 0), seed: s.robustness.seed, what: T(s.robustness.sampled?.travel ? 'sampledBoth' : 'sampledWeights'),
    })]);
  }
  return out;
}
