import type { Router } from 'express';
import { appRouter } from '../router';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { CRITERIA, INELIGIBLE_REASON_LABELS, defaultOptions } from '../../engine';
import { scenarioFromQuery, scenarioParamsSchema } from '../../planning/scenario';
import { rankScenario, robustnessScenario, selectScenario } from '../../planning/service';
import { ValidationError, describeZodError } from '../errors';
import { planningViewOf } from '../actor';

const robustnessQuery = z.object({
  samples: z.coerce.number().int().min(1, 'must be ≥ 1').max(20000, 'must be ≤ 20000').default(1000),
  seed: z.coerce.number().int().min(0).default(1),
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
export function planningApi({ db }: AppDeps): Router {
  const router = appRouter();

  router.get('/api/criteria', (_req, res) => {
    res.json({
      criteria: CRITERIA.map(({ value: _v, ...def }) => def),
      ineligibleReasons: INELIGIBLE_REASON_LABELS,
      defaults: { ...defaultOptions, scenario: scenarioParamsSchema.parse({}) },
    });
  });

  router.get('/api/ranking', (req, res) => {
    const params = scenarioFromQuery(req.query as Record<string, unknown>);
    const { ranking, context } = rankScenario(db, params, planningViewOf(req));
    res.json({ ...ranking, answers: context.answers, scenario: params });
  });

  router.post('/api/selection', async (req, res) => {
    const body = selectionBody.safeParse(req.body ?? {});
    if (!body.success) throw new ValidationError(describeZodError(body.error));
    const { method: solver, aggregation, ...rest } = body.data;
    const parsed = scenarioParamsSchema.safeParse({ ...rest, ...(aggregation ? { method: aggregation } : {}) });
    if (!parsed.success) throw new ValidationError(describeZodError(parsed.error));
    const { selection, context } = await selectScenario(db, parsed.data, solver, planningViewOf(req));
    res.json({ ...selection, answers: context.answers, scenario: parsed.data });
  });

  router.get('/api/robustness', (req, res) => {
    const q = robustnessQuery.safeParse(req.query);
    if (!q.success) throw new ValidationError(describeZodError(q.error));
    const params = scenarioFromQuery(req.query as Record<string, unknown>);
    res.json({ ...robustnessScenario(db, params, q.data, planningViewOf(req)), scenario: params });
  });

  return router;
}
