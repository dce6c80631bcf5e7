import type { Router } from 'express';
import { appRouter } from '../router';
import type { AppDeps } from '../app';
import { readSources } from '../../export/report-model';
import { sourceInLocale } from '../../model/source-labels';
import type { Locale } from '../../common/i18n';
import { GLOSSARY } from '../help';

/** Small HTML routes. The planner's main page `/` lives in `workspace.ts`. Views get only values computed here, never raw query input. */
export function pages(_deps: AppDeps): Router {
  const router = appRouter();
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  // Where every figure comes from: the sources of data/vintage.json in the reader's language.
  router.get('/sources', (_req, res) => {
    const locale = res.locals.locale as Locale;
    res.render('sources', { title: res.locals.t('sources.title'), sources: readSources().map((s) => sourceInLocale(locale, s)) });
  });
  router.get('/help', (_req, res) => {
    res.render('help', { title: res.locals.t('help.title'), glossary: GLOSSARY });
  });
  return router;
}
