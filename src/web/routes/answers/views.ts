/**
 * The view models of the answers: an answer as the API shows it, the filtered list with its tallies,
 * the import page and one municipality's answer page (with its correction form).
 */
import type { Response } from 'express';
import type { Db } from '../../../db/connection';
import type { Locale, MessageKey } from '../../../common/i18n';
import { NotFoundError } from '../../../common/errors';
import { getMunicipality, listBoundaries, listMunicipalities, listPoliceDistricts, type Municipality } from '../../../db/municipalities-repo';
import { answersStatus, contentOf, getResponse, listImports, listResponses, responseHistory, type StoredResponse } from '../../../db/responses-repo';
import {
  areaWords, channelColumns, channels, importLimits, maxPremisesPerRow, premisesColumn, premisesSuffixes, satisfiedValues, satisfiedWords, trendWords,
  wantsValues, wantsWords,
} from '../../../model/answers';
import { describeProblem, fillTemplate, referenceFromDb, type ImportReport } from '../../../import/responses-import';
import { validateRecord, type Problem } from '../../../import/responses-validate';
import { contentToRecord } from '../../../import/responses-write';
import { canPlan } from '../../../auth/policy';
import { IMPORT_COUNT_LABEL } from '../../labels';
import { premisesClasses, type PremisesClass, type AnswersFilter } from './schemas';

function premisesClass(r: StoredResponse): PremisesClass {
  if (r.q5.premises.length === 0) return 'none';
  return r.q5.premises.some((p) => p.coLocatedWith.trim() !== '') ? 'co_located' : 'offered';
}

/** A municipality, or a 404 naming the kommunenummer. */
export function requireMunicipality(db: Db, knr: string): Municipality {
  const m = getMunicipality(db, knr);
  if (!m) throw new NotFoundError({ key: 'err.noMunicipality', params: { knr } });
  return m;
}

/** An answer as the API shows it: the municipality's name and district, and `sample: true` for sample data. */
export function apiAnswer(r: StoredResponse, m: Municipality | undefined | null) {
  return { ...r, name: m?.name ?? null, policeDistrict: m?.policeDistrict ?? null, premisesClass: premisesClass(r) };
}

function tally<T extends string>(values: readonly T[], keys: readonly T[]): Record<T, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
  for (const v of values) out[v] += 1;
  return out;
}

/** The stored answers that pass a filter, with the municipalities by kommunenummer. */
export function filteredAnswers(db: Db, f: AnswersFilter) {
  const municipalities = listMunicipalities(db);
  const byKnr = new Map(municipalities.map((m) => [m.kommunenummer, m]));
  const all = listResponses(db);
  const shown = all.filter(
    (r) =>
      (!f.wants || r.q5.wantsStation === f.wants) &&
      (!f.satisfied || r.q2.satisfied === f.satisfied) &&
      (!f.premises || premisesClass(r) === f.premises) &&
      (!f.district || byKnr.get(r.kommunenummer)?.policeDistrictNumber === f.district),
  );
  return { municipalities, byKnr, all, shown };
}

/** Renders the answers list: the filtered rows and the tallies of what is shown. */
export function renderAnswersList(db: Db, res: Response, filter: AnswersFilter): void {
  const { municipalities, byKnr, all, shown } = filteredAnswers(db, filter);
  res.render('responses', {
    title: res.locals.t('resp.title'),
    filter,
    districts: listPoliceDistricts(db),
    rows: shown.map((r) => ({ r, m: byKnr.get(r.kommunenummer), premises: premisesClass(r) })),
    total: all.length,
    municipalities: municipalities.length,
    counts: {
      wants: tally(shown.map((r) => r.q5.wantsStation), wantsValues),
      premises: tally(shown.map(premisesClass), premisesClasses),
      satisfied: tally(shown.map((r) => r.q2.satisfied), satisfiedValues),
    },
    showing: fillTemplate(res.locals.t('resp.showing'), { shown: String(shown.length), total: String(all.length) }),
    missing: fillTemplate(res.locals.t('resp.missing'), { count: String(municipalities.length - all.length), all: String(municipalities.length) }),
  });
}

/** Renders the import page, with a report, a notice or an error. */
export function renderImportPage(
  db: Db, res: Response, extra: { report?: ImportReport | null; message?: string | null; error?: string | null; dryRun?: boolean },
): void {
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
    locale: res.locals.locale as Locale,
  });
}

/** What the answer page shows besides the stored answer: a refused correction, or a notice after one. */
export interface AnswerForm {
  values?: Record<string, string>;
  problems?: Problem[];
  note?: string;
  saved?: string | null;
  unchanged?: boolean;
}

/** Renders one municipality's answer, its history and the correction form. */
export function renderAnswerPage(db: Db, res: Response, knr: string, form: AnswerForm = {}): void {
  const m = requireMunicipality(db, knr);
  const current = getResponse(db, knr);
  const locale = res.locals.locale as Locale;
  // Warnings for the stored answer (e.g. premises outside the boundary), computed the same way as at import.
  const storedWarnings: Problem[] = [];
  const values = form.values ?? (current ? contentToRecord(contentOf(current), m.name) : { kommunenummer: knr, kommunenavn: m.name });
  if (current && !form.problems) validateRecord(0, values, referenceFromDb(db), storedWarnings);
  const described = (p: Problem) => ({ ...p, message: describeProblem(locale, p) });
  res.render('response', {
    title: `${m.name} · ${res.locals.t('resp.title')}`,
    m, current, values,
    history: responseHistory(db, knr).reverse(),
    problems: (form.problems ?? []).map(described),
    warnings: storedWarnings.filter((p) => p.severity === 'warning').map(described),
    canCorrect: canPlan(res.locals.user),
    note: form.note ?? '',
    saved: form.saved ? fillTemplate(res.locals.t('resp.correct.saved'), { version: form.saved }) : null,
    unchanged: form.unchanged ?? false,
    maxPremises: maxPremisesPerRow, channels, channelColumns, premisesColumn, premisesSuffixes,
    options: { areas: Object.entries(areaWords), satisfied: Object.entries(satisfiedWords), trend: Object.entries(trendWords), wants: Object.entries(wantsWords) },
    mapData: {
      boundary: listBoundaries(db).get(knr) ?? null,
      premises: (current?.q5.premises ?? [])
        .map((p, i) => ({ n: i + 1, address: p.address, lon: p.lon, lat: p.lat }))
        .filter((p) => p.lon !== null && p.lat !== null),
    },
  });
}
