/**
 * Shortlists, police district review and exports: HTML pages (forms, post/redirect/get), a small
 * JSON API, and the export downloads. Parse at the edge with zod, call the shortlist service or
 * the exporters, render. Timestamps and the actor (the signed-in user) come from here (the shell).
 *
 * Access: `src/auth/policy.ts` decides by role and path; this file adds the data-dependent rule of
 * issue 7: a district leader reads and assesses only their own police district.
 */
import { kommunenummerField } from '../../common/fields';
import { type Request, type Response, type Router } from 'express';
import { appRouter } from '../router';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { Db } from '../../db/connection';
import type { User } from '../../db/users-repo';
import { ADVICE_VALUES, listAssessments, recordAssessment, type Assessment } from '../../db/assessments-repo';
import { getMunicipality, listPoliceDistricts, listSites } from '../../db/municipalities-repo';
import { getResponse } from '../../db/responses-repo';
import { listScenarios } from '../../db/scenarios-repo';
import {
  deleteShortlist, getShortlist, listShortlists, moveCandidate, updateCandidate, type Shortlist,
} from '../../db/shortlists-repo';
import {
  buildReportModel, changeLines, EXPORT_FORMATS, loadReportGeometry, loadScenarioReport, loadShortlistReport, renderExport, type ExportFormat,
} from '../../export';
import { checkKnownKommunenummer, kommunenummerList, scenarioFromQuery, scenarioSchemaFor } from '../../model/scenario';
import { scenarioReference } from '../../planning/reference';
import { requestLimits } from '../../model/limits';
import { freeText, nameText, requiredText } from '../../common/fields';
import { CANDIDATE_STATUSES, type CandidateSite } from '../../shortlist';
import { compareWithToday, createShortlist, type ShortlistSource } from '../../shortlist/service';
import { assertDistrictAccess, canPlan } from '../../auth/policy';
import { actorOf } from '../actor';
import { ValidationError, ForbiddenError, NotFoundError, UnprocessableError, ZodValidationError, shownValue, describeZodError } from '../../common/errors';
import type { Locale } from '../../common/i18n';

const knr = kommunenummerField;
const name = nameText(requestLimits.maxNameChars);

// Who acted is the signed-in user (`actorOf`); a `by` or `assessor` field sent by an older client is
// ignored (zod drops unknown keys).

/** `POST /api/shortlists` and the create form: exactly one source. */
const createBody = z.object({
  name,
  description: freeText(5000).default(''),
  scenarioId: z.string().min(1).max(64).optional(),
  params: z.unknown().optional(),
  kommunenummer: kommunenummerList.optional(),
  /** A stored proposal (e.g. the workspace's): the shortlist holds exactly its set at its sites. */
  proposalId: z.string().regex(/^p-[0-9a-f]{16}$/, 'v.idFormat').optional(),
  solver: z.enum(['exact', 'greedy']).default('exact'),
});

const candidatePatch = z.object({
  status: z.enum(CANDIDATE_STATUSES as [string, ...string[]]).optional(),
  rationale: freeText(10000).optional(),
  /** `place:<site id>` (a populated place of the municipality), `centre` (its main populated place) or `premises:N` (1-based, of its current answer). */
  site: z.string().regex(/^(centre|premises:\d{1,2}|place:s\d{4})$/, 'must be "place:<site id>", "centre" or "premises:N"').optional(),
});

const assessmentBody = z.object({
  shortlistId: z.string().min(1).max(64).nullable().optional(),
  kommunenummer: knr,
  advice: z.enum(ADVICE_VALUES as [string, ...string[]]),
  reason: requiredText(10000),
});

const nowIso = () => new Date().toISOString();

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, where = ''): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ZodValidationError(r.error, where);
  return r.data;
}

function requireShortlist(db: Db, id: string): Shortlist {
  const sl = getShortlist(db, id);
  if (!sl) throw new NotFoundError({ key: 'err.shortlistMissing', params: { shortlist: shownValue(id) } });
  return sl;
}

/** The populated places of a municipality (data/sites.csv), its main place first. */
function placesOf(db: Db, kommunenummer: string): { id: string; lon: number; lat: number; label: string; main: boolean }[] {
  return listSites(db)
    .filter((x) => x.kommunenummer === kommunenummer)
    .map((x) => ({ id: x.id, lon: x.lon, lat: x.lat, label: `${x.place} (${x.postnummer})`, main: x.centrePlace !== '' }))
    .sort((a, b) => Number(b.main) - Number(a.main) || a.label.localeCompare(b.label, 'nb'));
}

