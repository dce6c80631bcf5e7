/**
 * Who is asking: a bearer token (API clients) or a session cookie (browsers). Puts the user and
 * the session's CSRF token on the request; CSRF is checked for every state-changing request made
 * with a cookie (bearer requests carry no ambient credentials, so they need none).
 */
import crypto from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Db } from '../db/connection';
import type { User } from '../db/users-repo';
import { UnauthenticatedError, ForbiddenError } from '../common/errors';
import { findSession, findTokenUser, type Session } from '../auth/sessions';
import { readCookie } from './cookies';

export const SESSION_COOKIE = 'sv_session';
/** Pre-session CSRF cookie for the sign-in and setup forms (double-submit cookie pattern). */
export const PRE_CSRF_COOKIE = 'sv_precsrf';

export interface AuthInfo {
  user: User;
  via: 'session' | 'token';
  session?: Session;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthInfo;
  }
}

/** Cookie settings: HttpOnly, SameSite=Lax, Secure when served over HTTPS (or `STEDSVALG_SECURE_COOKIES=1`). */
export function cookieOptions(req: Request, maxAgeMs?: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.secure || process.env.STEDSVALG_SECURE_COOKIES === '1',
    path: '/',
    ...(maxAgeMs ? { maxAge: maxAgeMs } : {}),
  };
}

/** Identifies the caller (if any) from a bearer token or the session cookie. Never rejects. */
export function authenticate(db: Db): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (header && /^Bearer\s+/i.test(header)) {
      const user = findTokenUser(db, header.replace(/^Bearer\s+/i, '').trim(), new Date().toISOString());
      if (!user) throw new UnauthenticatedError({ key: 'err.invalidToken' }, 'invalid_token');
      req.auth = { user, via: 'token' };
    } else {
      const cookie = readCookie(req, SESSION_COOKIE);
      const session = cookie ? findSession(db, cookie, Date.now()) : null;
      if (session) req.auth = { user: session.user, via: 'session', session };
    }
    res.locals.user = req.auth?.user ?? null;
    res.locals.csrfToken = req.auth?.session?.csrfToken ?? '';
    next();
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function equalTokens(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Rejects a state-changing request made with a session cookie unless it carries the session's
 * CSRF token in the `X-CSRF-Token` header, the `_csrf` form field, or (multipart uploads, whose
 * body is parsed later) the `_csrf` query parameter.
 */
const deferred = new WeakSet<object>();

/**
 * The CSRF check of a multipart form, after its fields are parsed: the `_csrf` field must match the
 * session's token. Every route that parses an upload calls it right after parsing.
 * @throws ForbiddenError when the check was owed and the field is missing or wrong
 */
export function checkDeferredCsrf(req: import('express').Request): void {
  if (!deferred.has(req)) return;
  deferred.delete(req);
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof sent !== 'string' || !req.auth?.session || !equalTokens(sent, req.auth.session.csrfToken)) {
    throw new ForbiddenError({ key: 'err.csrf' }, 'csrf_failed');
  }
}

export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (!unsafeMethods.has(req.method) || req.auth?.via !== 'session' || !req.auth.session) return next();
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (req.headers['x-csrf-token'] as string | undefined) ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
  // A multipart form carries its token in a form field, which only the route's upload parser reads:
  // the check is owed until then (`checkDeferredCsrf`, called by every upload receiver). The token is
  // never taken from the URL, where it would land in history, logs and Referer headers.
  if (!sent && req.is('multipart/form-data')) {
    deferred.add(req);
    return next();
  }
  if (!sent || !equalTokens(sent, req.auth.session.csrfToken)) {
    throw new ForbiddenError({ key: 'err.csrf' }, 'csrf_failed');
  }
  next();
};
