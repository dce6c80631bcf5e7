/**
 * The report model: everything an export shows, assembled once, so CSV, XLSX, GeoJSON and PDF
 * print the same (rounded) numbers. `buildReportModel` is pure (inputs and `now` in, model out);
 * `loadShortlistReport` / `loadScenarioReport` are the thin shell that gathers its inputs from the
 * database and the engine.
 *
 * Rounding (applied here, once): score and points 2 decimals, criterion values and indicators 3,
 * probabilities 3, coordinates 6, residents to whole persons.
 */
import type { Assessment } from '../db/assessments-repo';
import type { IneligibleReason } from '../engine';
import { EXPORT_CRITERIA as CRITERIA, EXPORT_INELIGIBLE_REASON_LABELS as INELIGIBLE_REASON_LABELS } from '../model/criteria-texts';
import type { ScenarioParams } from '../model/scenario';
import { INDICATOR_KEYS, type CandidateSite, type CandidateStatus, type ShortlistSnapshot, type SnapshotCandidate, type SnapshotComparison } from '../shortlist';
import { formatDateTime, formatNumber, SCORE_DIGITS, t, type Locale, type MessageKey } from '../common/i18n';
import { dataVintageText, sourceInLocale } from '../model/source-labels';
import { methodParagraphs, proposalSummary, robustnessSentence } from './report-method';
import type { MethodReference } from './report-reference';
import { text, valueLabel, type TextKey } from './texts';
import { rulesOf, differencesOf, indicatorLabel } from './report-changes';
import { answersRevisionText, assessmentsRevisionText } from './report-revisions';

export { answersRevisionText, assessmentsRevisionText } from './report-revisions';
import type { SourceFacts } from '../model/source-labels';
import { CRITERION_TEXT, ANSWER_AREA_LABEL, ANSWER_VALUE_LABEL, CHANNEL_LABEL } from '../model/labels';

/** One data source (from data/vintage.json): the facts the sources page and the documents share. */
export type SourceEntry = SourceFacts;

/** What `buildReportModel` needs. */
export interface ReportInputs {
  kind: 'shortlist' | 'scenario';
  shortlist: { id: string; name: string; description: string; createdBy: string; createdAt: string } | null;
  scenario: { id: string | null; name: string };
  snapshot: ShortlistSnapshot;
  /** The kept candidates in order (for a scenario export: the proposed set, all `proposed`). */
  candidates: { kommunenummer: string; position: number; site: CandidateSite; rationale: string; status: CandidateStatus }[];
  /** All assessments of these candidates, oldest first. */
  assessments: Assessment[];
  comparison: SnapshotComparison | null;
  /** Whether sample answers are loaded now (the notice shows when now OR at the snapshot). */
  answersSampleNow: boolean;
  sources: SourceEntry[];
  softwareVersion: string;
  /** The label of the travel-time model the minutes come from, per language (`planning/travel-models.ts`). */
  travelModel?: { nb: string; en: string };
  /** Station count and national figures the method text compares with (`report-reference.ts`). */
  reference?: MethodReference;
}

export type CellValue = string | number | boolean | null;

/** A column of the candidate tables (key = GeoJSON property name, header = localized). */
export interface ReportColumn {
  key: string;
  header: string;
  /** `datetime`: an ISO instant (UTC), shown in Norwegian time (CSV text, XLSX date). */
  kind: 'text' | 'number' | 'boolean' | 'datetime';
}

export interface ReportAssessment {
  advice: string;
  adviceLabel: string;
  reason: string;
  assessor: string;
  assessedAt: string;
}

