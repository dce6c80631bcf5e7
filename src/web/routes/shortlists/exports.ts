import { type Router } from 'express';
import type { Db } from '../../../db/connection';
import { EXPORT_FORMATS, loadScenarioReport, loadShortlistReport } from '../../../export';
import { scenarioFromQuery } from '../../../model/scenario';
import { scenarioReference } from '../../../planning/reference';
import { NotFoundError, shownValue } from '../../../common/errors';
import { createBody, nowIso, parse, splitFile, sendExport } from './common';

/** The export downloads of a shortlist and of a scenario. */
export function exportRoutes(router: Router, db: Db): void {
  router.get('/export/shortlists/:file', async (req, res) => {
    const { base, format } = splitFile(req.params.file);
    const now = nowIso();
    await sendExport(db, res, await loadShortlistReport(db, base, now), format, now);
  });

  router.get('/export/:file', async (req, res) => {
    const { base, format } = splitFile(req.params.file);
    if (base !== 'scenario') throw new NotFoundError({ key: 'err.unknownExport', params: { file: shownValue(req.params.file), formats: EXPORT_FORMATS.join(', ') } });
    const now = nowIso();
    const scenarioId = typeof req.query.scenario === 'string' && req.query.scenario !== '' ? req.query.scenario : null;
    const solver = req.query.solver === 'greedy' ? 'greedy' : 'exact';
    // `?proposal=ID`: exactly that stored proposal (e.g. the one the workspace shows); else the scenario's stored proposal.
    const proposalId = typeof req.query.proposal === 'string' && req.query.proposal !== '' ? parse(createBody.shape.proposalId, req.query.proposal, 'proposal: ') ?? null : null;
    const inputs = await loadScenarioReport(db, scenarioFromQuery(req.query as Record<string, unknown>, undefined, scenarioReference(db)), now, { scenarioId, solver, proposalId });
    await sendExport(db, res, inputs, format, now);
  });
}
