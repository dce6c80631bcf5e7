/** The answers' pages: the import page (upload, sample answers), the list, and one answer with its correction form. */
import { importOutcomes, type ImportOutcome } from '../../import-outcomes';
import type { RequestHandler } from 'express';
import type { Db } from '../../../db/connection';
import type { Locale } from '../../../common/i18n';
import { AppError, messageOf } from '../../../common/errors';
import { SampleConflictError } from '../../../import/responses-import';
import { correctAnswer } from '../../../import/answer-correction';
import { csvTemplate, xlsxTemplate } from '../../../import/templates';
import { loadSampleAnswers } from '../../../samples';
import { actorOf } from '../../actor';
import { kommunenummerParam, parse } from '../../validate';
import { answerPageQuery, correctionBody, importPageQuery, queryWithoutEmpty, answersFilter } from './schemas';
import { importStatus, runUpload } from './upload';
import { renderAnswerPage, renderAnswersList, renderImportPage, requireMunicipality } from './views';

export const csvTemplateHandler: RequestHandler = (_req, res) => {
  res.type('text/csv; charset=utf-8').attachment('svar-mal.csv').send(csvTemplate());
};

export const xlsxTemplateHandler: RequestHandler = async (_req, res) => {
  const buffer = await xlsxTemplate();
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment('svar-mal.xlsx').send(buffer);
};

export function importPage(db: Db): RequestHandler {
  return (req, res) => {
    const { sample } = parse(importPageQuery, { sample: req.query.sample });
    const outcome = typeof req.query.result === 'string' ? importOutcomes.take(req.query.result, req.auth?.user.id) : null;
    if (outcome?.report) res.status(importStatus(outcome.report));
    else if (outcome) res.status(outcome.status);
    renderImportPage(db, res, {
      report: outcome?.report ?? null, dryRun: outcome?.report?.dryRun ?? true,
      message: sample === 'loaded' ? res.locals.t('import.sample.loaded') : null,
      error: sample === 'conflict' ? res.locals.t('import.sample.conflict') : outcome && !outcome.report ? outcome.errorText : null,
    });
  };
}

/**
 * `POST /import`, post/redirect/get: the outcome (the report, or why the upload was refused) is kept
 * for the page it redirects to, so a reload shows it again instead of sending the file a second time.
 */
export function importForm(db: Db): RequestHandler {
  return async (req, res) => {
    let outcome: ImportOutcome;
    try {
      outcome = { report: await runUpload(db, req, res), status: 200, errorText: '' };
    } catch (err) {
      if (!(err instanceof AppError) || err.httpStatus === 403) throw err;
      const text = err.httpStatus === 413 ? res.locals.t('import.tooLarge') : err.code === 'no_file' ? res.locals.t('import.noFile') : messageOf(err, res.locals.locale as Locale);
      outcome = { report: null, status: err.httpStatus, errorText: text };
    }
    res.redirect(303, `/import?result=${importOutcomes.put(outcome, req.auth?.user.id)}`);
  };
}

export function sampleForm(db: Db): RequestHandler {
  return async (req, res) => {
    try {
      await loadSampleAnswers(db, { by: actorOf(req), now: new Date().toISOString(), locale: res.locals.locale as Locale });
      res.redirect(303, '/import?sample=loaded');
    } catch (err) {
      if (!(err instanceof SampleConflictError)) throw err;
      res.redirect(303, '/import?sample=conflict');
    }
  };
}

export function listPage(db: Db): RequestHandler {
  return (req, res) => renderAnswersList(db, res, parse(answersFilter, queryWithoutEmpty(req.query)));
}

export function answerPage(db: Db): RequestHandler {
  return (req, res) => {
    const knr = kommunenummerParam(req.params.kommunenummer);
    const { saved, unchanged } = parse(answerPageQuery, req.query);
    renderAnswerPage(db, res, knr, { saved, unchanged });
  };
}

/** `POST /responses/:kommunenummer`: a refused correction is the form again (422) with the problems. */
export function correctionForm(db: Db): RequestHandler {
  return (req, res) => {
    const knr = kommunenummerParam(req.params.kommunenummer);
    const m = requireMunicipality(db, knr);
    const { values, note } = parse(correctionBody, req.body);
    const outcome = correctAnswer(db, knr, values, note, actorOf(req), new Date().toISOString());
    switch (outcome.status) {
      case 'invalid':
        res.status(422);
        return renderAnswerPage(db, res, knr, { values: { ...values, kommunenummer: knr, kommunenavn: m.name }, problems: outcome.problems, note });
      case 'unchanged':
        return res.redirect(303, `/responses/${knr}?unchanged=1`);
      case 'saved':
        return res.redirect(303, `/responses/${knr}?saved=${outcome.version}`);
    }
  };
}
