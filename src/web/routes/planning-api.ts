import type { Response, Router } from 'express';
import { appRouter } from '../router';
import type { PlanningContext } from '../../planning/context';
import { travelModelLabel } from '../../planning/travel-models';
import type { Locale } from '../../common/i18n';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { defaultOptions } from '../../engine';
import { criteriaBothLocales, ineligibleReasonsBothLocales } from '../../model/criteria-texts';
import { defaultScenarioParams, scenarioFromQuery, scenarioSchemaFor } from '../../model/scenario';
import { scenarioReference } from '../../planning/reference';
import { rankScenario, robustnessScenario, selectScenario } from '../../planning/service';
import { ZodValidationError } from '../../common/errors';
import { JsonResponseCache, stableJson } from '../response-cache';
import { viewRevision } from '../../planning/context';
import { planningViewOf } from '../actor';
import { checkRobustnessSize, proposalJson, robustnessSettingsQuery } from './proposals';
import { requestLimits } from '../../model/limits';
import { PROPOSAL_ROBUSTNESS } from '../../model/proposal-settings';

/**
 * `POST /api/selection` body: the scenario plus the solver (`method`), the ranking aggregation (`aggregation`),
 * and optionally the exact solver's time limit (seconds) and relative gap tolerance for this request: such a
 * solve is run afresh and not stored, and one cut short says so (`status: feasible`, `gap`, `bound`, `stoppedBy`).
 */
const selectionBody = z
  .object({
    method: z.enum(['exact', 'greedy']).default('exact'), aggregation: z.enum(['wsm', 'topsis']).optional(),
    timeLimitSeconds: z.number().min(0.05).max(requestLimits.maxTimeLimitSeconds).optional(),
    gapTolerance: z.number().min(0).max(0.5).optional(),
  })
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
      criteria: criteriaBothLocales(),
      ineligibleReasons: ineligibleReasonsBothLocales(),
      // `proposalRobustness`: the one robustness setting the workspace, profiles, shortlists and exports use.
      defaults: { ...defaultOptions, scenario: defaultScenarioParams, proposalRobustness: PROPOSAL_ROBUSTNESS },
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
    // The viewer's revision: a district leader's tag does not change when another district records an assessment.
    const key = stableJson({ revision: viewRevision(db, params.travelModel, view.adviceDistrict), view: view.adviceDistrict ?? null, params, locale });
    rankings.send(req, res, key, () => {
      const { ranking, context } = rankScenario(db, params, view);
      return { ...ranking, answers: context.answers, scenario: params, travelModel: modelOf(context, res) };
    });
  });

  router.post('/api/selection', async (req, res) => {
    const body = selectionBody.safeParse(req.body ?? {});
    if (!body.success) throw new ZodValidationError(body.error);
    const { method: solver, aggregation, timeLimitSeconds, gapTolerance, ...rest } = body.data;
    const parsed = scenarioSchemaFor(scenarioReference(db)).safeParse({ ...rest, ...(aggregation ? { method: aggregation } : {}) });
    if (!parsed.success) throw new ZodValidationError(parsed.error);
    // Exact: the stored proposal (the same record `POST /api/proposals` returns); greedy: an instant preview.
    const limits = { ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}), ...(gapTolerance !== undefined ? { gapTolerance } : {}) };
    const { selection } = await selectScenario(db, parsed.data, solver, planningViewOf(req), limits);
    res.json({ ...proposalJson(selection, res), scenario: parsed.data });
  });

  // The robustness of the scenario's stored proposal (the proposal is sample 0; weights and travel error sampled).
  router.get('/api/robustness', async (req, res) => {
    const q = robustnessSettingsQuery.safeParse(req.query);
    if (!q.success) throw new ZodValidationError(q.error);
    const params = scenarioFromQuery(req.query as Record<string, unknown>, undefined, scenarioReference(db));
    checkRobustnessSize(q.data.samples, params.k);
    res.json({ ...(await robustnessScenario(db, params, q.data, planningViewOf(req))), scenario: params });
  });

  return router;
}
