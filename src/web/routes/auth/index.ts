/**
 * Sign-in, sign-out, first-run setup, the account page, user administration and the audit log:
 * the routes only. Request schemas are in `schemas.ts`, handlers in `sign-in.ts`, `users.ts` and
 * `audit.ts`, page models in `views.ts`; the sessions, throttle, setup tokens and passwords
 * themselves are in `src/auth` (no Express there).
 */
import type { Router } from 'express';
import type { AppDeps } from '../../app';
import { appRouter } from '../../router';
import { requireRoles } from '../../access';
import { auditCsvHandler, auditJson, auditPage } from './audit';
import { completeSetup, showLogin, showSetup, signIn, signOut } from './sign-in';
import { changePassword, createUserHandler, revokeTokenHandler, showAccount, showUsers, updateUserHandler, usersJson } from './users';

export function authRoutes({ db }: AppDeps): Router {
  const router = appRouter();
  router.get('/login', showLogin);
  router.post('/login', signIn(db));
  router.post('/logout', signOut(db));
  router.get('/setup/:token', showSetup(db));
  router.post('/setup/:token', completeSetup(db));
  router.get('/account', showAccount);
  router.post('/account/password', changePassword(db));

  const admin = requireRoles('admin');
  router.get('/admin/users', admin, showUsers(db));
  router.get('/api/users', admin, usersJson(db));
  router.post('/admin/users', admin, createUserHandler(db));
  router.post('/admin/users/:id', admin, updateUserHandler(db));
  router.post('/admin/tokens/:id/revoke', admin, revokeTokenHandler(db));

  const readers = requireRoles('admin', 'planner');
  router.get('/audit', readers, auditPage(db));
  router.get('/api/audit', readers, auditJson(db));
  router.get('/audit.csv', readers, auditCsvHandler(db));
  return router;
}
