import { type Router } from 'express';
import type { Db } from '../../../db/connection';
import { deleteShortlist, listShortlists, updateCandidate } from '../../../db/shortlists-repo';
import { compareWithToday, createShortlist } from '../../../shortlist/service';
import { actorOf } from '../../actor';
import { NotFoundError, shownValue } from '../../../common/errors';
import { createBody, candidatePatch, assessmentBody, nowIso, parse, requireShortlist, siteChoice, sourceOf, visibleAssessments, saveAssessment } from './common';

/** The JSON API: shortlists, candidates and assessments. */
export function shortlistApi(router: Router, db: Db): void {
  // ------------------------------------------------------------------ JSON API
  router.get('/api/shortlists', (_req, res) => {
    res.json({ shortlists: listShortlists(db) });
  });

  router.post('/api/shortlists', async (req, res) => {
    const body = parse(createBody, req.body ?? {});
    const sl = await createShortlist(db, { name: body.name, description: body.description, by: actorOf(req), now: nowIso(), source: sourceOf(db, body, {}) });
    res.status(201).location(`/api/shortlists/${sl.id}`).json(sl);
  });

  router.get('/api/shortlists/:id', async (req, res) => {
    const sl = requireShortlist(db, req.params.id);
    res.json({ ...sl, comparison: await compareWithToday(db, sl, nowIso()) });
  });

  router.patch('/api/shortlists/:id/candidates/:knr', (req, res) => {
    const sl = requireShortlist(db, req.params.id);
    const body = parse(candidatePatch, req.body ?? {});
    const site = body.site ? siteChoice(db, req.params.knr, body.site) : undefined;
    const ok = updateCandidate(db, sl.id, req.params.knr, {
      status: body.status as never, rationale: body.rationale, site, by: actorOf(req), now: nowIso(),
    });
    if (!ok) throw new NotFoundError({ key: 'err.notOnShortlist', params: { knr: shownValue(req.params.knr), shortlist: sl.id } });
    res.json(requireShortlist(db, sl.id).candidates.find((c) => c.kommunenummer === req.params.knr));
  });

  router.delete('/api/shortlists/:id', (req, res) => {
    if (!deleteShortlist(db, req.params.id, actorOf(req), nowIso())) throw new NotFoundError({ key: 'err.shortlistMissing', params: { shortlist: shownValue(req.params.id) } });
    res.status(204).end();
  });

  router.get('/api/assessments', (req, res) => {
    const shortlistId = typeof req.query.shortlist === 'string' ? req.query.shortlist : undefined;
    res.json({ assessments: visibleAssessments(db, req.auth?.user).filter((a) => !shortlistId || a.shortlistId === shortlistId) });
  });

  router.post('/api/assessments', (req, res) => {
    const body = parse(assessmentBody, req.body ?? {});
    res.status(201).json(saveAssessment(db, req, body));
  });

  // ------------------------------------------------------------------ pages
}