/** Resolves `place:<id>` / `centre` / `premises:N` to a site of the candidate. */
function siteChoice(db: Db, kommunenummer: string, choice: string): CandidateSite {
  const m = getMunicipality(db, kommunenummer);
  if (!m) throw new NotFoundError(`municipality ${kommunenummer} does not exist`);
  if (choice === 'centre' || choice.startsWith('place:')) {
    const places = placesOf(db, kommunenummer);
    const place = choice === 'centre' ? places.find((x) => x.main) : places.find((x) => x.id === choice.slice(6));
    if (!place) throw new ValidationError(`site: ${choice} is not a populated place of ${kommunenummer}`);
    return { kind: 'place', lon: place.lon, lat: place.lat, label: place.label, siteId: place.id };
  }
  const n = Number(choice.split(':')[1]);
  const p = getResponse(db, kommunenummer)?.q5.premises[n - 1];
  if (!p || p.lon === null || p.lat === null) throw new ValidationError(`site: premises ${n} of ${kommunenummer} does not exist or has no coordinates`);
  // Only the first located premises is a candidate site of the engine (`p<kommunenummer>`); others have no site id.
  const first = getResponse(db, kommunenummer)?.q5.premises.findIndex((x) => x.lon !== null && x.lat !== null);
  return { kind: 'premises', lon: p.lon, lat: p.lat, label: p.address, ...(first === n - 1 ? { siteId: `p${kommunenummer}` } : {}) };
}

/** The site options of a municipality: each populated place and each offered premises with coordinates. */
function siteOptions(db: Db, kommunenummer: string): { value: string; kind: 'place' | 'premises'; label: string; lon: number; lat: number }[] {
  if (!getMunicipality(db, kommunenummer)) return [];
  const out: { value: string; kind: 'place' | 'premises'; label: string; lon: number; lat: number }[] = placesOf(db, kommunenummer)
    .map((x) => ({ value: `place:${x.id}`, kind: 'place', label: x.label, lon: x.lon, lat: x.lat }));
  getResponse(db, kommunenummer)?.q5.premises.forEach((p, i) => {
    if (p.lon !== null && p.lat !== null) out.push({ value: `premises:${i + 1}`, kind: 'premises', label: p.address, lon: p.lon, lat: p.lat });
  });
  return out;
}

/** Turns the create body into a service source (scenario and candidates checked against the loaded data). */
function sourceOf(db: Db, body: z.output<typeof createBody>, query: Record<string, unknown>): ShortlistSource {
  const ref = scenarioReference(db);
  const params = body.params === undefined ? scenarioFromQuery(query, undefined, ref) : parse(scenarioSchemaFor(ref), body.params, 'params.');
  if (body.kommunenummer && body.kommunenummer.length) {
    parse(z.array(z.string()).superRefine((l, ctx) => checkKnownKommunenummer(l, ref, ctx)), body.kommunenummer, 'kommunenummer');
    return { kind: 'manual', kommunenummer: body.kommunenummer, params, scenarioId: body.scenarioId };
  }
  if (body.proposalId) return { kind: 'proposal', proposalId: body.proposalId };
  if (body.scenarioId) return { kind: 'scenario', scenarioId: body.scenarioId, solver: body.solver };
  return { kind: 'params', params, solver: body.solver };
}

/** The form's fields → the create body (manual list: kommunenummer separated by commas, spaces or lines). */
function formToBody(db: Db, form: Record<string, unknown>): unknown {
  const list = typeof form.kommunenummer === 'string' ? form.kommunenummer.split(/[\s,;]+/).filter(Boolean) : [];
  let params: unknown;
  if (typeof form.scenarioQuery === 'string' && form.scenarioQuery.trim() !== '') {
    params = scenarioFromQuery(Object.fromEntries(new URLSearchParams(form.scenarioQuery)), undefined, scenarioReference(db));
  }
  return {
    name: form.name, description: form.description ?? '',
    scenarioId: typeof form.scenarioId === 'string' && form.scenarioId !== '' ? form.scenarioId : undefined,
    params, kommunenummer: list.length ? list : undefined, solver: form.solver || undefined,
    proposalId: typeof form.proposalId === 'string' && form.proposalId !== '' ? form.proposalId : undefined,
  };
}

function districtOf(db: Db, key: string): { number: string; name: string } {
  const d = listPoliceDistricts(db).find((x) => x.number === key || x.name.toLowerCase() === key.toLowerCase());
  if (!d) throw new NotFoundError({ key: 'err.noDistrict', params: { district: shownValue(key) } });
  return d;
}

/** The police district a district leader's account is bound to. */
function ownDistrict(db: Db, user: User): { number: string; name: string } {
  const d = listPoliceDistricts(db).find((x) => x.name === user.district);
  if (!d) throw new ForbiddenError(`District leader ${user.name} is bound to no known police district ("${user.district ?? ''}")`);
  return d;
}

/** Assessments a user may read: a district leader's own district only, everyone else's all. */
function visibleAssessments(db: Db, user: User | undefined): Assessment[] {
  return user?.role === 'district' ? listAssessments(db, { policeDistrict: user.district ?? '' }) : listAssessments(db);
}

