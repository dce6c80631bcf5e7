import { appRouter } from '../router';
import { type Router, type Request, type Response } from 'express';
import type { AppDeps } from '../app';
import type { Db } from '../../db/connection';
import { codingsOf, listLetters, type StoredLetter } from '../../db/letters-repo';
import { listMunicipalities, listPoliceDistricts } from '../../db/municipalities-repo';
import { listResponses } from '../../db/responses-repo';
import { agreement, type CodedValues } from '../../letters/agreement';
import { codedFields, saveCoding } from '../../letters/coding';
import { letterDate } from '../../letters/dateline';
import { highlightSegments } from '../../letters/highlight';
import { intakeLetters, WHOLE_BATCH, type IntakeReport } from '../../letters/intake';
import { letterLimits, senderThresholds } from '../../model/letters';
import { loadSampleLetters, SampleLettersConflictError } from '../../letters/samples';
import { filterLetters, searchLetters } from '../../letters/search';
import { channels, areaValues } from '../../model/answers';
import { fillTemplate } from '../../import/responses-import';
import { actorOf } from '../actor';
import { AppError, messageOf } from '../../common/errors';
import { canPlan } from '../../auth/policy';
import { filterOf, offThreadReaders, onlyDistrictOf, receiveLetters, visibleAgreement, visibleLetter, visibleOverview, visibleStatus } from './letters-common';

type Params = Record<string, string | number>;
const tf = (res: Response) => (key: string, params: Params = {}) =>
  fillTemplate(res.locals.t(key), Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));

function counties(db: Db): { number: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const m of listMunicipalities(db)) seen.set(m.countyNumber, m.county);
  return [...seen].map(([number, name]) => ({ number, name })).sort((a, b) => a.number.localeCompare(b.number));
}

function listPage(db: Db, req: Request, res: Response, extra: { report?: IntakeReport | null; error?: string | null; message?: string | null } = {}): void {
  const filter = filterOf(req);
  const started = process.hrtime.bigint();
  const search = filter.q ? searchLetters(db, filter.q, filter, 200) : null;
  const tookMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
  const status = visibleStatus(db, req);
  res.render('letters', {
    title: res.locals.t('let.title'),
    tf: tf(res),
    filter,
    search,
    tookMs,
    letters: search ? [] : filterLetters(listLetters(db), filter),
    status,
    overview: visibleOverview(db, req),
    agreement: visibleAgreement(db, req),
    districts: onlyDistrictOf(req) ? listPoliceDistricts(db).filter((d) => d.name === onlyDistrictOf(req)) : listPoliceDistricts(db),
    counties: counties(db),
    canPlan: canPlan(res.locals.user),
    report: extra.report ?? null,
    wholeBatch: WHOLE_BATCH,
    error: extra.error ?? null,
    message: extra.message ?? null,
    limits: letterLimits,
  });
}

/** The values the coding form starts with: the planner's own latest coding, else the suggestion. */
function formValues(letter: StoredLetter, own: Record<string, unknown> | null) {
  const s = letter.analysis.suggestions;
  const d = letter.analysis.details;
  if (own) return { ...own, coLocationText: ((own.coLocation as string[] | undefined) ?? []).join(', ') } as Record<string, unknown>;
  return {
    kommunenummer: letter.kommunenummer ?? '', wantsStation: s.wantsStation, offersPremises: s.offersPremises, premisesText: s.premisesText ?? '',
    coLocationText: s.coLocation.join(', '), satisfied: s.satisfied, channels: d.channelTrends, areas: d.areas,
    receivedDate: letterDate(letter.text) ?? letter.receivedAt.slice(0, 10),
  };
}

/**
 * What confirming a primary coding does to the sample answers (`saveCoding`): a real letter removes every sample
 * answer; a sample letter replaces the chosen municipality's sample answer. Null when no sample answer is loaded.
 */
function samplesWarning(db: Db, letter: StoredLetter): { key: 'let.samplesWillBeRemoved' | 'let.sampleAnswerWillBeReplaced'; n: number } | null {
  const n = listResponses(db).filter((r) => r.sample).length;
  if (n === 0) return null;
  return { key: letter.sample ? 'let.sampleAnswerWillBeReplaced' : 'let.samplesWillBeRemoved', n };
}

