/** The answers' JSON API: import, sample answers, the filtered list, one answer and its history. */
import type { RequestHandler } from 'express';
import type { Db } from '../../../db/connection';
import type { Locale } from '../../../common/i18n';
import { NotFoundError } from '../../../common/errors';
import { answersStatus, getResponse, responseHistory } from '../../../db/responses-repo';
import { loadSampleAnswers } from '../../../samples';
import { actorOf } from '../../actor';
import { kommunenummerParam, parse } from '../../validate';
import { queryWithoutEmpty, answersFilter } from './schemas';
import { importStatus, runUpload } from './upload';
import { apiAnswer, filteredAnswers, requireMunicipality } from './views';

export function importApi(db: Db): RequestHandler {
  return async (req, res) => {
    const report = await runUpload(db, req, res);
    res.status(importStatus(report)).json(report);
  };
}

/** Loads the sample answers; with real answers loaded this is a `SampleConflictError` (409, the error middleware answers). */
export function sampleApi(db: Db): RequestHandler {
  return async (req, res) => {
    const report = await loadSampleAnswers(db, { by: actorOf(req), now: new Date().toISOString(), locale: res.locals.locale as Locale });
    res.status(importStatus(report)).json(report);
  };
}

export function listApi(db: Db): RequestHandler {
  return (req, res) => {
    const { byKnr, all, shown } = filteredAnswers(db, parse(answersFilter, queryWithoutEmpty(req.query)));
    res.json({ ...answersStatus(db), total: all.length, shown: shown.length, responses: shown.map((r) => apiAnswer(r, byKnr.get(r.kommunenummer))) });
  };
}

export function answerApi(db: Db): RequestHandler {
  return (req, res) => {
    const knr = kommunenummerParam(req.params.kommunenummer);
    const m = requireMunicipality(db, knr);
    const r = getResponse(db, knr);
    if (!r) throw new NotFoundError({ key: 'err.noAnswer', params: { knr, name: m.name } });
    res.json(apiAnswer(r, m));
  };
}

export function historyApi(db: Db): RequestHandler {
  return (req, res) => {
    const knr = kommunenummerParam(req.params.kommunenummer);
    const m = requireMunicipality(db, knr);
    const current = getResponse(db, knr);
    res.json({ kommunenummer: knr, name: m.name, current: current ? apiAnswer(current, m) : null, history: responseHistory(db, knr) });
  };
}
