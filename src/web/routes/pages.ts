import { Router } from 'express';
import type { AppDeps } from '../app';

/** HTML pages. Views get only values computed here, never raw query input. */
export function pages(_deps: AppDeps): Router {
  const router = Router();
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  router.get('/', (_req, res) => {
    res.render('map', { title: res.locals.t('nav.map') });
  });
  return router;
}