function letterPage(db: Db, req: Request, res: Response, letter: StoredLetter, extra: { error?: string | null; posted?: Record<string, unknown> | null } = {}): void {
  const user = res.locals.user;
  const codings = codingsOf(db, letter.id);
  const mine = codings.filter((c) => c.coder === user?.name).pop() ?? null;
  const others = codings.filter((c) => c.coder !== user?.name);
  const hideOthers = canPlan(user) && !mine && others.length > 0;
  const latestByCoder = [...new Map(codings.map((c) => [c.coder, c])).values()];
  const pair = agreement(latestByCoder.map((c) => ({ letterId: c.letterId, coder: c.coder, codedAt: c.codedAt, coding: c.coding as CodedValues })));
  const primaryByOther = others.some((c) => c.role === 'primary');
  const saved = typeof req.query.saved === 'string' && /^(\d{1,9}|second)$/.test(req.query.saved) ? req.query.saved : null;
  const removed = typeof req.query.samplesRemoved === 'string' && /^\d{1,6}$/.test(req.query.samplesRemoved) ? Number(req.query.samplesRemoved) : 0;
  res.render('letter', {
    title: `${letter.name ?? letter.fileName} · ${res.locals.t('let.title')}`,
    tf: tf(res),
    letter,
    segments: highlightSegments(letter.text, letter.analysis.evidence),
    evidence: letter.analysis.evidence,
    municipalities: listMunicipalities(db).map((m) => ({ kommunenummer: m.kommunenummer, name: m.name, county: m.county })),
    canCode: canPlan(user),
    codings: hideOthers ? [] : codings,
    hiddenCoders: hideOthers ? [...new Set(others.map((c) => c.coder))] : [],
    disagreements: hideOthers ? null : pair.letters > 0 ? pair.disagreements : null,
    values: extra.posted ?? formValues(letter, (mine?.coding as Record<string, unknown> | undefined) ?? null),
    defaultRole: primaryByOther && !mine ? 'second' : mine?.role ?? 'primary',
    fields: codedFields,
    channels,
    areaValues,
    thresholds: senderThresholds,
    error: extra.error ?? null,
    saved,
    samplesRemoved: removed,
    samplesWarning: canPlan(user) ? samplesWarning(db, letter) : null,
  });
}

/** The coding form (urlencoded) as the coding input `saveCoding` validates. */
export function formToCoding(body: Record<string, unknown>): Record<string, unknown> {
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
  const list = (k: string) => (Array.isArray(body[k]) ? (body[k] as unknown[]) : body[k] === undefined ? [] : [body[k]]).filter((x): x is string => typeof x === 'string');
  const evidence: Record<string, { start: number; end: number } | null> = {};
  for (const f of codedFields) {
    const v = str(`source_${f}`);
    if (v === 'none') evidence[f] = null;
    else if (/^\d+-\d+$/.test(v)) { const [start, end] = v.split('-').map(Number); evidence[f] = { start, end }; }
  }
  return {
    kommunenummer: str('kommunenummer'),
    wantsStation: str('wantsStation'),
    offersPremises: str('offersPremises') === 'true',
    premisesText: str('premisesText') || null,
    coLocation: str('coLocation').split(',').map((x) => x.trim()).filter(Boolean),
    satisfied: str('satisfied'),
    channels: Object.fromEntries(channels.map((c) => [c, str(`channel_${c}`) || 'not_answered'])),
    areas: list('areas'),
    receivedDate: str('receivedDate') || null,
    evidence,
    role: str('role') === 'second' ? 'second' : 'primary',
    note: str('note').slice(0, 1000),
  };
}

/** The letter pages: `/letters` (overview, search, upload) and `/letters/:id` (the letter, highlights, coding). */
export function lettersPages({ db }: AppDeps): Router {
  const router = appRouter();

  router.get('/letters', (req, res) => {
    const sample = req.query.sample;
    listPage(db, req, res, { message: sample === 'loaded' ? res.locals.t('let.samplesLoaded') : null, error: sample === 'conflict' ? res.locals.t('let.samplesConflict') : null });
  });

  router.post('/letters', async (req, res) => {
    try {
      const files = await receiveLetters(req, res);
      const dryRun = req.body?.dryRun === 'true' || req.body?.dryRun === 'on';
      const report = await intakeLetters(db, files, { dryRun, by: actorOf(req), now: new Date().toISOString(), channel: 'web', ...offThreadReaders });
      res.status(report.status === 'rejected' ? 422 : 200);
      listPage(db, req, res, { report });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      res.status(err.httpStatus);
      listPage(db, req, res, { error: messageOf(err, res.locals.locale) });
    }
  });

  router.post('/letters/sample', async (req, res) => {
    try {
      await loadSampleLetters(db, { by: actorOf(req), now: new Date().toISOString() });
      res.redirect(303, '/letters?sample=loaded');
    } catch (err) {
      if (!(err instanceof SampleLettersConflictError)) throw err;
      res.redirect(303, '/letters?sample=conflict');
    }
  });

  router.get('/letters/:id', (req, res) => {
    letterPage(db, req, res, visibleLetter(db, req, req.params.id));
  });

  router.post('/letters/:id/coding', (req, res) => {
    const letter = visibleLetter(db, req, req.params.id);
    const input = formToCoding((req.body ?? {}) as Record<string, unknown>);
    try {
      const out = saveCoding(db, letter.id, input, { by: actorOf(req), now: new Date().toISOString() });
      const removed = out.samplesReplaced > 0 ? `&samplesRemoved=${out.samplesReplaced}` : '';
      res.redirect(303, `/letters/${letter.id}?saved=${out.applied ? out.responseVersion : 'second'}${removed}`);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      res.status(err.httpStatus === 400 ? 422 : err.httpStatus);
      const posted = { ...input, coLocationText: (input.coLocation as string[]).join(', ') };
      letterPage(db, req, res, visibleLetter(db, req, req.params.id), { error: messageOf(err, res.locals.locale), posted });
    }
  });

  return router;
}
