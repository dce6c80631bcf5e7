import path from 'node:path';
import express from 'express';
import compression from 'compression';
import type { Db } from '../db/connection';
import { errorHandler, notFoundHandler } from './errors';
import { localeMiddleware } from './locale';
import { municipalitiesApi } from './routes/municipalities-api';
import { pages } from './routes/pages';
import { responsesRoutes, sampleAnswersMiddleware } from './routes/responses';
import { planningApi } from './routes/planning-api';
import { workspace } from './routes/workspace';
import { shortlistRoutes } from './routes/shortlists';

export interface AppDeps {
  db: Db;
}

const root = path.resolve(__dirname, '..', '..');

/**
 * Builds the Express application around an open database. Importable for tests
 * (`createApp({ db })` with supertest); `src/server.ts` is the thin process shell.
 */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', path.join(root, 'views'));
  app.use(compression());
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use('/static', express.static(path.join(root, 'static'), { maxAge: '1h' }));
  app.use('/vendor/leaflet', express.static(path.join(root, 'node_modules', 'leaflet', 'dist'), { maxAge: '1d' }));
  app.use(localeMiddleware(deps.db));
  app.use(sampleAnswersMiddleware(deps.db));
  app.use(municipalitiesApi(deps));
  app.use(planningApi(deps));
  app.use(workspace(deps));
  app.use(pages(deps));
  app.use(responsesRoutes(deps));
  app.use(shortlistRoutes(deps));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
