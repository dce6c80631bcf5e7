import { kommunenummerField } from '../../common/fields';
import { AGGREGATION_LABEL, CRITERION_TEXT, NORMALIZATION_LABEL, OBJECTIVE_LABEL } from '../../model/labels';
import { type Request, type Response, type Router } from 'express';
import { appRouter } from '../router';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { Db } from '../../db/connection';
import { getMeta } from '../../db/load-dataset';
import { getMunicipality, listBoundaries, listDemandPoints, listPoliceDistricts, listStations } from '../../db/municipalities-repo';
import { getResponse, listResponses } from '../../db/responses-repo';
import { answersRevision } from '../../db/revisions';
import { createScenario, deleteScenario, getScenario, listScenarios, updateScenario, type Scenario } from '../../db/scenarios-repo';
import { CRITERIA } from '../../engine';
import { criteriaInfo, criterionLabel, ineligibleReasonLabel, ineligibleReasonsBothLocales } from '../../model/criteria-texts';
import { compareOutcomes, type ScenarioOutcome } from '../../planning/compare';
import { planningContext } from '../../planning/context';
import { coverageByGroup, coverageLayer } from '../../planning/coverage-layer';
import { travelPageInfo } from '../../planning/travel-page';
import { describeTravelModel, travelModelLabel } from '../../planning/travel-models';
import { indicatorPercentiles } from '../../planning/percentiles';
import { defaultScenarioParams, runnableScenario, scenarioFromQuery, scenarioParamsSchema, scenarioSchemaFor, type ScenarioParams } from '../../model/scenario';
import { scenarioReference } from '../../planning/reference';
import { requestLimits } from '../../model/limits';
import { decimalNumber, freeText, nameText } from '../../common/fields';
import { rankScenario, selectScenario, type PlanningView } from '../../planning/service';
import { proposalFor, proposalRobustness } from '../../planning/proposal';
import { siteProblem } from '../../planning/site-problem';
import { listTravelMatrices } from '../../db/travel-matrices-repo';
import { OBJECTIVES } from '../../model/scenario-limits';
import { PROPOSAL_ROBUSTNESS } from '../../model/proposal-settings';
import { dictionary, formatOrdinal, type Locale } from '../../common/i18n';
import { actorOf, planningViewOf } from '../actor';
import { formatDateTime } from '../../common/i18n';
import { canPlan } from '../../auth/policy';
import { NotFoundError, ZodValidationError } from '../../common/errors';

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
type IndicatorKey = (typeof PROFILE_INDICATORS)[number]['key'];

/** Interface texts the browser scripts need (a subset of the dictionary, to keep pages small). */
const CLIENT_PREFIXES = ['ws.', 'scn.', 'prof.', 'cmp.', 'ind.', 'muni.', 'map.', 'station.', 'prop.'];
function clientDictionary(locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(dictionary(locale)).filter(([k]) => CLIENT_PREFIXES.some((p) => k.startsWith(p))));
}

const scenarioId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'v.idFormat');
const knrParam = kommunenummerField;

const createBody = z.object({
  name: nameText(requestLimits.maxNameChars),
  description: freeText(2000).default(''),
  params: z.unknown(),
});
const updateBody = createBody.partial();
const duplicateBody = z.object({ name: nameText(requestLimits.maxNameChars).optional() });
const coverageQuery = z.object({
  minutes: scenarioParamsSchema.shape.minutes,
  selected: z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(knrParam).max(357)),
  /** Candidate site ids of the proposal (e.g. `s9130`, `p1936`): coverage from the chosen sites themselves. */
  sites: z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[sp]\d{4}$/, 'v.format')).max(357)),
  travelModel: scenarioParamsSchema.shape.travelModel,
});
const compareMunicipalitiesQuery = z.object({
  kommunenummer: z.string().default('').transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(knrParam).max(4, 'at most 4 municipalities')),
});

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, where = ''): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ZodValidationError(r.error, where);
  return r.data;
}

