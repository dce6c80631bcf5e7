/** Shortlists' shared parts: request schemas, access helpers, site choices, the export sender and the assessment use. */
import { kommunenummerField } from '../../../common/fields';
import { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import type { User } from '../../../db/users-repo';
import { ADVICE_VALUES, listAssessments, recordAssessment, type Assessment } from '../../../db/assessments-repo';
import { countMunicipalities, getMunicipality, listPoliceDistricts, listSites } from '../../../db/municipalities-repo';
import { getResponse } from '../../../db/responses-repo';
import { getShortlist, listShortlists, type Shortlist } from '../../../db/shortlists-repo';
import { buildReportModel, EXPORT_FORMATS, exportFileName, loadReportGeometry, loadShortlistReport, renderExport, type ExportFormat } from '../../../export';
import { checkKnownKommunenummer, kommunenummerList, scenarioFromQuery, scenarioSchemaFor } from '../../../model/scenario';
import { scenarioReference } from '../../../planning/reference';
import { requestLimits } from '../../../model/limits';
import { freeText, nameText, requiredText } from '../../../common/fields';
import { CANDIDATE_STATUSES, type CandidateSite } from '../../../shortlist';
import { type ShortlistSource } from '../../../shortlist/service';
import { assertDistrictAccess } from '../../../auth/policy';
import { actorOf } from '../../actor';
import { ValidationError, ForbiddenError, NotFoundError, UnprocessableError, ZodValidationError, shownValue } from '../../../common/errors';
import { formatOrdinal, say, type Locale } from '../../../common/i18n';

export const knr = kommunenummerField;
export const name = nameText(requestLimits.maxNameChars);

// Who acted is the signed-in user (`actorOf`); a `by` or `assessor` field sent by an older client is
// ignored (zod drops unknown keys).

/** `POST /api/shortlists` and the create form: exactly one source. */
export const createBody = z.object({
  name,
  description: freeText(5000).default(''),
  scenarioId: z.string().min(1).max(64).optional(),
  params: z.unknown().optional(),
  kommunenummer: kommunenummerList.optional(),
  /** A stored proposal (e.g. the workspace's): the shortlist holds exactly its set at its sites. */
  proposalId: z.string().regex(/^p-[0-9a-f]{16}$/, 'v.idFormat').optional(),
  solver: z.enum(['exact', 'greedy']).default('exact'),
});

export const candidatePatch = z.object({
  status: z.enum(CANDIDATE_STATUSES as [string, ...string[]]).optional(),
  rationale: freeText(10000).optional(),
  /** `place:<site id>` (a populated place of the municipality), `centre` (its main populated place) or `premises:N` (1-based, of its current answer). */
  site: z.string().regex(/^(centre|premises:\d{1,2}|place:s\d{4})$/, 'must be "place:<site id>", "centre" or "premises:N"').optional(),
});

export const assessmentBody = z.object({
  shortlistId: z.string().min(1).max(64).nullable().optional(),
  kommunenummer: knr,
  advice: z.enum(ADVICE_VALUES as [string, ...string[]]),
  reason: requiredText(10000),
});

export const nowIso = () => new Date().toISOString();

export function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, where = ''): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ZodValidationError(r.error, where);
  return r.data;
}

export function requireShortlist(db: Db, id: string): Shortlist {
  const sl = getShortlist(db, id);
  if (!sl) throw new NotFoundError({ key: 'err.shortlistMissing', params: { shortlist: shownValue(id) } });
  return sl;
}

/** The populated places of a municipality (data/sites.csv), its main place first. */
export function placesOf(db: Db, kommunenummer: string): { id: string; lon: number; lat: number; label: string; main: boolean }[] {
  return listSites(db)
    .filter((x) => x.kommunenummer === kommunenummer)
    .map((x) => ({ id: x.id, lon: x.lon, lat: x.lat, label: `${x.place} (${x.postnummer})`, main: x.centrePlace !== '' }))
    .sort((a, b) => Number(b.main) - Number(a.main) || a.label.localeCompare(b.label, 'nb'));
}

/** Resolves `place:<id>` / `centre` / `premises:N` to a site of the candidate. */
export function siteChoice(db: Db, kommunenummer: string, choice: string): CandidateSite {
  const m = getMunicipality(db, kommunenummer);
  if (!m) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr: kommunenummer } });
  if (choice === 'centre' || choice.startsWith('place:')) {
    const places = placesOf(db, kommunenummer);
    const place = choice === 'centre' ? places.find((x) => x.main) : places.find((x) => x.id === choice.slice(6));
    if (!place) throw new ValidationError({ key: 'err.siteNotPlace', params: { site: choice, knr: kommunenummer } });
    return { kind: 'place', lon: place.lon, lat: place.lat, label: place.label, siteId: place.id };
  }
  const n = Number(choice.split(':')[1]);
  const p = getResponse(db, kommunenummer)?.q5.premises[n - 1];
  if (!p || p.lon === null || p.lat === null) throw new ValidationError({ key: 'err.noPremises', params: { n, knr: kommunenummer } });
  // Only the first located premises is a candidate site of the engine (`p<kommunenummer>`); others have no site id.
  const first = getResponse(db, kommunenummer)?.q5.premises.findIndex((x) => x.lon !== null && x.lat !== null);
  return { kind: 'premises', lon: p.lon, lat: p.lat, label: p.address, ...(first === n - 1 ? { siteId: `p${kommunenummer}` } : {}) };
}