/** One candidate, every figure rounded and labelled. */
export interface ReportCandidate {
  position: number;
  kommunenummer: string;
  name: string;
  county: string;
  policeDistrict: string;
  status: CandidateStatus;
  statusLabel: string;
  site: CandidateSite & { kindLabel: string };
  rationale: string;
  rank: number;
  eligibleRank: number | null;
  score: number;
  eligible: boolean;
  ineligibleReason: string;
  inProposedSet: boolean;
  robustness: {
    pInSet: number; pInSetWeights: number | null; pInSetTravel: number | null; stableUnderBoth: boolean | null;
    pTopK: number; rankP05: number; rankMedian: number; rankP95: number;
  } | null;
  /** Its figures within the set, in the set's order (rounded): see `SnapshotSetFigures`. */
  set: { position: number | null; marginalGain: number | null; lossIfRemoved: number | null; gainAtRisk: number | null; withinError: boolean | null } | null;
  newlyCovered: number | null;
  criteria: { id: string; label: string; unit: string; value: number | null; points: number; weightShare: number }[];
  indicators: { key: string; label: string; value: number | null }[];
  /**
   * Whether the violence figures (criterion `violenceRate`, indicator `violencePer1000`) are the estimated midpoint of
   * a count SSB suppressed (0–4); null when the snapshot predates the flag.
   */
  violenceSuppressed: boolean | null;
  answer: { sample: boolean; rows: { question: string; label: string; text: string }[]; premises: [string, string][][] } | null;
  assessment: ReportAssessment | null;
  history: ReportAssessment[];
  /** The flat record of all columns (`columns` keys). */
  record: Record<string, CellValue>;
}

/** Everything an export shows. */
export interface ReportModel {
  locale: Locale;
  generatedAt: string;
  kind: 'shortlist' | 'scenario';
  shortlistId: string | null;
  title: string;
  subtitle: string;
  /** The sample-data notice, or null when real answers are loaded. */
  notice: string | null;
  /** The heading facts (scenario, author, snapshot, data vintage, travel model, generation time). */
  meta: [string, string][];
  /** The travel-time model behind every drive time in the report (its label). */
  travelModel: string;
  /** What a suppressed violence figure is (the profile page's note, the PDF's footnote to its `*`). */
  suppressedNote: string;
  /** One line of attribution for the data (also in every GeoJSON feature). */
  attribution: string;
  method: string[];
  /** The method in one paragraph (the report's summary page). */
  methodSummary: string;
  weights: { id: string; label: string; weight: number; share: number; direction: string; unit: string; source: string }[];
  rules: [string, string][];
  summary: [string, string][];
  columns: { core: ReportColumn[]; criteria: ReportColumn[]; indicators: ReportColumn[] };
  candidates: ReportCandidate[];
  assessments: (ReportAssessment & { kommunenummer: string; name: string; policeDistrict: string; current: boolean })[];
  differences: { intro: string; lines: string[] } | null;
  sources: SourceEntry[];
  /** What it takes to reproduce the report: the heading facts once, then hashes, revisions in words and the version. */
  reproducibility: [string, string][];
  params: ScenarioParams;
  inputHash: string;
}

/** Rounds to `digits` decimals; null stays null. */
export function round(x: number | null | undefined, digits: number): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The header of the gain column: what the objective's marginal gain measures, "in the set's order". */
export function gainHeader(locale: Locale, objective: string): string {
  const key = `gain_${objective}` as TextKey;
  return text(locale, ['gain_coverage', 'gain_access', 'gain_beyond', 'gain_score', 'gain_blend'].includes(key) ? key : 'gain_coverage');
}

