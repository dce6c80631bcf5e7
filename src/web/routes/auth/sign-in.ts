/**
 * Sign-in, sign-out and the first-run setup link. Before a session exists the forms are protected by
 * a pre-session CSRF cookie (double-submit); failures are throttled per account and per address and
 * audited; the scrypt work is the same whether the name is unknown, disabled or the password wrong.
 */
import { weakPasswordText } from './password-text';
import type { Request, RequestHandler, Response } from 'express';
import type { Db } from '../../../db/connection';
import { ForbiddenError, NotFoundError, describeZodError } from '../../../common/errors';
import { fillMessage, type MessageKey } from '../../../common/i18n';
import { DECOY_HASH, hashPassword, newSecret, validatePassword, verifyPassword } from '../../../auth/passwords';
import { SESSION_TTL_MS, createSession, deleteSession } from '../../../auth/sessions';
import { clearSetupTokens, setupTokenValid } from '../../../auth/setup-tokens';
import { accountRetryAfterMs, addressRetryAfterMs, clearFailures, recordFailure } from '../../../auth/throttle';
import { createUser, findUserForLogin } from '../../../db/users-repo';
import { recordAudit } from '../../../db/audit-repo';
import { PRE_CSRF_COOKIE, SESSION_COOKIE, cookieOptions } from '../../auth-middleware';
import { readCookie } from '../../cookies';
import { parse } from '../../validate';
import { loginBody, setupParams, userBody } from './schemas';
import { renderLogin, renderSetup } from './views';

/** What the change log says of a failed sign-in, by its cause (the page itself never tells which). */
const SIGN_IN_FAILURE_NOTE = {
  'unknown-user': 'audit.note.signInUnknownUser', disabled: 'audit.note.signInDisabled', 'wrong-password': 'audit.note.signInWrongPassword',
} as const satisfies Readonly<Record<string, MessageKey>>;

/** Only same-site relative paths may be redirect targets after sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/';
}

/** Issues the pre-session CSRF cookie for the sign-in/setup forms and returns its value. */
function preCsrf(req: Request, res: Response): string {
  const existing = readCookie(req, PRE_CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
  const token = newSecret(18).token;
  res.cookie(PRE_CSRF_COOKIE, token, cookieOptions(req));
  return token;
}

function checkPreCsrf(req: Request, sent: unknown): void {
  const cookie = readCookie(req, PRE_CSRF_COOKIE);
  if (!cookie || typeof sent !== 'string' || sent !== cookie) throw new ForbiddenError({ key: 'err.csrf' }, 'csrf_failed');
}

/** A wait in words: seconds below 90 s, else minutes. */
function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

export const showLogin: RequestHandler = (req, res) => {
  renderLogin(res, 200, { next: safeNext(req.query.next), error: null, preCsrf: preCsrf(req, res), name: '' });
};

/** `POST /login`: throttled, audited sign-in; a session cookie and a redirect to `next` on success. */
export function signIn(db: Db): RequestHandler {
  return async (req, res) => {
    const body = parse(loginBody, req.body);
    checkPreCsrf(req, body._csrf);
    const now = Date.now();
    const keys = [`name:${body.name.toLowerCase()}`, `ip:${req.ip}`];
    const wait = Math.max(accountRetryAfterMs(db, keys[0], now), addressRetryAfterMs(db, keys[1], now));
    const page = (status: number, error: string) => renderLogin(res, status, { next: safeNext(body.next), error, preCsrf: preCsrf(req, res), name: body.name });
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      return page(429, fillMessage(res.locals.t('auth.tooMany'), { wait: waitText(wait) }));
    }
    const found = findUserForLogin(db, body.name);
    const passwordOk = await verifyPassword(body.password, found?.passwordHash ?? DECOY_HASH);
    if (!found || found.user.disabled || !passwordOk) {
      const reason: keyof typeof SIGN_IN_FAILURE_NOTE = !found ? 'unknown-user' : found.user.disabled ? 'disabled' : 'wrong-password';
      db.transaction(() => {
        keys.forEach((k) => recordFailure(db, k, now));
        recordAudit(db, { at: new Date(now).toISOString(), actor: 'anonymous', action: 'sign-in-failed', entity: 'session', entityId: body.name, said: { key: SIGN_IN_FAILURE_NOTE[reason], params: { address: req.ip ?? '' } } });
      })();
      return page(401, res.locals.t('auth.failed'));
    }
    clearFailures(db, keys[0]);
    const { cookie } = createSession(db, found.user, now);
    recordAudit(db, { at: new Date(now).toISOString(), actor: found.user.name, action: 'sign-in', entity: 'session', entityId: String(found.user.id) });
    res.cookie(SESSION_COOKIE, cookie, cookieOptions(req, SESSION_TTL_MS));
    res.redirect(303, safeNext(body.next));
  };
}

export function signOut(db: Db): RequestHandler {
  return (req, res) => {
    if (req.auth?.session) {
      deleteSession(db, req.auth.session.idHash);
      recordAudit(db, { at: new Date().toISOString(), actor: req.auth.user.name, action: 'sign-out', entity: 'session', entityId: String(req.auth.user.id) });
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/login');
  };
}

/** The setup token of the path, when it is still valid. @throws NotFoundError otherwise */
function validSetupToken(db: Db, req: Request): string {
  const { token } = parse(setupParams, req.params, 'params.');
  if (!setupTokenValid(db, token, Date.now())) throw new NotFoundError({ key: 'err.setupLink' });
  return token;
}

export function showSetup(db: Db): RequestHandler {
  return (req, res) => {
    const token = validSetupToken(db, req);
    renderSetup(res, 200, { token, error: null, preCsrf: preCsrf(req, res) });
  };
}

/** `POST /setup/:token`: creates the first admin, spends the link and signs the admin in. */
export function completeSetup(db: Db): RequestHandler {
  return async (req, res) => {
    const token = validSetupToken(db, req);
    checkPreCsrf(req, req.body?._csrf);
    const parsed = userBody.safeParse({ ...req.body, role: 'admin' });
    const weak = parsed.success ? validatePassword(parsed.data.password) : null;
    if (!parsed.success || weak || parsed.data.password !== parsed.data.password2) {
      // The form is shown again with the reason (a page for a person, not an error page).
      const error = !parsed.success ? describeZodError(parsed.error, undefined, res.locals.locale) : weakPasswordText(res, weak) ?? res.locals.t('auth.mismatch');
      return renderSetup(res, 400, { token, error, preCsrf: preCsrf(req, res) });
    }
    const now = new Date();
    const user = createUser(db, { name: parsed.data.name, role: 'admin', district: null, passwordHash: await hashPassword(parsed.data.password) }, 'setup-link', now.toISOString());
    clearSetupTokens(db);
    const { cookie } = createSession(db, user, now.getTime());
    res.cookie(SESSION_COOKIE, cookie, cookieOptions(req, SESSION_TTL_MS));
    res.redirect(303, '/admin/users');
  };
}