/** A scenario body's `params`, checked with the one scenario schema (`{}` or absent: the defaults). */
function bodyParams(db: Db, params: unknown): ScenarioParams {
  return parse(scenarioSchemaFor(scenarioReference(db)), params ?? {}, 'params.');
}

function mustGetScenario(db: Db, rawId: unknown): Scenario {
  const id = parse(scenarioId, rawId, 'id: ');
  const s = getScenario(db, id);
  if (!s) throw new NotFoundError({ key: 'err.noScenario', params: { id } });
  return s;
}

/** Who changes a scenario and when: the signed-in account, now. */
function changeStamp(req: Request): { by: string; now: string } {
  return { by: actorOf(req), now: new Date().toISOString() };
}

/** Data stamps stored with a scenario (what it was made on). */
function stamps(db: Db): { dataHash: string; dataVintage: string; answersRevision: string } {
  return { dataHash: getMeta(db, 'data_hash') ?? '', dataVintage: getMeta(db, 'data_vintage') ?? '', answersRevision: answersRevision(db) };
}


/** Ranks and selects (greedy by default) and reduces the result to what a comparison needs. */
async function outcomeOf(db: Db, params: ScenarioParams, solver: 'greedy' | 'exact', view: PlanningView = {}): Promise<ScenarioOutcome & { status: string; gap: number | null }> {
  const { ranking, selection, context } = await selectScenario(db, params, solver, view);
  const total = siteProblem(context).location.totalWeight;
  return {
    ranking: ranking.items, selected: selection.selected,
    coveredResidents: selection.coveredShare === null ? null : Math.round(selection.coveredShare * total),
    coveredShare: selection.coveredShare, meanAccessMin: selection.meanAccess, status: selection.status, gap: selection.gap,
  };
}