function coreColumns(locale: Locale, objective: string): ReportColumn[] {
  const col = (key: string, header: TextKey, kind: ReportColumn['kind'] = 'text'): ReportColumn => ({ key, header: text(locale, header), kind });
  return [
    col('position', 'position', 'number'), col('kommunenummer', 'kommunenummer'), col('name', 'municipality'), col('county', 'county'),
    col('policeDistrict', 'district'), col('status', 'status'), col('siteKind', 'siteKind'), col('siteLabel', 'siteLabel'), col('siteId', 'siteId'),
    col('lon', 'lon', 'number'), col('lat', 'lat', 'number'), col('rank', 'rank', 'number'), col('eligibleRank', 'eligibleRank', 'number'),
    col('score', 'score', 'number'), col('eligible', 'eligible', 'boolean'), col('inProposedSet', 'inProposedSet', 'boolean'),
    col('setPosition', 'setPosition', 'number'), { key: 'marginalGain', header: gainHeader(locale, objective), kind: 'number' },
    col('lossIfRemoved', 'lossIfRemoved', 'number'), col('withinError', 'withinError', 'boolean'), col('gainAtRisk', 'gainAtRisk', 'number'),
    col('newlyCovered', 'newlyCovered', 'number'),
    col('pInSet', 'pInSet', 'number'), col('pInSetWeights', 'pInSetWeights', 'number'), col('pInSetTravel', 'pInSetTravel', 'number'),
    col('stableUnderBoth', 'stableUnderBoth', 'boolean'), col('pTopK', 'pTopK', 'number'), col('rankP05', 'rankP05', 'number'),
    col('rankMedian', 'rankMedian', 'number'), col('rankP95', 'rankP95', 'number'),
    col('wantsStation', 'wantsStation'), col('satisfied', 'satisfied'), col('premisesCount', 'premisesCount', 'number'),
    col('advice', 'advice'), col('adviceReason', 'adviceReason'), col('assessor', 'assessor'), col('assessedAt', 'assessedAt', 'datetime'),
    col('rationale', 'rationale'),
  ];
}

function criteriaColumns(locale: Locale): ReportColumn[] {
  return CRITERIA.flatMap((c) => [
    { key: `value_${c.id}`, header: `${c.label[locale]} (${t(locale, CRITERION_TEXT[c.id].unit)})`, kind: 'number' as const },
    { key: `points_${c.id}`, header: `${c.label[locale]}, ${text(locale, 'points')}`, kind: 'number' as const },
  ]);
}

/** The indicators, the violence rate followed by the flag that says it is an estimated midpoint. */
function indicatorColumns(locale: Locale): ReportColumn[] {
  return INDICATOR_KEYS.flatMap((k): ReportColumn[] => [
    { key: `ind_${k}`, header: indicatorLabel(locale, k), kind: 'number' },
    ...(k === 'violencePer1000' ? [{ key: 'violenceSuppressed', header: text(locale, 'violenceSuppressed'), kind: 'boolean' as const }] : []),
  ]);
}


function toAssessment(locale: Locale, a: Assessment): ReportAssessment {
  return { advice: a.advice, adviceLabel: valueLabel(locale, a.advice), reason: a.reason, assessor: a.assessor, assessedAt: a.assessedAt };
}

function answerSection(locale: Locale, c: SnapshotCandidate): ReportCandidate['answer'] {
  if (!c.answer) return null;
  const a = c.answer.content;
  const L = (k: MessageKey) => t(locale, k);
  const v = (x: string) => valueLabel(locale, x);
  const rows = [
    { question: L('resp.q1.title'), label: L('resp.challenges'), text: a.q1.challenges },
    { question: L('resp.q1.title'), label: L('resp.areas'), text: a.q1.areas.map((x) => L(ANSWER_AREA_LABEL[x])).join(', ') },
    { question: L('resp.q2.title'), label: L('resp.satisfied'), text: v(a.q2.satisfied) },
    { question: L('resp.q2.title'), label: L('resp.reasons'), text: a.q2.reasons },
    { question: L('resp.q3.title'), label: L('resp.cooperation'), text: a.q3.cooperation },
    { question: L('resp.q3.title'), label: L('resp.resources'), text: a.q3.resources },
    ...(['station', 'presence', 'attendance', 'telephone', 'internet'] as const).map((ch) => ({
      question: L('resp.q4.title'), label: L(CHANNEL_LABEL[ch]), text: L(ANSWER_VALUE_LABEL[a.q4[ch]]),
    })),
    { question: L('resp.q4.title'), label: L('resp.comment'), text: a.q4.comment },
    { question: L('resp.q5.title'), label: L('resp.wantsStation'), text: v(a.q5.wantsStation) },
  ].map((r) => ({ ...r, text: r.text.trim() === '' ? L('resp.empty') : r.text }));
  const premises = a.q5.premises.map((p): [string, string][] => ([
    [text(locale, 'address'), p.address],
    [text(locale, 'coLocatedWith'), p.coLocatedWith],
    [`${text(locale, 'lat')}, ${text(locale, 'lon')}`, p.lat !== null && p.lon !== null ? `${p.lat}, ${p.lon}` : t(locale, 'resp.prem.noCoords')],
    [text(locale, 'floorArea'), p.floorAreaM2 === null ? '' : formatNumber(locale, p.floorAreaM2)],
    [text(locale, 'availableFrom'), p.availableFrom ?? ''],
    [text(locale, 'yearlyCost'), p.yearlyCostNok === null ? '' : formatNumber(locale, p.yearlyCostNok)],
    [text(locale, 'notes'), p.notes],
  ] as [string, string][]).filter(([, value]) => value !== ''));
  return { sample: c.answer.sample, rows, premises };
}

