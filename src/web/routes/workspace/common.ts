/**
 * The workspace's shared parts: request schemas, the profile's indicators, the scenario helpers and the small view-model
 * helpers used by the workspace pages, the scenario API and the comparison and profile pages.
 */
import { kommunenummerField } from '../../../common/fields';
import { AGGREGATION_LABEL, NORMALIZATION_LABEL, OBJECTIVE_LABEL } from '../../../model/labels';
import { type Request } from 'express';
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import { getMeta } from '../../../db/load-dataset';
import { answersRevision } from '../../../db/revisions';
import { getScenario, type Scenario } from '../../../db/scenarios-repo';
import { criteriaInfo } from '../../../model/criteria-texts';
import { type ScenarioOutcome } from '../../../planning/compare';
import { scenarioFromQuery, scenarioParamsSchema, scenarioSchemaFor, type ScenarioParams } from '../../../model/scenario';
import { scenarioReference } from '../../../planning/reference';
import { requestLimits } from '../../../model/limits';
import { freeText, nameText } from '../../../common/fields';
import { selectScenario, type PlanningView } from '../../../planning/service';
import { siteProblem } from '../../../planning/site-problem';
import { dictionary, type Locale } from '../../../common/i18n';
import { actorOf } from '../../actor';
import { NotFoundError, ZodValidationError } from '../../../common/errors';

/** Indicators shown on the profile and the municipality comparison, with decimals and which end argues for a station. */
export const PROFILE_INDICATORS = [
  { key: 'population', digits: 0, need: 'high' },
  { key: 'areaKm2', digits: 0, need: null },
  { key: 'densityPerKm2', digits: 1, need: null },
  { key: 'driveMinMean', digits: 1, need: 'high' },
  { key: 'nearestStationMin', digits: 1, need: 'high' },
  { key: 'residentsBeyond45', digits: 0, need: 'high' },
  { key: 'shareBeyond45', digits: 1, need: 'high' },
  { key: 'crimePer1000', digits: 1, need: 'high' },
  { key: 'violencePer1000', digits: 1, need: 'high' },
  { key: 'crimeTrendPer1000', digits: 2, need: 'high' },
] as const;
export type IndicatorKey = (typeof PROFILE_INDICATORS)[number]['key'];

/** Interface texts the browser scripts need (a subset of the dictionary, to keep pages small). */
export const CLIENT_PREFIXES = ['ws.', 'scn.', 'prof.', 'cmp.', 'ind.', 'muni.', 'map.', 'station.', 'prop.', 'rule.', 'crit.reason.'];
export function clientDictionary(locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(dictionary(locale)).filter(([k]) => CLIENT_PREFIXES.some((p) => k.startsWith(p))));
}

export const scenarioId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'v.idFormat');
export const knrParam = kommunenummerField;

export const createBody = z.object({
  name: nameText(requestLimits.maxNameChars),
  description: freeText(2000).default(''),
  params: z.unknown(),
});
export const updateBody = createBody.partial();
export const duplicateBody = z.object({ name: nameText(requestLimits.maxNameChars).optional() });
export const coverageQuery = z.object({
  minutes: scenarioParamsSchema.shape.minutes,
  selected: z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(knrParam).max(357)),
  /** Candidate site ids of the proposal (e.g. `s9130`, `p1936`): coverage from the chosen sites themselves. */
  sites: z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[sp]\d{4}$/, 'v.format')).max(357)),
  travelModel: scenarioParamsSchema.shape.travelModel,
});
export const compareMunicipalitiesQuery = z.object({
  kommunenummer: z.string().default('').transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(knrParam).max(4, 'at most 4 municipalities')),
});

export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, where = ''): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ZodValidationError(r.error, where);
  return r.data;
}

/** A scenario body's `params`, checked with the one scenario schema (`{}` or absent: the defaults). */
export function bodyParams(db: Db, params: unknown): ScenarioParams {
  return parse(scenarioSchemaFor(scenarioReference(db)), params ?? {}, 'params.');
}

export function mustGetScenario(db: Db, rawId: unknown): Scenario {
  const id = parse(scenarioId, rawId, 'id: ');
  const s = getScenario(db, id);
  if (!s) throw new NotFoundError({ key: 'err.noScenario', params: { id } });
  return s;
}

