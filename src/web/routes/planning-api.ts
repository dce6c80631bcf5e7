import type { Response, Router } from 'express';
import { appRouter } from '../router';
import type { PlanningContext } from '../../planning/context';
import { travelModelLabel } from '../../planning/travel-models';
import type { Locale } from '../../common/i18n';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { CRITERIA, INELIGIBLE_REASON_LABELS, defaultOptions } from '../../engine';
import { defaultScenarioParams, scenarioFromQuery, scenarioSchemaFor } from '../../model/scenario';
import { scenarioReference } from '../../planning/reference';
import { rankScenario, robustnessScenario, selectScenario } from '../../planning/service';
import { requestLimits } from '../../model/limits';
import { ROBUSTNESS_SETTING } from '../../model/scenario-limits';
import { wholeNumber } from '../../common/fields';
import { ZodValidationError } from '../../common/errors';
import { JsonResponseCache, stableJson } from '../response-cache';
import { planningContext } from '../../planning/context';
import { planningViewOf } from '../actor';

/** Robustness options of a request (limits in `requestLimits`). */
const robustnessQuery = z.object({
  samples: wholeNumber(1, requestLimits.maxSamples, ROBUSTNESS_SETTING.samples),
  seed: wholeNumber(0, 2 ** 31 - 1, 1),
  mode: z.enum(['around', 'simplex']).default('around'),
});

/** `POST /api/selection` body: the scenario plus the solver (`method`) and the ranking aggregation (`aggregation`). */
const selectionBody = z
  .object({ method: z.enum(['exact', 'greedy']).default('exact'), aggregation: z.enum(['wsm', 'topsis']).optional() })
  .passthrough();

/**
 * Ranking, selection and robustness for a scenario given in the request, plus the criteria
 * registry so clients can show labels, units, sources and defaults.
 */
/** The travel-time model behind a response's minutes: its id and its label (one place: `travelModelLabel`). */
function modelOf(context: PlanningContext, res: Response): { ref: string; label: string } {
  return { ref: context.travelModel.ref, label: travelModelLabel(context.travelModel, res.locals.locale as Locale) };
}

export function planningApi({ db }: AppDeps): Router {
  const router = appRouter();

  router.get('/api/criteria', (_req, res) => {
    res.json({
      criteria: CRITERIA.map(({ value: _v, ...def }) => def),
      ineligibleReasons: INELIGIBLE_REASON_LABELS,
      defaults: { ...defaultOptions, scenario: defaultScenarioParams },
      limits: requestLimits,
    });
  });

  // A ranking is a pure function of the data, the answers, the assessments, the scenario and who
  // looks (a district leader sees only their own district's advice): cached on exactly that, with an ETag.
  const rankings = new JsonResponseCache();
  router.get('/api/ranking', (req, res) => {
    const params = scenarioFromQuery(req.query as Record<string, unknown>, undefined, scenarioReference(db));
    const view = planningViewOf(req);
    const locale = res.locals.locale as Locale;
    const key = stableJson({ revision: planningContext(db, params.travelModel).revision, view: view.adviceDistrict ?? null, params, locale });
    rankings.send(req, res, key, () => {
      const { ranking, context } = rankScenario(db, params, view);
      return { ...ranking, answers: context.answers, scenario: params, travelModel: modelOf(context, res) };
    });
  });

  router.post('/api/selection', async (req, res) => {
    const body = selectionBody.safeParse(req.body ?? {});
    if (!body.success) throw new ZodValidationError(body.error);
    const { method: solver, aggregation, ...rest } = body.data;
    const parsed = scenarioSchemaFor(scenarioReference(db)).safeParse({ ...rest, ...(aggregation ? { method: aggregation } : {}) });
    if (!parsed.success) throw new ZodValidationError(parsed.error);
    const { selection, context } = await selectScenario(db, parsed.data, solver, planningViewOf(req));
    res.json({ ...selection, answers: context.answers, scenario: parsed.data, travelModel: modelOf(context, res) });
  });

  router.get('/api/robustness', async (req, res) => {
    const q = robustnessQuery.safeParse(req.query);
    if (!q.success) throw new ZodValidationError(q.error);
    const params = scenarioFromQuery(req.query as Record<string, unknown>, undefined, scenarioReference(db));
    res.json({ ...(await robustnessScenario(db, params, q.data, planningViewOf(req))), scenario: params });
  });

  return router;
}