function candidateOf(
  locale: Locale, s: ShortlistSnapshot, c: SnapshotCandidate, kept: ReportInputs['candidates'][number], history: Assessment[],
): ReportCandidate {
  const rb = c.robustness;
  const f = c.selection;
  const gainDigits = s.params.objective === 'blend' ? 6 : 2;
  const assessment = history.length ? toAssessment(locale, history[history.length - 1]) : null;
  const criteria = CRITERIA.map((def) => ({
    id: def.id, label: def.label[locale], unit: t(locale, CRITERION_TEXT[def.id].unit), value: round(c.values[def.id], 3),
    points: round(c.contributions[def.id] ?? 0, 2) ?? 0, weightShare: round(s.ranking.weights[def.id] ?? 0, 4) ?? 0,
  }));
  const indicators = INDICATOR_KEYS.map((k) => ({ key: k, label: indicatorLabel(locale, k), value: round(c.indicators[k], 3) }));
  const answer = c.answer?.content;
  const reason = c.ineligibleReason ? INELIGIBLE_REASON_LABELS[c.ineligibleReason as IneligibleReason]?.[locale] ?? c.ineligibleReason : '';
  const out: ReportCandidate = {
    position: kept.position, kommunenummer: c.kommunenummer, name: c.name, county: c.county, policeDistrict: c.policeDistrict,
    status: kept.status, statusLabel: valueLabel(locale, kept.status),
    site: { ...kept.site, lon: round(kept.site.lon, 6)!, lat: round(kept.site.lat, 6)!, kindLabel: valueLabel(locale, kept.site.kind) },
    rationale: kept.rationale, rank: c.rank, eligibleRank: c.eligibleRank, score: round(c.score, SCORE_DIGITS)!, eligible: c.eligible,
    ineligibleReason: reason, inProposedSet: c.inProposedSet,
    robustness: rb
      ? {
          pInSet: round(rb.pInSet, 3)!, pInSetWeights: round(rb.pInSetWeights, 3), pInSetTravel: round(rb.pInSetTravel, 3), stableUnderBoth: rb.stableUnderBoth ?? null,
          pTopK: round(rb.pTopK, 3)!, rankP05: rb.rankP05, rankMedian: rb.rankMedian, rankP95: rb.rankP95,
        }
      : null,
    set: f
      ? {
          position: f.position ?? null, marginalGain: round(f.marginalGain, gainDigits), lossIfRemoved: round(f.lossIfRemoved, gainDigits),
          gainAtRisk: round(f.gainAtRisk, gainDigits), withinError: f.withinError ?? null,
        }
      : null,
    newlyCovered: round(c.newlyCovered, 0), criteria, indicators, violenceSuppressed: c.violenceSuppressed ?? null, answer: answerSection(locale, c), assessment,
    history: history.slice(0, -1).map((a) => toAssessment(locale, a)).reverse(), record: {},
  };
  out.record = {
    position: out.position, kommunenummer: out.kommunenummer, name: out.name, county: out.county, policeDistrict: out.policeDistrict,
    status: out.statusLabel, siteKind: out.site.kindLabel, siteLabel: out.site.label, siteId: out.site.siteId ?? '', lon: out.site.lon, lat: out.site.lat,
    rank: out.rank, eligibleRank: out.eligibleRank, score: out.score, eligible: out.eligible, inProposedSet: out.inProposedSet,
    setPosition: out.set?.position ?? null, marginalGain: out.set?.marginalGain ?? null, lossIfRemoved: out.set?.lossIfRemoved ?? null,
    withinError: out.set?.withinError ?? null, gainAtRisk: out.set?.gainAtRisk ?? null, newlyCovered: out.newlyCovered,
    pInSet: rb ? out.robustness!.pInSet : null, pInSetWeights: out.robustness?.pInSetWeights ?? null, pInSetTravel: out.robustness?.pInSetTravel ?? null,
    stableUnderBoth: out.robustness?.stableUnderBoth ?? null, pTopK: rb ? out.robustness!.pTopK : null, rankP05: rb?.rankP05 ?? null,
    rankMedian: rb?.rankMedian ?? null, rankP95: rb?.rankP95 ?? null,
    wantsStation: answer ? valueLabel(locale, answer.q5.wantsStation) : '', satisfied: answer ? valueLabel(locale, answer.q2.satisfied) : '',
    premisesCount: answer ? answer.q5.premises.length : null,
    advice: assessment?.adviceLabel ?? '', adviceReason: assessment?.reason ?? '', assessor: assessment?.assessor ?? '',
    assessedAt: assessment?.assessedAt ?? '', rationale: out.rationale,
  };
  for (const cr of criteria) {
    out.record[`value_${cr.id}`] = cr.value;
    out.record[`points_${cr.id}`] = cr.points;
  }
  for (const ind of indicators) out.record[`ind_${ind.key}`] = ind.value;
  out.record.violenceSuppressed = out.violenceSuppressed;
  return out;
}