/** Scenario parameters for a page: a saved scenario (`?scenario=id`) or the query itself. */
function paramsForPage(db: Db, query: Record<string, unknown>): { params: ScenarioParams; scenario: Scenario | null } {
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

function criteriaFor(locale: Locale): { id: string; label: string; unit: string; source: string; defaultWeight: number }[] {
  return criteriaInfo(locale).map((c) => ({ id: c.id, label: c.label, unit: c.unit, source: c.source, defaultWeight: c.defaultWeight }));
}

/**
 * The planner's workspace: the map + ranking + weights page (`/`, `/scenarios/:id`), saved
 * scenarios (pages and JSON API), scenario and municipality comparison, municipality profiles, and
 * the coverage layer. Routes parse, load, call the planning layer, render.
 */
export function workspace({ db }: AppDeps): Router {
  const router = appRouter();

  const renderWorkspace = (req: Request, res: Response, scenario: Scenario | null): void => {
    const locale = res.locals.locale as Locale;
    const mayPlan = canPlan(req.auth?.user);
    // `/?travelModel=<id>` starts an unsaved scenario on an imported matrix (the link on /travel-matrices).
    const requested = parse(scenarioParamsSchema.shape.travelModel, req.query.travelModel ?? 'builtin', 'travelModel: ');
    const travelModel = scenario?.params.travelModel ?? requested;
    const context = planningContext(db, travelModel);
    res.locals.travelModelLabel = travelModelLabel(context.travelModel, locale);
    const counties = [...new Set(context.municipalities.map((m) => m.county))].sort((a, b) => a.localeCompare(b, 'nb'));
    res.render('workspace', {
      title: scenario ? scenario.name : res.locals.t('nav.map'),
      scenario, mayPlan,
      pageData: {
        mayPlan, mayExport: req.auth?.user?.role !== 'district',
        locale, dictionary: clientDictionary(locale),
        criteria: criteriaFor(locale),
        defaults: { ...defaultScenarioParams, travelModel },
        districts: listPoliceDistricts(db).map((d) => d.name),
        counties,
        answers: context.answers,
        objectives: [...OBJECTIVES],
        travelModels: [
          { ref: 'builtin', label: travelModelLabel(describeTravelModel(db, 'builtin'), locale) },
          ...listTravelMatrices(db).map((m) => ({ ref: String(m.id), label: travelModelLabel({ kind: 'imported', imported: m }, locale) })),
        ],
        robustness: PROPOSAL_ROBUSTNESS,
        tileUrl: process.env.STEDSVALG_TILE_URL || null,
        tileAttribution: process.env.STEDSVALG_TILE_ATTRIBUTION || '',
        scenario: scenario && { id: scenario.id, name: scenario.name, description: scenario.description, params: scenario.params,
          createdBy: scenario.createdBy, createdAt: formatDateTime(locale, scenario.createdAt), updatedAt: formatDateTime(locale, scenario.updatedAt),
          dataVintage: scenario.dataVintage, staleData: scenario.dataHash !== (getMeta(db, 'data_hash') ?? '') },
        ineligibleReasons: Object.fromEntries(Object.entries(ineligibleReasonsBothLocales()).map(([k, v]) => [k, v[locale]])),
      },
    });
  };

  router.get('/', (req, res) => renderWorkspace(req, res, null));
  router.get('/scenarios/:id', (req, res) => renderWorkspace(req, res, mustGetScenario(db, req.params.id)));

  router.get('/scenarios', (req, res) => {
    const locale = res.locals.locale as Locale;
    res.render('scenarios', {
      title: res.locals.t('scn.title'),
      scenarios: listScenarios(db).map((s) => ({ ...s, createdAtText: formatDateTime(locale, s.createdAt), updatedAtText: formatDateTime(locale, s.updatedAt) })),
      mayPlan: canPlan(req.auth?.user),
      pageData: { locale, dictionary: clientDictionary(locale) },
    });
  });

  // ---------------------------------------------------------------- scenario API

  router.get('/api/scenarios', (_req, res) => {
    res.json({ scenarios: listScenarios(db) });
  });

  router.post('/api/scenarios', (req, res) => {
    const body = parse(createBody, req.body ?? {});
    const scenario = createScenario(db, { ...body, params: bodyParams(db, body.params), ...stamps(db), ...changeStamp(req) });
    res.status(201).location(`/scenarios/${scenario.id}`).json(scenario);
  });

  router.get('/api/scenarios/compare', async (req, res) => {
    const q = parse(z.object({ a: scenarioId, b: scenarioId, solver: z.enum(['greedy', 'exact']).default('greedy') }), req.query);
    const a = mustGetScenario(db, q.a);
    const b = mustGetScenario(db, q.b);
    const [oa, ob] = [await outcomeOf(db, a.params, q.solver, planningViewOf(req)), await outcomeOf(db, b.params, q.solver, planningViewOf(req))];
    const { moves, ...comparison } = compareOutcomes(oa, ob);
    res.json({ a, b, solver: q.solver, comparison: { ...comparison, moves: moves.filter((m) => m.delta !== 0) } });
  });

  router.get('/api/scenarios/:id', (req, res) => {
    res.json(mustGetScenario(db, req.params.id));
  });

  router.put('/api/scenarios/:id', (req, res) => {
    const current = mustGetScenario(db, req.params.id);
    const body = parse(updateBody, req.body ?? {});
    const updated = updateScenario(db, current.id, {
      name: body.name ?? current.name, description: body.description ?? current.description,
      params: body.params === undefined ? runnableScenario(current.params) : bodyParams(db, body.params), ...stamps(db), ...changeStamp(req),
    });
    if (!updated) throw new NotFoundError(`no scenario with id ${current.id}`);
    res.json(updated);
  });

  router.delete('/api/scenarios/:id', (req, res) => {
    const current = mustGetScenario(db, req.params.id);
    deleteScenario(db, current.id, changeStamp(req));
    res.status(204).end();
  });

  router.post('/api/scenarios/:id/duplicate', (req, res) => {
    const source = mustGetScenario(db, req.params.id);
    const body = parse(duplicateBody, req.body ?? {});
    const suffix = res.locals.locale === 'en' ? ' (copy)' : ' (kopi)';
    const scenario = createScenario(db, {
      name: body.name ?? `${source.name}${suffix}`.slice(0, 200), description: source.description, params: source.params,
      ...stamps(db), ...changeStamp(req), parentId: source.id,
    });
    res.status(201).location(`/scenarios/${scenario.id}`).json(scenario);
  });

  // ---------------------------------------------------------------- map layers

  router.get('/api/workspace/sites', (req, res) => {
    const { sites, allSites } = planningContext(db);
    // `?all=1`: every candidate site (populated places and offered premises), not only one per municipality.
    const list = req.query.all === '1' ? allSites : sites;
    res.json({ sites: list.map((s) => ({ ...s, lon: round(s.lon, 5), lat: round(s.lat, 5) })) });
  });

  router.get('/api/workspace/premises', (_req, res) => {
    const features = listResponses(db).flatMap((r) =>
      r.q5.premises
        .filter((p) => p.lon !== null && p.lat !== null)
        .map((p) => ({
          type: 'Feature',
          properties: { kommunenummer: r.kommunenummer, address: p.address, coLocatedWith: p.coLocatedWith, floorAreaM2: p.floorAreaM2, sample: r.sample },
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        })),
    );
    res.type('application/geo+json').json({ type: 'FeatureCollection', features });
  });

  let demandCache: { revision: string; points: [number, number, number][]; knr: string[] } | null = null;
  router.get('/api/coverage', (req, res) => {
    const q = parse(coverageQuery, req.query);
    const context = planningContext(db, q.travelModel);
    if (!demandCache || demandCache.revision !== context.revision) {
      const demand = listDemandPoints(db);
      demandCache = { revision: context.revision, points: demand.map((d) => [round(d.lon, 4), round(d.lat, 4), Math.round(d.population)]), knr: demand.map((d) => d.kommunenummer) };
    }
    const { knr, points } = demandCache;
    // The proposal's own sites when given; else one site per named municipality (its default site).
    const layer = q.sites.length ? coverageLayer(siteProblem(context).location, q.sites, q.minutes) : coverageLayer(context.location, q.selected, q.minutes);
    const byMunicipality = coverageByGroup(layer, context.location.demandWeight, (i) => knr[i]);
    res.json({
      method: 'demand-points', minutes: q.minutes, selected: q.selected, sites: q.sites,
      travelModel: { ref: context.travelModel.ref, label: travelModelLabel(context.travelModel, res.locals.locale as Locale) },
      points, states: Array.from(layer.states).join(''),
      residents: { uncovered: Math.round(layer.residents[0]), existing: Math.round(layer.residents[1]), proposed: Math.round(layer.residents[2]), total: Math.round(layer.totalResidents) },
      byMunicipality: Object.fromEntries([...byMunicipality].map(([k, v]) => [k, { shareExisting: round(v.shareExisting, 4), shareWithProposed: round(v.shareWithProposed, 4) }])),
    });
  });

  // ---------------------------------------------------------------- comparison pages

  router.get('/compare', async (req, res) => {
    const locale = res.locals.locale as Locale;
    const all = listScenarios(db);
    const q = parse(z.object({ a: scenarioId.optional(), b: scenarioId.optional() }), { a: req.query.a || undefined, b: req.query.b || undefined });
    let view: Record<string, unknown> = { comparison: null };
    if (q.a && q.b) {
      const a = mustGetScenario(db, q.a);
      const b = mustGetScenario(db, q.b);
      const [oa, ob] = [await outcomeOf(db, a.params, 'greedy', planningViewOf(req)), await outcomeOf(db, b.params, 'greedy', planningViewOf(req))];
      const comparison = compareOutcomes(oa, ob);
      // Both scenarios' models, named once each (they may differ).
      const labels = [...new Set([a.params.travelModel, b.params.travelModel].map((ref) => travelModelLabel(describeTravelModel(db, ref), locale)))];
      res.locals.travelModelLabel = labels.join(' / ');
      view = {
        a, b, comparison, moves: comparison.moves.filter((m) => m.delta !== 0 && (m.rankA <= 60 || m.rankB <= 60)).slice(0, 25),
        weightRows: CRITERIA.map((c) => ({ label: criterionLabel(locale, c.id), a: a.params.weights[c.id], b: b.params.weights[c.id] })),
        ruleRows: ruleRows(a.params, b.params, (key) => res.locals.t(key)),
        nameOf: Object.fromEntries(oa.ranking.map((r) => [r.kommunenummer, r.name])),
        selectedA: oa.selected, selectedB: ob.selected,
      };
    }
    res.render('compare', { title: res.locals.t('cmp.title'), scenarios: all, selA: q.a ?? '', selB: q.b ?? '', ...view,
      fmtDate: (iso: string) => formatDateTime(locale, iso) });
  });

  router.get('/compare/municipalities', (req, res) => {
    const locale = res.locals.locale as Locale;
    // `kommunenummer=0301,5601`; older links named the list `k`, which is read as the list when
    // `kommunenummer` is absent (and is then not the scenario's K, which ranking does not use).
    const alias = req.query.kommunenummer === undefined;
    const list = alias ? req.query.k : req.query.kommunenummer;
    const q = parse(compareMunicipalitiesQuery, { kommunenummer: typeof list === 'string' ? list : '' });
    const { params } = paramsForPage(db, { ...(req.query as Record<string, unknown>), kommunenummer: undefined, ...(alias ? { k: undefined } : {}) });
    const { ranking, context } = rankScenario(db, params, planningViewOf(req));
    res.locals.travelModelLabel = travelModelLabel(context.travelModel, locale);
    const items = q.kommunenummer.map((knr) => {
      const m = context.municipalities.find((x) => x.kommunenummer === knr);
      if (!m) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr } });
      return { m, r: ranking.items.find((x) => x.kommunenummer === knr)! };
    });
    const rows = PROFILE_INDICATORS.map((ind) => {
      const values = items.map(({ m }) => m[ind.key] as number | null);
      return { key: ind.key, digits: ind.digits, values, best: bestIndex(values, ind.need) };
    });
    const scores = items.map(({ r }) => r.score);
    const ranks = items.map(({ r }) => r.rank);
    res.render('compare-municipalities', {
      title: res.locals.t('cmp.muniTitle'), items, rows,
      scoreRow: { values: scores, best: bestIndex(scores, 'high') }, rankRow: { values: ranks, best: bestIndex(ranks, 'low') },
      criteriaRows: CRITERIA.filter((c) => ranking.weights[c.id] > 0).map((c) => {
        const values = items.map(({ r }) => r.contributions[c.id] ?? 0);
        return { label: criterionLabel(locale, c.id), values, best: bestIndex(values, 'high') };
      }),
      options: context.municipalities.map((m) => ({ kommunenummer: m.kommunenummer, name: m.name })).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
      selected: q.kommunenummer,
    });
  });

  // ---------------------------------------------------------------- profile

  router.get('/municipalities/:knr', async (req, res) => {
    const locale = res.locals.locale as Locale;
    const knr = parse(knrParam, req.params.knr, 'kommunenummer: ');
    if (!getMunicipality(db, knr)) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr } });
    const { params, scenario } = paramsForPage(db, req.query as Record<string, unknown>);
    const view = planningViewOf(req);
    const { ranking, context } = rankScenario(db, params, view);
    // The municipality as the scenario's travel model sees it (drive figures from its matrix).
    const m = context.municipalities.find((x) => x.kommunenummer === knr)!;
    const travel = travelPageInfo(context, knr, locale);
    res.locals.travelModelLabel = travel.modelLabel;
    const item = ranking.items.find((r) => r.kommunenummer === knr)!;
    // The scenario's stored proposal and its robustness: the same records the workspace and the exports show.
    const { proposal } = await proposalFor(db, params, { view });
    const robustness = proposal.id && proposal.selected.length ? await proposalRobustness(db, proposal, PROPOSAL_ROBUSTNESS, view) : null;
    const robust = robustness?.items.find((r) => r.kommunenummer === knr) ?? null;
    const chosen = proposal.sites.find((x) => x.kommunenummer === knr) ?? null;
    const percentiles = indicatorPercentiles(context.municipalities, knr, PROFILE_INDICATORS.map((i) => i.key), (x) => x.kommunenummer, (x) => x.policeDistrict);
    const nearest = context.nearestStations(knr, 3);
    const response = getResponse(db, knr);
    const eligibleCount = ranking.items.filter((r) => r.eligible).length;
    res.render('profile', {
      title: m.name, m, item, robust, rankedCount: ranking.items.length, ordinal: (n: number) => formatOrdinal(locale, n), percentiles, nearest, travel, response, answers: context.answers, scenario, params, eligibleCount,
      proposal, chosen, robustness: robustness && { samples: robustness.samples, seed: robustness.seed, sampled: robustness.sampled, travelError: robustness.travelError },
      indicators: PROFILE_INDICATORS,
      criteria: criteriaInfo(locale).map((c) => ({ id: c.id, label: c.label, unit: c.unit, weight: ranking.weights[c.id] })),
      reasonText: item.reason ? ineligibleReasonLabel(locale, item.reason) : '',
      workspaceHref: scenario ? `/scenarios/${scenario.id}` : '/',
      pageData: {
        locale, dictionary: clientDictionary(locale), boundary: listBoundaries(db).get(knr) ?? null, centre: [m.centre.lon, m.centre.lat],
        tileUrl: process.env.STEDSVALG_TILE_URL || null, tileAttribution: process.env.STEDSVALG_TILE_ATTRIBUTION || '',
        stations: nearest.map((n) => ({ name: n.name, lon: n.lon, lat: n.lat, driveMin: n.driveMin })),
        premises: (response?.q5.premises ?? []).filter((p) => p.lon !== null && p.lat !== null).map((p) => ({ address: p.address, lon: p.lon, lat: p.lat })),
        chosenSite: chosen && { label: chosen.siteLabel, kind: chosen.siteKind, lon: chosen.lon, lat: chosen.lat },
      },
    });
  });

  return router;
}

