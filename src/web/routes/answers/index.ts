/**
 * The answers of the municipalities: import (API and page), reading, correcting, sample data. The
 * routes only: request schemas in `schemas.ts`, the upload in `upload.ts`, handlers in `api.ts` and
 * `pages.ts`, page models in `views.ts`; the use cases are in `src/import` and `src/samples`.
 */
import type { RequestHandler, Router } from 'express';
import type { AppDeps } from '../../app';
import type { Db } from '../../../db/connection';
import { answersStatus } from '../../../db/responses-repo';
import { appRouter } from '../../router';
import { answerApi, historyApi, importApi, listApi, sampleApi } from './api';
import { answerPage, correctionForm, csvTemplateHandler, importForm, importPage, listPage, sampleForm, xlsxTemplateHandler } from './pages';

export { answersFilter, type AnswersFilter } from './schemas';

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

export function answersRoutes({ db }: AppDeps): Router {
  const router = appRouter();
  router.post('/api/import/responses', importApi(db));
  router.post('/api/responses/sample', sampleApi(db));
  router.get('/api/responses', listApi(db));
  router.get('/api/responses/:kommunenummer', answerApi(db));
  router.get('/api/responses/:kommunenummer/history', historyApi(db));

  router.get('/import/template.csv', csvTemplateHandler);
  router.get('/import/template.xlsx', xlsxTemplateHandler);
  router.get('/import', importPage(db));
  router.post('/import', importForm(db));
  router.post('/import/sample', sampleForm(db));
  router.get('/responses', listPage(db));
  router.get('/responses/:kommunenummer', answerPage(db));
  router.post('/responses/:kommunenummer', correctionForm(db));
  return router;
}