/** The report's heading facts: scenario, author, snapshot, data vintage, travel model, generation time. */
function metaRows(locale: Locale, inputs: ReportInputs, now: string): [string, string][] {
  const T = (k: Parameters<typeof text>[1], params: Record<string, string | number> = {}) => text(locale, k, params);
  const s = inputs.snapshot;
  return [
    [T('scenario'), inputs.scenario.name || (inputs.scenario.id ?? T('currentScenario'))],
    ...(inputs.shortlist ? [[T('createdBy'), inputs.shortlist.createdBy], [T('createdAt'), formatDateTime(locale, inputs.shortlist.createdAt)]] as [string, string][] : []),
    [T('snapshotTaken'), formatDateTime(locale, s.createdAt)],
    [T('dataVintage'), dataVintageText(locale, s.data.vintage)],
    [T('travelModel'), inputs.travelModel?.[locale] ?? ''],
    [T('generated'), formatDateTime(locale, now)],
  ];
}

/** Each criterion's weight, its share of the weight sum, its direction, unit and source. */
function weightRows(locale: Locale, p: ScenarioParams): ReportModel['weights'] {
  const T = (k: Parameters<typeof text>[1]) => text(locale, k);
  const weightSum = CRITERIA.reduce((acc, c) => acc + (p.weights[c.id] ?? 0), 0);
  return CRITERIA.map((c) => ({
    id: c.id, label: c.label[locale], weight: p.weights[c.id] ?? 0, share: round(weightSum > 0 ? (p.weights[c.id] ?? 0) / weightSum : 0, 4) ?? 0,
    direction: c.direction === 'benefit' ? T('directionBenefit') : T('directionCost'), unit: t(locale, CRITERION_TEXT[c.id].unit), source: t(locale, CRITERION_TEXT[c.id].source),
  }));
}

/**
 * What it takes to reproduce the report: the heading facts (each once), the data hash, the answers and assessments
 * revisions in words, the software version and the input hash.
 */
