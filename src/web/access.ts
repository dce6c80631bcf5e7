/**
 * The HTTP side of the access policy (`auth/policy.ts` holds the table and the rules): the
 * middleware that applies the table to every request before any route runs, and a per-route guard.
 */
import type { RequestHandler } from 'express';
import type { Role } from '../db/users-repo';
import { UnauthenticatedError, ForbiddenError, shownValue } from '../common/errors';
import { decide, ruleFor } from '../auth/policy';
import { wantsJson } from './errors';
import type { MessageKey } from '../common/i18n';

/** What a refused user is told, by role: what the role may not do and where to go instead. */
const FORBIDDEN_FOR_ROLE: Readonly<Record<Role, MessageKey>> = {
  admin: 'err.forbidden.admin', planner: 'err.forbidden.planner', district: 'err.forbidden.district', viewer: 'err.forbidden.viewer',
};

/** Enforces `accessRules`: 401 (or a redirect to sign-in for pages) when anonymous, 403 when the role is not allowed. */
export const authorize: RequestHandler = (req, res, next) => {
  const user = req.auth?.user;
  const decision = decide(ruleFor(req.method, req.path), user);
  if (decision === 'signIn') {
    if (!wantsJson(req) && req.method === 'GET') return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
    throw new UnauthenticatedError();
  }
  if (decision === 'refuse') {
    throw new ForbiddenError({ key: FORBIDDEN_FOR_ROLE[user!.role], params: { role: user!.role, method: req.method, path: shownValue(req.path) } });
  }
  next();
};

/** Per-route guard for routes that need a narrower set of roles than the table gives. */
export function requireRoles(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.auth?.user;
    if (!user) throw new UnauthenticatedError();
    if (!roles.includes(user.role)) throw new ForbiddenError({ key: FORBIDDEN_FOR_ROLE[user.role], params: { role: user.role, method: req.method, path: shownValue(req.path) } });
    next();
  };
}
