import { type Request, type RequestHandler, type Response, type Router } from 'express';
import { appRouter } from '../router';
import multer from 'multer';
import { importOutcomes, type ImportOutcome } from '../import-outcomes';
import { checkDeferredCsrf } from '../auth-middleware';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { Db } from '../../db/connection';
import { getMunicipality, listBoundaries, listMunicipalities, listPoliceDistricts, type Municipality } from '../../db/municipalities-repo';
import {
  answersStatus,
  contentOf,
  getResponse,
  listImports,
  listResponses,
  responseHistory,
  saveResponse,
  type StoredResponse,
} from '../../db/responses-repo';
import {
  channelColumns,
  channels,
  contentKey,
  importLimits,
  maxPremisesPerRow,
  premisesColumn,
  premisesSuffixes,
  satisfiedValues,
  satisfiedWords,
  trendWords,
  wantsValues,
  wantsWords,
} from '../../model/answers';
import { describeProblem, fillTemplate, importResponses, referenceFromDb, SampleConflictError, type ImportReport } from '../../import/responses-import';
import { validateRecord, type Problem } from '../../import/responses-validate';
import { contentToRecord } from '../../import/responses-write';
import { csvTemplate, xlsxTemplate } from '../../import/templates';
import { loadSampleAnswers } from '../../samples';
import type { Locale, MessageKey } from '../../common/i18n';
import { AppError, ValidationError, NotFoundError, PayloadTooLargeError, ZodValidationError, shownValue, messageOf } from '../../common/errors';
import { actorOf } from '../actor';
import { IMPORT_COUNT_LABEL } from '../labels';
import { kommunenummerParam } from '../validate';
import type { Kommunenummer } from '../../common/kommunenummer';
import { canPlan } from '../../auth/policy';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'on');

const importFields = z.object({
  dryRun: booleanFlag,
});

/** Filters of the answers list (query string), each optional. */
export const responsesFilter = z.object({
  wants: z.enum(wantsValues).optional(),
  premises: z.enum(['none', 'offered', 'co_located']).optional(),
  satisfied: z.enum(satisfiedValues).optional(),
  district: z.string().regex(/^p\d\d$/).optional(),
});
export type ResponsesFilter = z.output<typeof responsesFilter>;

/** Treats empty query values (`?wants=`) as absent, so a form with "all" selected validates. */
function queryWithoutEmpty(query: Request['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: importLimits.maxFileBytes, files: 1, fields: 10 },
  defParamCharset: 'utf8',
}).single('file');

/** Runs multer; a too-large file becomes a 413 AppError with a clear message. */
function receiveFile(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    upload(req, res, (err: unknown) => {
      if (!err) {
        try {
          checkDeferredCsrf(req);
        } catch (e) {
          return reject(e);
        }
        return resolve();
      }
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
        return reject(new PayloadTooLargeError({ key: 'err.uploadTooLarge', params: { max: importLimits.maxFileBytes } }));
      }
      // Anything else multer or busboy says (no or a bad boundary, a truncated body) is about the request, not a bug.
      const detail = err instanceof multer.MulterError ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
      reject(new ValidationError({ key: 'err.multipart', params: { detail: shownValue(detail) } }));
    });
  });
}

/**
 * Sets `res.locals.sampleAnswers` (true while sample answers are loaded) so every page can show the
 * sample-data banner. Mounted right after the locale middleware.
 */
export function sampleAnswersMiddleware(db: Db): RequestHandler {
  return (_req, res, next) => {
    res.locals.sampleAnswers = answersStatus(db).sample;
    next();
  };
}

type PremisesClass = 'none' | 'offered' | 'co_located';

function premisesClass(r: StoredResponse): PremisesClass {
  if (r.q5.premises.length === 0) return 'none';
  return r.q5.premises.some((p) => p.coLocatedWith.trim() !== '') ? 'co_located' : 'offered';
}

