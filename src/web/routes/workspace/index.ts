/**
 * The workspace feature: the map page and saved scenarios, the scenario API, the comparisons and the municipality
 * profile, each registered by its own module.
 */
import type { Router } from 'express';
import type { AppDeps } from '../../app';
import { appRouter } from '../../router';
import { comparePages } from './compare';
import { workspacePages } from './pages';
import { profilePage } from './profile';
import { scenarioApi } from './scenarios-api';

export { bestIndex, PROFILE_INDICATORS } from './common';

/** The workspace's routes (their paths do not overlap, so the order of the modules does not matter). */
export function workspace({ db }: AppDeps): Router {
  const router = appRouter();
  workspacePages(router, db);
  scenarioApi(router, db);
  comparePages(router, db);
  profilePage(router, db);
  return router;
}
