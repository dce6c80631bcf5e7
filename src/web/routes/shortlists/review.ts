import { type Router } from 'express';
import type { Db } from '../../../db/connection';
import { listAssessments } from '../../../db/assessments-repo';
import { getMunicipality, listPoliceDistricts } from '../../../db/municipalities-repo';
import { listShortlists } from '../../../db/shortlists-repo';
import { assertDistrictAccess } from '../../../auth/policy';
import { ValidationError, describeZodError } from '../../../common/errors';
import type { Locale } from '../../../common/i18n';
import { assessmentBody, districtOf, ownDistrict, reviewShortlist, latestByKnr, saveAssessment, renderDistrict } from './common';

/** The police districts' review pages. */
export function reviewPages(router: Router, db: Db): void {
  router.get('/review', (req, res) => {
    const user = req.auth?.user;
    if (user?.role === 'district') {
      // The overview holds every district's advice: a district leader goes to their own page.
      const shortlist = typeof req.query.shortlist === 'string' && req.query.shortlist !== '' ? `?${new URLSearchParams({ shortlist: req.query.shortlist })}` : '';
      res.redirect(303, `/review/${ownDistrict(db, user).number}${shortlist}`);
      return;
    }
    const sl = reviewShortlist(db, req);
    const all = listAssessments(db);
    const latest = latestByKnr(all);
    const districts = listPoliceDistricts(db).map((d) => {
      const candidates = (sl?.candidates ?? []).filter((c) => c.policeDistrictNumber === d.number);
      const counts = { supports: 0, neutral: 0, advisesAgainst: 0, missing: 0 };
      for (const c of candidates) counts[latest.get(c.kommunenummer)?.advice ?? 'missing']++;
      return { ...d, candidates: candidates.map((c) => ({ ...c, assessment: latest.get(c.kommunenummer) ?? null })), counts };
    });
    res.render('review', {
      title: res.locals.t('rev.title'), shortlist: sl, shortlists: listShortlists(db), districts,
      history: all.filter((a) => !sl || sl.candidates.some((c) => c.kommunenummer === a.kommunenummer)).reverse(),
    });
  });

  router.get('/review/:district', (req, res) => {
    renderDistrict(db, req, res, null, 200);
  });

  router.post('/review/:district', (req, res) => {
    const district = districtOf(db, req.params.district);
    assertDistrictAccess(req.auth?.user, district.name);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const body = assessmentBody.safeParse({ ...form, shortlistId: form.shortlistId || null });
    if (!body.success) {
      renderDistrict(db, req, res, { message: describeZodError(body.error, '', res.locals.locale as Locale), form, kommunenummer: String(form.kommunenummer ?? '') }, 400);
      return;
    }
    const m = getMunicipality(db, body.data.kommunenummer);
    if (m) assertDistrictAccess(req.auth?.user, m.policeDistrict);
    if (!m || m.policeDistrictNumber !== district.number) {
      throw new ValidationError({ key: 'err.notInDistrict', params: { knr: body.data.kommunenummer, district: district.name } });
    }
    saveAssessment(db, req, body.data);
    const q = new URLSearchParams({ ...(body.data.shortlistId ? { shortlist: body.data.shortlistId } : {}), saved: body.data.kommunenummer });
    res.redirect(303, `/review/${district.number}?${q}#c-${body.data.kommunenummer}`);
  });

  // ------------------------------------------------------------------ exports
}