/** An answer as the API shows it: the municipality's name and district, and `sample: true` for sample data. */
function apiAnswer(r: StoredResponse, m: Municipality | undefined | null) {
  return { ...r, name: m?.name ?? null, policeDistrict: m?.policeDistrict ?? null, premisesClass: premisesClass(r) };
}

function filterAnswers(answers: readonly StoredResponse[], byKnr: ReadonlyMap<string, Municipality>, f: ResponsesFilter): StoredResponse[] {
  return answers.filter(
    (r) =>
      (!f.wants || r.q5.wantsStation === f.wants) &&
      (!f.satisfied || r.q2.satisfied === f.satisfied) &&
      (!f.premises || premisesClass(r) === f.premises) &&
      (!f.district || byKnr.get(r.kommunenummer)?.policeDistrictNumber === f.district),
  );
}

function tally<T extends string>(values: readonly T[], keys: readonly T[]): Record<T, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
  for (const v of values) out[v] += 1;
  return out;
}

function localeOf(res: Response): Locale {
  return res.locals.locale as Locale;
}

function parseKnr(raw: string): Kommunenummer {
  return kommunenummerParam(raw);
}

function requireMunicipality(db: Db, knr: string): Municipality {
  const m = getMunicipality(db, knr);
  if (!m) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr } });
  return m;
}

/** Runs an uploaded import as the signed-in user; the caller decides how to show the report. */
async function runUpload(db: Db, req: Request, res: Response): Promise<ImportReport> {
  await receiveFile(req, res);
  const fields = importFields.safeParse({ dryRun: req.body?.dryRun ?? req.query.dryRun });
  if (!fields.success) throw new ValidationError({ key: 'err.dryRun' });
  if (!req.file) throw new ValidationError({ key: 'err.noFile' }, undefined, 'no_file');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(req.file.originalname)) throw new ValidationError({ key: 'err.fileName' }, undefined, 'invalid_file_name');
  return importResponses(db, req.file.buffer, {
    fileName: req.file.originalname || 'upload',
    dryRun: fields.data.dryRun,
    by: actorOf(req),
    now: new Date().toISOString(),
    locale: localeOf(res),
  });
}

