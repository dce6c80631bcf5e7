import { type Router } from 'express';
import type { Db } from '../../../db/connection';
import { listAssessments } from '../../../db/assessments-repo';
import { listScenarios } from '../../../db/scenarios-repo';
import { deleteShortlist, listShortlists, moveCandidate, updateCandidate } from '../../../db/shortlists-repo';
import { scenarioFromQuery } from '../../../model/scenario';
import { scenarioReference } from '../../../planning/reference';
import { CANDIDATE_STATUSES } from '../../../shortlist';
import { compareWithToday, createShortlist } from '../../../shortlist/service';
import { canPlan } from '../../../auth/policy';
import { actorOf } from '../../actor';
import { NotFoundError, shownValue, describeZodError } from '../../../common/errors';
import type { Locale } from '../../../common/i18n';
import { changeLines } from '../../../export';
import { createBody, candidatePatch, nowIso, parse, requireShortlist, siteChoice, siteOptions, sourceOf, formToBody, latestByKnr } from './common';

/** The shortlist list page and creating a shortlist from its form. */
export function shortlistPages(router: Router, db: Db): void {
  router.get('/shortlists', (req, res) => {
    const query = { ...req.query } as Record<string, unknown>;
    delete query.lang;
    const scenarioQuery = new URLSearchParams(query as Record<string, string>).toString();
    res.render('shortlists', {
      title: res.locals.t('sl.title'),
      shortlists: listShortlists(db),
      scenarios: listScenarios(db).map((s) => ({ id: s.id, name: s.name })),
      scenarioQuery,
      scenario: scenarioFromQuery(query, undefined, scenarioReference(db)),
      error: null,
      form: {},
      canEdit: canPlan(req.auth?.user),
    });
  });

  router.post('/shortlists', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const body = createBody.safeParse(formToBody(db, form));
    if (!body.success) {
      res.status(400).render('shortlists', {
        title: res.locals.t('sl.title'), shortlists: listShortlists(db), scenarios: listScenarios(db).map((s) => ({ id: s.id, name: s.name })),
        scenarioQuery: typeof form.scenarioQuery === 'string' ? form.scenarioQuery : '',
        scenario: scenarioFromQuery(Object.fromEntries(new URLSearchParams(typeof form.scenarioQuery === 'string' ? form.scenarioQuery : '')), undefined, scenarioReference(db)),
        error: describeZodError(body.error, '', res.locals.locale as Locale), form, canEdit: true,
      });
      return;
    }
    const sl = await createShortlist(db, { name: body.data.name, description: body.data.description, by: actorOf(req), now: nowIso(), source: sourceOf(db, body.data, {}) });
    res.redirect(303, `/shortlists/${sl.id}`);
  });

}

/** A shortlist's page, its candidate edits and its deletion. */
export function shortlistDetailPages(router: Router, db: Db): void {
  router.get('/shortlists/:id', async (req, res) => {
    const sl = requireShortlist(db, req.params.id);
    const snap = new Map(sl.snapshot.candidates.map((c) => [c.kommunenummer, c]));
    const latest = latestByKnr(listAssessments(db));
    const comparison = await compareWithToday(db, sl, nowIso());
    res.render('shortlist', {
      title: sl.name,
      shortlist: sl,
      rows: sl.candidates.map((c) => ({ ...c, figures: snap.get(c.kommunenummer) ?? null, assessment: latest.get(c.kommunenummer) ?? null, sites: siteOptions(db, c.kommunenummer) })),
      comparison, changeLines: changeLines(res.locals.locale, comparison),
      districts: [...new Map(sl.candidates.map((c) => [c.policeDistrictNumber, c.policeDistrict])).entries()].sort(),
      statuses: CANDIDATE_STATUSES,
      saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      changed: typeof req.query.changed === 'string' && /^\d{1,4}$/.test(req.query.changed) ? Number(req.query.changed) : null,
      canEdit: canPlan(req.auth?.user),
    });
  });

  router.post('/shortlists/:id/candidates/:knr', (req, res) => {
    const sl = requireShortlist(db, req.params.id);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const body = parse(candidatePatch, { ...form, site: form.site || undefined, status: form.status || undefined });
    const now = nowIso();
    const by = actorOf(req);
    if (form.move === 'up' || form.move === 'down') {
      moveCandidate(db, sl.id, req.params.knr, form.move === 'up' ? -1 : 1, by, now);
    } else {
      const site = body.site ? siteChoice(db, req.params.knr, body.site) : undefined;
      if (!updateCandidate(db, sl.id, req.params.knr, { status: body.status as never, rationale: body.rationale, site, by, now })) {
        throw new NotFoundError({ key: 'err.notOnShortlist', params: { knr: shownValue(req.params.knr), shortlist: sl.id } });
      }
    }
    res.redirect(303, `/shortlists/${sl.id}?saved=${req.params.knr}#c-${req.params.knr}`);
  });

  router.post('/shortlists/:id/delete', (req, res) => {
    if (!deleteShortlist(db, req.params.id, actorOf(req), nowIso())) throw new NotFoundError({ key: 'err.shortlistMissing', params: { shortlist: shownValue(req.params.id) } });
    res.redirect(303, '/shortlists');
  });
}