function round(v: number, digits: number): number {
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

function ruleRows(a: ScenarioParams, b: ScenarioParams, t: (key: string) => string): { label: string; a: string; b: string }[] {
  const pairs = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k}: ${v}`).join(', ') || '–';
  const yes = (v: boolean) => t(v ? 'ws.on' : 'ws.off');
  return [
    { label: t('ws.normalization'), a: t(NORMALIZATION_LABEL[a.normalization]), b: t(NORMALIZATION_LABEL[b.normalization]) },
    { label: t('ws.method'), a: t(AGGREGATION_LABEL[a.method]), b: t(AGGREGATION_LABEL[b.method]) },
    { label: t('ws.gate'), a: yes(a.wishGate), b: yes(b.wishGate) },
    { label: t('ws.k'), a: String(a.k), b: String(b.k) },
    { label: t('ws.objective'), a: t(OBJECTIVE_LABEL[a.objective]), b: t(OBJECTIVE_LABEL[b.objective]) },
    { label: t('prop.travelModel'), a: a.travelModel, b: b.travelModel },
    { label: t('ws.minutes'), a: String(a.minutes), b: String(b.minutes) },
    { label: t('ws.districtMin'), a: pairs(a.districtMin), b: pairs(b.districtMin) },
    { label: t('ws.districtMax'), a: pairs(a.districtMax), b: pairs(b.districtMax) },
  ];
}

export type { IndicatorKey };
