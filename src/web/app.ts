import path from 'node:path';
import express from 'express';
import compression from 'compression';
import type { Db } from '../db/connection';
import { errorHandler, notFoundHandler } from './errors';
import { localeMiddleware } from './locale';
import { municipalitiesApi } from './routes/municipalities-api';
import { pages } from './routes/pages';
import { shortlistEditRoutes } from './routes/shortlist-edit';
import { answersRoutes, sampleAnswersMiddleware } from './routes/answers';
import { planningApi } from './routes/planning-api';
import { proposalRoutes } from './routes/proposals';
import { workspace } from './routes/workspace';
import { shortlistRoutes } from './routes/shortlists';
import { travelMatrixRoutes } from './routes/travel-matrices';
import { authRoutes } from './routes/auth';
import { lettersApi } from './routes/letters-api';
import { lettersPages } from './routes/letters-pages';
import { authenticate } from './auth-middleware';
import { csrfProtection } from './csrf';
import { authorize } from './access';
import { securityHeaders } from './security';
import { heavyRateLimit, type HeavyLimitOptions } from './heavy-limit';
import { getProposalK } from '../db/proposals-repo';
import { getScenario } from '../db/scenarios-repo';
import { useHeavyRunner, type HeavyRunner } from '../planning/heavy';
import { processWorkerPool } from '../planning/worker-pool';

/** `Cache-Control: no-store` for everything served after the static files. */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export interface AppDeps {
  db: Db;
  /** Where robustness and exact solves run (default: the process's worker pool). */
  heavy?: HeavyRunner;
  /** Per-account limit on heavy requests (default `heavyLimits`). */
  heavyLimits?: HeavyLimitOptions;
}

const root = path.resolve(__dirname, '..', '..');

/**
 * Builds the Express application around an open database. Importable for tests
 * (`createApp({ db })` with supertest); `src/server.ts` is the thin process shell.
 */
export function createApp(deps: AppDeps): express.Express {
  useHeavyRunner(deps.heavy ?? processWorkerPool());
  const app = express();
  // Routes match exactly as written (set before the first route or middleware creates the router);
  // the access policy normalises paths the same way for its rules (`policyPath`).
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.disable('x-powered-by');
  app.set('view engine', 'ejs');
  app.set('views', path.join(root, 'views'));
  app.use(securityHeaders());
  app.use(compression());
  app.use('/static', express.static(path.join(root, 'static'), { maxAge: '1h' }));
  app.use('/vendor/leaflet', express.static(path.join(root, 'node_modules', 'leaflet', 'dist'), { maxAge: '1d' }));
  // Nothing below the static files may be kept by a browser or proxy: pages, API and exports are per user.
  app.use(noStore);
  // The language first, so even a body the parsers refuse gets its message in the user's language.
  app.use(localeMiddleware(deps.db));
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 2000 }));
  // Who is asking, whether they may, and (for cookie sessions) whether the request came from our own pages.
  app.use(authenticate(deps.db));
  app.use(authorize);
  app.use(csrfProtection);
  app.use(heavyRateLimit(deps.heavyLimits, Date.now, {
    proposal: (id) => getProposalK(deps.db, id), scenario: (id) => getScenario(deps.db, id)?.params.k ?? null,
  }));
  app.use(sampleAnswersMiddleware(deps.db));
  app.use(authRoutes(deps));
  app.use(municipalitiesApi(deps));
  app.use(planningApi(deps));
  app.use(proposalRoutes(deps));
  app.use(workspace(deps));
  app.use(pages(deps));
  app.use(answersRoutes(deps));
  app.use(shortlistRoutes(deps));
  app.use(shortlistEditRoutes(deps));
  app.use(lettersApi(deps));
  app.use(lettersPages(deps));
  app.use(travelMatrixRoutes(deps));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
