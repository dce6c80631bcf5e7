import { type Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import { createScenario, deleteScenario, listScenarios, updateScenario } from '../../../db/scenarios-repo';
import { compareOutcomes } from '../../../planning/compare';
import { runnableScenario } from '../../../model/scenario';
import { planningViewOf } from '../../actor';
import { NotFoundError } from '../../../common/errors';
import { scenarioId, createBody, updateBody, duplicateBody, parse, bodyParams, mustGetScenario, changeStamp, stamps, outcomeOf } from './common';

/** The scenario API: list, create, compare, read, update, delete, duplicate. */
export function scenarioApi(router: Router, db: Db): void {
  router.get('/api/scenarios', (_req, res) => {
    res.json({ scenarios: listScenarios(db) });
  });

  router.post('/api/scenarios', (req, res) => {
    const body = parse(createBody, req.body ?? {});
    const scenario = createScenario(db, { ...body, params: bodyParams(db, body.params), ...stamps(db), ...changeStamp(req) });
    res.status(201).location(`/scenarios/${scenario.id}`).json(scenario);
  });

  router.get('/api/scenarios/compare', async (req, res) => {
    const q = parse(z.object({ a: scenarioId, b: scenarioId, solver: z.enum(['greedy', 'exact']).default('exact') }), req.query);
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
    if (!updated) throw new NotFoundError({ key: 'err.noScenario', params: { id: current.id } });
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

}
