import type { Router } from 'express';
import { appRouter } from '../router';
import type { AppDeps } from '../app';
import { GLOSSARY } from '../help';

/** Small HTML routes. The planner's main page `/` lives in `workspace.ts`. Views get only values computed here, never raw query input. */
export function pages(_deps: AppDeps): Router {
  const router = appRouter();
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  router.get('/help', (_req, res) => {
    res.render('help', { title: res.locals.t('help.title'), glossary: GLOSSARY });
  });
  return router;
}