/** Who changes a scenario and when: the signed-in account, now. */
export function changeStamp(req: Request): { by: string; now: string } {
  return { by: actorOf(req), now: new Date().toISOString() };
}

/** Data stamps stored with a scenario (what it was made on). */
export function stamps(db: Db): { dataHash: string; dataVintage: string; answersRevision: string } {
  return { dataHash: getMeta(db, 'data_hash') ?? '', dataVintage: getMeta(db, 'data_vintage') ?? '', answersRevision: answersRevision(db) };
}


/** Ranks and selects (`exact`: the stored proposal; `greedy`: a preview) and reduces the result to what a comparison needs. */
export async function outcomeOf(db: Db, params: ScenarioParams, solver: 'greedy' | 'exact', view: PlanningView = {}): Promise<ScenarioOutcome & { status: string; gap: number | null }> {
  const { ranking, selection, context } = await selectScenario(db, params, solver, view);
  const total = siteProblem(context).location.totalWeight;
  return {
    ranking: ranking.items, selected: selection.selected,
    coveredResidents: selection.coveredShare === null ? null : Math.round(selection.coveredShare * total),
    coveredShare: selection.coveredShare, meanAccessMin: selection.meanAccess, status: selection.status, gap: selection.gap,
  };
}

/** Scenario parameters for a page: a saved scenario (`?scenario=id`) or the query itself. */
export function paramsForPage(db: Db, query: Record<string, unknown>): { params: ScenarioParams; scenario: Scenario | null } {
  if (typeof query.scenario === 'string' && query.scenario !== '') {
    const scenario = mustGetScenario(db, query.scenario);
    return { params: scenario.params, scenario };
  }
  try {
    return { params: scenarioFromQuery(query, undefined, scenarioReference(db)), scenario: null };
  } catch (err) {
    if (err instanceof z.ZodError) throw new ZodValidationError(err);
    throw err;
  }
}

export function criteriaFor(locale: Locale): { id: string; label: string; unit: string; source: string; defaultWeight: number }[] {
  return criteriaInfo(locale).map((c) => ({ id: c.id, label: c.label, unit: c.unit, source: c.source, defaultWeight: c.defaultWeight }));
}

/**
 * The planner's workspace: the map + ranking + weights page (`/`, `/scenarios/:id`), saved
 * scenarios (pages and JSON API), scenario and municipality comparison, municipality profiles, and
 * the coverage layer. Routes parse, load, call the planning layer, render.
 */

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Index of the value that argues most for a station (highest or lowest), or -1 when none or a tie for all. */
export function bestIndex(values: readonly (number | null)[], need: 'high' | 'low' | null): number {
  if (!need) return -1;
  let best = -1;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (best < 0 || (need === 'high' ? v > (values[best] as number) : v < (values[best] as number))) best = i;
  });
  const finite = values.filter((v) => v !== null && Number.isFinite(v));
  return finite.length > 1 && finite.every((v) => v === finite[0]) ? -1 : best;
}

/** The rules of two scenarios side by side in words; `models` are their travel models by name (never the stored ref such as `builtin`). */
export function ruleRows(
  a: ScenarioParams, b: ScenarioParams, t: (key: string) => string, models: { a: string; b: string },
): { label: string; a: string; b: string }[] {
  const pairs = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k}: ${v}`).join(', ') || '–';
  const yes = (v: boolean) => t(v ? 'ws.on' : 'ws.off');
  return [
    { label: t('ws.normalization'), a: t(NORMALIZATION_LABEL[a.normalization]), b: t(NORMALIZATION_LABEL[b.normalization]) },
    { label: t('ws.method'), a: t(AGGREGATION_LABEL[a.method]), b: t(AGGREGATION_LABEL[b.method]) },
    { label: t('ws.gate'), a: yes(a.wishGate), b: yes(b.wishGate) },
    { label: t('ws.k'), a: String(a.k), b: String(b.k) },
    { label: t('ws.objective'), a: t(OBJECTIVE_LABEL[a.objective]), b: t(OBJECTIVE_LABEL[b.objective]) },
    { label: t('prop.travelModel'), a: models.a, b: models.b },
    { label: t('ws.minutes'), a: String(a.minutes), b: String(b.minutes) },
    { label: t('ws.districtMin'), a: pairs(a.districtMin), b: pairs(b.districtMin) },
    { label: t('ws.districtMax'), a: pairs(a.districtMax), b: pairs(b.districtMax) },
  ];
}