/** Answers of the municipalities: import (API, CLI-equivalent, page), reading, correcting, sample data. */
export function responsesRoutes({ db }: AppDeps): Router {
  const router = appRouter();

  // ------------------------------------------------------------------ JSON API
  router.post('/api/import/responses', async (req, res) => {
    const report = await runUpload(db, req, res);
    res.status(report.status === 'rejected' ? 422 : 200).json(report);
  });

  router.post('/api/responses/sample', async (req, res) => {
    // Real answers loaded: SampleConflictError, a 409 (the error middleware answers).
    const report = await loadSampleAnswers(db, { by: actorOf(req), now: new Date().toISOString(), locale: localeOf(res) });
    res.status(report.status === 'rejected' ? 422 : 200).json(report);
  });

  router.get('/api/responses', (req, res) => {
    const filter = responsesFilter.safeParse(queryWithoutEmpty(req.query));
    if (!filter.success) throw new ZodValidationError(filter.error);
    const byKnr = new Map(listMunicipalities(db).map((m) => [m.kommunenummer, m]));
    const all = listResponses(db);
    const shown = filterAnswers(all, byKnr, filter.data);
    res.json({ ...answersStatus(db), total: all.length, shown: shown.length, responses: shown.map((r) => apiAnswer(r, byKnr.get(r.kommunenummer))) });
  });

  router.get('/api/responses/:kommunenummer', (req, res) => {
    const knr = parseKnr(req.params.kommunenummer);
    const m = requireMunicipality(db, knr);
    const r = getResponse(db, knr);
    if (!r) throw new NotFoundError({ key: 'err.noAnswer', params: { knr, name: m.name } });
    res.json(apiAnswer(r, m));
  });

  router.get('/api/responses/:kommunenummer/history', (req, res) => {
    const knr = parseKnr(req.params.kommunenummer);
    const m = requireMunicipality(db, knr);
    const current = getResponse(db, knr);
    res.json({ kommunenummer: knr, name: m.name, current: current ? apiAnswer(current, m) : null, history: responseHistory(db, knr) });
  });

  // ------------------------------------------------------------------ templates
  router.get('/import/template.csv', (_req, res) => {
    res.type('text/csv; charset=utf-8').attachment('svar-mal.csv').send(csvTemplate());
  });
  router.get('/import/template.xlsx', async (_req, res) => {
    const buffer = await xlsxTemplate();
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment('svar-mal.xlsx').send(buffer);
  });

  // ------------------------------------------------------------------ pages
  const importPage = (res: Response, extra: { report?: ImportReport | null; message?: string | null; error?: string | null; dryRun?: boolean }) => {
    const locale = localeOf(res);
    res.render('import', {
      title: res.locals.t('import.title'),
      status: answersStatus(db),
      imports: listImports(db, 5),
      report: extra.report ?? null,
      countKeys: Object.keys(IMPORT_COUNT_LABEL),
      message: extra.message ?? null,
      error: extra.error ?? null,
      canImport: canPlan(res.locals.user),
      dryRun: extra.dryRun ?? true,
      maxFileBytes: importLimits.maxFileBytes,
      tf: (key: MessageKey, params: Record<string, string | number>) => fillTemplate(res.locals.t(key), Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))),
      locale,
    });
  };

  router.get('/import', (req, res) => {
    const sample = req.query.sample === 'loaded' ? 'loaded' : req.query.sample === 'conflict' ? 'conflict' : null;
    const outcome = typeof req.query.result === 'string' ? importOutcomes.take(req.query.result, req.auth?.user.id) : null;
    if (outcome?.report) res.status(outcome.report.status === 'rejected' ? 422 : 200);
    else if (outcome) res.status(outcome.status);
    importPage(res, {
      report: outcome?.report ?? null, dryRun: outcome?.report?.dryRun ?? true,
      message: sample === 'loaded' ? res.locals.t('import.sample.loaded') : null,
      error: sample === 'conflict' ? res.locals.t('import.sample.conflict') : outcome && !outcome.report ? outcome.errorText : null,
    });
  });

  // Post/redirect/get: the outcome is kept for the one page that shows it, so a reload shows it
  // again instead of sending the file a second time.
  router.post('/import', async (req, res) => {
    let outcome: ImportOutcome;
    try {
      outcome = { report: await runUpload(db, req, res), status: 200, errorText: '' };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const text = err.httpStatus === 413 ? res.locals.t('import.tooLarge') : err.code === 'no_file' ? res.locals.t('import.noFile') : messageOf(err, localeOf(res));
      if (err.httpStatus === 403) throw err;
      outcome = { report: null, status: err.httpStatus, errorText: text };
    }
    res.redirect(303, `/import?result=${importOutcomes.put(outcome, req.auth?.user.id)}`);
  });

  router.post('/import/sample', async (req, res) => {
    try {
      await loadSampleAnswers(db, { by: actorOf(req), now: new Date().toISOString(), locale: localeOf(res) });
      res.redirect(303, '/import?sample=loaded');
    } catch (err) {
      if (!(err instanceof SampleConflictError)) throw err;
      res.redirect(303, '/import?sample=conflict');
    }
  });

  router.get('/responses', (req, res) => {
    const filter = responsesFilter.safeParse(queryWithoutEmpty(req.query));
    if (!filter.success) throw new ZodValidationError(filter.error);
    const municipalities = listMunicipalities(db);
    const byKnr = new Map(municipalities.map((m) => [m.kommunenummer, m]));
    const all = listResponses(db);
    const shown = filterAnswers(all, byKnr, filter.data);
    res.render('responses', {
      title: res.locals.t('resp.title'),
      filter: filter.data,
      districts: listPoliceDistricts(db),
      rows: shown.map((r) => ({ r, m: byKnr.get(r.kommunenummer), premises: premisesClass(r) })),
      total: all.length,
      municipalities: municipalities.length,
      counts: {
        wants: tally(shown.map((r) => r.q5.wantsStation), wantsValues),
        premises: tally(shown.map(premisesClass), ['none', 'offered', 'co_located'] as const),
        satisfied: tally(shown.map((r) => r.q2.satisfied), satisfiedValues),
      },
      showing: fillTemplate(res.locals.t('resp.showing'), { shown: String(shown.length), total: String(all.length) }),
      missing: fillTemplate(res.locals.t('resp.missing'), { count: String(municipalities.length - all.length), all: String(municipalities.length) }),
    });
  });

  const responsePage = (
    res: Response,
    knr: string,
    form: { values?: Record<string, string>; problems?: Problem[]; note?: string; saved?: string | null; unchanged?: boolean } = {},
  ) => {
    const m = requireMunicipality(db, knr);
    const current = getResponse(db, knr);
    const locale = localeOf(res);
    // Warnings for the stored answer (e.g. premises outside the boundary), computed the same way as at import.
    const storedWarnings: Problem[] = [];
    const values = form.values ?? (current ? contentToRecord(contentOf(current), m.name) : { kommunenummer: knr, kommunenavn: m.name });
    if (current && !form.problems) validateRecord(0, values, referenceFromDb(db), storedWarnings);
    const boundary = listBoundaries(db).get(knr) ?? null;
    res.render('response', {
      title: `${m.name} · ${res.locals.t('resp.title')}`,
      m,
      current,
      history: responseHistory(db, knr).reverse(),
      values,
      problems: (form.problems ?? []).map((p) => ({ ...p, message: describeProblem(locale, p) })),
      warnings: storedWarnings.filter((p) => p.severity === 'warning').map((p) => ({ ...p, message: describeProblem(locale, p) })),
      canCorrect: canPlan(res.locals.user),
      note: form.note ?? '',
      saved: form.saved ? fillTemplate(res.locals.t('resp.correct.saved'), { version: form.saved }) : null,
      unchanged: form.unchanged ?? false,
      maxPremises: maxPremisesPerRow,
      channels,
      channelColumns,
      premisesColumn,
      premisesSuffixes,
      options: { satisfied: Object.entries(satisfiedWords), trend: Object.entries(trendWords), wants: Object.entries(wantsWords) },
      mapData: {
        boundary,
        premises: (current?.q5.premises ?? [])
          .map((p, i) => ({ n: i + 1, address: p.address, lon: p.lon, lat: p.lat }))
          .filter((p) => p.lon !== null && p.lat !== null),
      },
    });
  };

  router.get('/responses/:kommunenummer', (req, res) => {
    const knr = parseKnr(req.params.kommunenummer);
    const saved = typeof req.query.saved === 'string' && /^\d{1,6}$/.test(req.query.saved) ? req.query.saved : null;
    responsePage(res, knr, { saved, unchanged: req.query.unchanged === '1' });
  });

  router.post('/responses/:kommunenummer', (req, res) => {
    const knr = parseKnr(req.params.kommunenummer);
    const m = requireMunicipality(db, knr);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') values[k] = v;
    values.kommunenummer = knr;
    values.kommunenavn = '';
    const note = (values.endringsmerknad ?? '').trim().slice(0, 1000);
    delete values._csrf;
    delete values.endringsmerknad;
    const problems: Problem[] = [];
    const content = validateRecord(0, values, referenceFromDb(db), problems);
    const errors = problems.filter((p) => p.severity === 'error');
    if (!content || errors.length > 0) {
      res.status(422);
      return responsePage(res, knr, { values: { ...values, kommunenavn: m.name }, problems: errors, note });
    }
    const current = getResponse(db, knr);
    if (current && contentKey(contentOf(current)) === contentKey(content)) return res.redirect(303, `/responses/${knr}?unchanged=1`);
    const version = saveResponse(
      db,
      content,
      { source: 'entered by hand', isSample: current?.sample ?? false, importId: null, changedBy: actorOf(req), changedAt: new Date().toISOString() },
      'correction',
      note,
    );
    res.redirect(303, `/responses/${knr}?saved=${version}`);
  });

  return router;
}