/** Whether the user may record assessments (the policy table's write rule for `/review`). */
const canAssess = (user: User | undefined): boolean => user?.role === 'admin' || user?.role === 'district';

/** The shortlist the review pages show: `?shortlist=ID`, else the newest. */
function reviewShortlist(db: Db, req: Request): Shortlist | null {
  const id = typeof req.query.shortlist === 'string' && req.query.shortlist !== '' ? req.query.shortlist : listShortlists(db)[0]?.id;
  return id ? requireShortlist(db, id) : null;
}

function latestByKnr(list: Assessment[]): Map<string, Assessment> {
  const out = new Map<string, Assessment>();
  for (const a of list) out.set(a.kommunenummer, a);
  return out;
}

function splitFile(file: string): { base: string; format: ExportFormat } {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1) as ExportFormat;
  if (dot <= 0 || !EXPORT_FORMATS.includes(format)) throw new NotFoundError({ key: 'err.unknownExport', params: { file: shownValue(file), formats: EXPORT_FORMATS.join(', ') } });
  return { base: file.slice(0, dot), format };
}

async function sendExport(db: Db, res: Response, inputs: Awaited<ReturnType<typeof loadShortlistReport>>, format: ExportFormat, now: string): Promise<void> {
  const model = buildReportModel(inputs, { locale: res.locals.locale as Locale, now });
  const out = await renderExport(model, format, () => loadReportGeometry(db), new Date(now));
  res.type(out.contentType).attachment(out.fileName).send(out.body);
}

/** Pages, API and exports of issue 6. */
export function shortlistRoutes({ db }: AppDeps): Router {
  const router = appRouter();

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
      throw new ValidationError(`kommunenummer: ${body.data.kommunenummer} is not in police district ${district.name}`);
    }
    saveAssessment(db, req, body.data);
    const q = new URLSearchParams({ ...(body.data.shortlistId ? { shortlist: body.data.shortlistId } : {}), saved: body.data.kommunenummer });
    res.redirect(303, `/review/${district.number}?${q}#c-${body.data.kommunenummer}`);
  });

  // ------------------------------------------------------------------ exports
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

  return router;
}

/**
 * Records an assessment by the signed-in user.
 * @throws AppError 403 when a district leader assesses a municipality outside their district, 422 when the
 *   municipality is not a candidate on the named shortlist (nothing is written)
 */
function saveAssessment(db: Db, req: Request, body: z.output<typeof assessmentBody>): Assessment {
  const m = getMunicipality(db, body.kommunenummer);
  if (!m) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr: body.kommunenummer } });
  assertDistrictAccess(req.auth?.user, m.policeDistrict);
  // The rule (README, roles): an assessment is of a candidate on a shortlist, the one its review page shows.
  if (!body.shortlistId) throw new UnprocessableError('shortlist_required', { key: 'err.shortlistRequired' });
  const sl = getShortlist(db, body.shortlistId);
  if (!sl) throw new UnprocessableError('unknown_shortlist', { key: 'err.shortlistMissing', params: { shortlist: body.shortlistId } });
  if (!sl.candidates.some((c) => c.kommunenummer === m.kommunenummer)) {
    throw new UnprocessableError('not_candidate', { key: 'err.notCandidate', params: { knr: m.kommunenummer, shortlist: sl.name } });
  }
  return recordAssessment(db, {
    shortlistId: sl.id, kommunenummer: body.kommunenummer, policeDistrict: m.policeDistrict,
    advice: body.advice as Assessment['advice'], reason: body.reason, assessor: actorOf(req), now: nowIso(),
  });
}

function renderDistrict(
  db: Db, req: Request, res: Response, error: { message: string; form: Record<string, unknown>; kommunenummer: string } | null, status: number,
): void {
  const district = districtOf(db, String(req.params.district));
  const user = req.auth?.user;
  assertDistrictAccess(user, district.name);
  const sl = reviewShortlist(db, req);
  const all = listAssessments(db, { policeDistrict: district.name });
  const latest = latestByKnr(all);
  const snap = new Map((sl?.snapshot.candidates ?? []).map((c) => [c.kommunenummer, c]));
  const candidates = (sl?.candidates ?? [])
    .filter((c) => c.policeDistrictNumber === district.number)
    .map((c) => ({
      ...c, figures: snap.get(c.kommunenummer) ?? null, answer: getResponse(db, c.kommunenummer),
      assessment: latest.get(c.kommunenummer) ?? null, history: all.filter((a) => a.kommunenummer === c.kommunenummer).reverse(),
    }));
  const ownOnly = user?.role === 'district';
  res.status(status).render('review-district', {
    title: `${res.locals.t('rev.title')}: ${district.name}`, district, districts: ownOnly ? [district] : listPoliceDistricts(db), shortlist: sl,
    candidates, error, advices: ADVICE_VALUES,
    saved: typeof req.query.saved === 'string' ? req.query.saved : null,
    canAssess: canAssess(user), ownOnly,
  });
}
