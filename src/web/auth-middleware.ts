/**
 * Who is asking: a bearer token (API clients) or a session cookie (browsers). Puts the user and
 * the session's CSRF token on the request; CSRF is checked for every state-changing request made
 * with a cookie (bearer requests carry no ambient credentials, so they need none).
 */
import type { Request, RequestHandler } from 'express';
import type { Db } from '../db/connection';
import type { User } from '../db/users-repo';
import { UnauthenticatedError } from '../common/errors';
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