/** The site options of a municipality: each populated place and each offered premises with coordinates. */
export function siteOptions(db: Db, kommunenummer: string): { value: string; kind: 'place' | 'premises'; label: string; lon: number; lat: number }[] {
  if (!getMunicipality(db, kommunenummer)) return [];
  const out: { value: string; kind: 'place' | 'premises'; label: string; lon: number; lat: number }[] = placesOf(db, kommunenummer)
    .map((x) => ({ value: `place:${x.id}`, kind: 'place', label: x.label, lon: x.lon, lat: x.lat }));
  getResponse(db, kommunenummer)?.q5.premises.forEach((p, i) => {
    if (p.lon !== null && p.lat !== null) out.push({ value: `premises:${i + 1}`, kind: 'premises', label: p.address, lon: p.lon, lat: p.lat });
  });
  return out;
}

/** Turns the create body into a service source (scenario and candidates checked against the loaded data). */
export function sourceOf(db: Db, body: z.output<typeof createBody>, query: Record<string, unknown>): ShortlistSource {
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
export function formToBody(db: Db, form: Record<string, unknown>): unknown {
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

export function districtOf(db: Db, key: string): { number: string; name: string } {
  const d = listPoliceDistricts(db).find((x) => x.number === key || x.name.toLowerCase() === key.toLowerCase());
  if (!d) throw new NotFoundError({ key: 'err.noDistrict', params: { district: shownValue(key) } });
  return d;
}

/** The police district a district leader's account is bound to. */
export function ownDistrict(db: Db, user: User): { number: string; name: string } {
  const d = listPoliceDistricts(db).find((x) => x.name === user.district);
  if (!d) throw new ForbiddenError({ key: 'err.unboundDistrict', params: { name: user.name, district: user.district ?? '' } });
  return d;
}

/** Assessments a user may read: a district leader's own district only, everyone else's all. */
export function visibleAssessments(db: Db, user: User | undefined): Assessment[] {
  return user?.role === 'district' ? listAssessments(db, { policeDistrict: user.district ?? '' }) : listAssessments(db);
}

/** Whether the user may record assessments (the policy table's write rule for `/review`). */
export const canAssess = (user: User | undefined): boolean => user?.role === 'admin' || user?.role === 'district';

/** The shortlist the review pages show: `?shortlist=ID`, else the newest. */
export function reviewShortlist(db: Db, req: Request): Shortlist | null {
  const id = typeof req.query.shortlist === 'string' && req.query.shortlist !== '' ? req.query.shortlist : listShortlists(db)[0]?.id;
  return id ? requireShortlist(db, id) : null;
}

export function latestByKnr(list: Assessment[]): Map<string, Assessment> {
  const out = new Map<string, Assessment>();
  for (const a of list) out.set(a.kommunenummer, a);
  return out;
}

export function splitFile(file: string): { base: string; format: ExportFormat } {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1) as ExportFormat;
  if (dot <= 0 || !EXPORT_FORMATS.includes(format)) throw new NotFoundError({ key: 'err.unknownExport', params: { file: shownValue(file), formats: EXPORT_FORMATS.join(', ') } });
  return { base: file.slice(0, dot), format };
}

export async function sendExport(db: Db, res: Response, inputs: Awaited<ReturnType<typeof loadShortlistReport>>, format: ExportFormat, now: string): Promise<void> {
  const model = buildReportModel(inputs, { locale: res.locals.locale as Locale, now });
  const out = await renderExport(model, format, () => loadReportGeometry(db), new Date(now));
  const name = inputs.shortlist?.name ?? (inputs.scenario.name || 'stedsvalg');
  res.type(out.contentType).attachment(exportFileName(name, format, new Date(now))).send(out.body);
}


/**
 * Records an assessment by the signed-in user.
 * @throws AppError 403 when a district leader assesses a municipality outside their district, 422 when the
 *   municipality is not a candidate on the named shortlist (nothing is written)
 */
export function saveAssessment(db: Db, req: Request, body: z.output<typeof assessmentBody>): Assessment {
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

export function renderDistrict(
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
  const locale = res.locals.locale as Locale;
  const n = countMunicipalities(db);
  // «130. plass av 357 (94. plass blant de valgbare)»: the rank among all ranked, and in brackets among the eligible, as the profile says it
  const rankText = (f: { rank: number; eligibleRank: number | null }): string => {
    const params = { rank: formatOrdinal(locale, f.rank), n, eligibleRank: f.eligibleRank ? formatOrdinal(locale, f.eligibleRank) : '' };
    return say(locale, f.eligibleRank ? 'rev.rankEligible' : 'rev.rank', params);
  };
  res.status(status).render('review-district', {
    rankText,
    title: `${res.locals.t('rev.title')}: ${district.name}`, district, districts: ownOnly ? [district] : listPoliceDistricts(db), shortlist: sl,
    candidates, error, advices: ADVICE_VALUES,
    saved: typeof req.query.saved === 'string' ? req.query.saved : null,
    canAssess: canAssess(user), ownOnly,
  });
}
