/**
 * Shortlists, police district review and exports: HTML pages (forms, post/redirect/get), a small
 * JSON API, and the export downloads. Parse at the edge with zod, call the shortlist service or
 * the exporters, render. Timestamps and the actor (the signed-in user) come from here (the shell).
 *
 * Access: `src/auth/policy.ts` decides by role and path; this file adds the data-dependent rule of
 * issue 7: a district leader reads and assesses only their own police district.
 */
import type { Router } from 'express';
import type { AppDeps } from '../../app';
import { appRouter } from '../../router';
import { shortlistApi } from './api';
import { exportRoutes } from './exports';
import { shortlistDetailPages, shortlistPages } from './pages';
import { reviewPages } from './review';

export { requireShortlist, siteChoice } from './common';

/** The shortlist routes, registered per part in their original order. */
export function shortlistRoutes({ db }: AppDeps): Router {
  const router = appRouter();
  shortlistApi(router, db);
  shortlistPages(router, db);
  shortlistDetailPages(router, db);
  reviewPages(router, db);
  exportRoutes(router, db);
  return router;
}