function reproducibilityRows(locale: Locale, inputs: ReportInputs, meta: [string, string][]): [string, string][] {
  const T = (k: Parameters<typeof text>[1]) => text(locale, k);
  const s = inputs.snapshot;
  return [
    ...meta,
    [T('dataHash'), s.data.hash],
    [T('answersStatus'), `${formatNumber(locale, s.answers.count)}${s.answers.sample ? ` (${T('sampleNotice')})` : ''}`],
    [T('answersRevision'), answersRevisionText(locale, s.answers.revision)],
    [T('assessmentsRevision'), assessmentsRevisionText(locale, s.assessmentsRevision)],
    [T('engineVersion'), inputs.softwareVersion],
    [T('inputHash'), s.inputHash],
  ];
}

/**
 * Assembles everything an export shows (pure).
 * @param inputs from `loadShortlistReport` or `loadScenarioReport`
 * @param options locale (default nb) and the generation timestamp (ISO 8601, from the shell)
 */
export function buildReportModel(inputs: ReportInputs, options: { locale?: Locale; now: string }): ReportModel {
  const locale = options.locale ?? 'nb';
  const s = inputs.snapshot;
  const p = s.params;
  const T = (k: Parameters<typeof text>[1], params: Record<string, string | number> = {}) => text(locale, k, params);
  const byKnr = new Map(s.candidates.map((c) => [c.kommunenummer, c]));
  const historyOf = (knr: string) => inputs.assessments.filter((a) => a.kommunenummer === knr);
  const candidates = inputs.candidates
    .filter((k) => byKnr.has(k.kommunenummer))
    .map((k) => candidateOf(locale, s, byKnr.get(k.kommunenummer)!, k, historyOf(k.kommunenummer)));
  const latestIds = new Set(candidates.map((c) => historyOf(c.kommunenummer).at(-1)?.id));
  const sample = s.answers.sample || inputs.answersSampleNow;
  const summary = proposalSummary(locale, s);
  if (s.set) {
    summary.push(
      [T('selNewlyCovered'), formatNumber(locale, s.set.newlyCovered, 0)],
      [T('selCoveredShare', { min: p.minutes }), `${formatNumber(locale, s.set.coveredShare * 100, 2)} %`],
      [T('selMeanAccess'), formatNumber(locale, s.set.meanAccessMin, 2)],
    );
  }
  const meta = metaRows(locale, inputs, options.now);
  return {
    locale,
    generatedAt: options.now,
    kind: inputs.kind,
    shortlistId: inputs.shortlist?.id ?? null,
    title: inputs.shortlist ? T('titleShortlist', { name: inputs.shortlist.name }) : T('titleScenario'),
    subtitle: T('subtitle'),
    notice: sample ? T('sampleNotice') : null,
    meta,
    travelModel: inputs.travelModel?.[locale] ?? '',
    suppressedNote: t(locale, 'prof.suppressedNote'),
    attribution: T('attribution'),
    methodSummary: T('methodSummary', {
      normalization: valueLabel(locale, p.normalization), aggregation: valueLabel(locale, p.method), k: p.k,
      objective: valueLabel(locale, p.objective), minutes: p.minutes, robustness: robustnessSentence(locale, s),
    }),
    method: methodParagraphs(locale, s, inputs.travelModel?.[locale] ?? '', inputs.reference),
    weights: weightRows(locale, p),
    rules: rulesOf(locale, p),
    summary,
    columns: { core: coreColumns(locale, p.objective), criteria: criteriaColumns(locale), indicators: indicatorColumns(locale) },
    candidates,
    assessments: inputs.assessments.map((a) => ({
      ...toAssessment(locale, a), kommunenummer: a.kommunenummer, name: byKnr.get(a.kommunenummer)?.name ?? a.kommunenummer,
      policeDistrict: a.policeDistrict, current: latestIds.has(a.id),
    })),
    differences: differencesOf(locale, inputs.comparison, p),
    sources: inputs.sources.map((src) => sourceInLocale(locale, src)),
    reproducibility: reproducibilityRows(locale, inputs, meta),
    params: p,
    inputHash: s.inputHash,
  };
}

// The shell that gathers the inputs (report-load.ts) and the change lines (report-changes.ts), re-exported.
export { changeLines } from './report-changes';
export { loadScenarioReport, loadShortlistReport, readSources, softwareVersion } from './report-load';
