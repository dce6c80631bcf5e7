import { type Request, type Response, type Router } from 'express';
import type { Db } from '../../../db/connection';
import { getMeta } from '../../../db/load-dataset';
import { listDemandPoints, listPoliceDistricts } from '../../../db/municipalities-repo';
import { listResponses } from '../../../db/responses-repo';
import { listScenarios, type Scenario } from '../../../db/scenarios-repo';
import { ineligibleReasonsBothLocales } from '../../../model/criteria-texts';
import { planningContext, type PlanningContext } from '../../../planning/context';
import type { z } from 'zod';
import { coverageByGroup, coverageLayer, type CoverageLayer } from '../../../planning/coverage-layer';
import { describeTravelModel, travelModelLabel } from '../../../planning/travel-models';
import { defaultScenarioParams, scenarioParamsSchema } from '../../../model/scenario';
import { siteProblem } from '../../../planning/site-problem';
import { listTravelMatrices } from '../../../db/travel-matrices-repo';
import { OBJECTIVES } from '../../../model/scenario-limits';
import { PROPOSAL_ROBUSTNESS } from '../../../model/proposal-settings';
import type { Locale } from '../../../common/i18n';
import { formatDateTime } from '../../../common/i18n';
import { canPlan } from '../../../auth/policy';
import { clientDictionary, coverageQuery, parse, mustGetScenario, criteriaFor, round } from './common';
import { checkIdList } from '../../validate';

/** Renders the workspace page for a saved scenario or an unsaved one. */
function renderWorkspace(db: Db, req: Request, res: Response, scenario: Scenario | null): void {
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
}

/** The workspace page, a saved scenario's page, the scenario list, and the map's site, premises and coverage layers. */
/**
 * The coverage layer of the proposal's own sites when given, else of one site per named municipality (its default
 * site). An id the problem does not know, or one named twice, is a 400 naming the field (`checkIdList`): the layer
 * would silently leave it out.
 */
function checkedCoverageLayer(context: PlanningContext, q: z.output<typeof coverageQuery>): CoverageLayer {
  const problem = q.sites.length ? siteProblem(context).location : context.location;
  const [field, ids] = q.sites.length ? ['sites', q.sites] as const : ['selected', q.selected] as const;
  const known = new Set(problem.candidateIds);
  checkIdList(field, ids, (id) => known.has(id), q.sites.length ? 'v.unknownSite' : 'v.unknownKnr');
  return coverageLayer(problem, ids, q.minutes);
}

export function workspacePages(router: Router, db: Db): void {
  router.get('/', (req, res) => renderWorkspace(db, req, res, null));
  router.get('/scenarios/:id', (req, res) => renderWorkspace(db, req, res, mustGetScenario(db, req.params.id)));

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
    const layer = checkedCoverageLayer(context, q);
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

}
