import { type Request, type Response, type Router } from 'express';
import { appRouter } from '../router';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { ValidationError, ForbiddenError, NotFoundError, ZodValidationError, describeZodError, messageOf } from '../../common/errors';
import { fillMessage } from '../../common/i18n';
import { nameText } from '../../common/fields';
import { DECOY_HASH, MIN_PASSWORD_LENGTH, hashPassword, newSecret, validatePassword, verifyPassword, hashSecret } from '../../auth/passwords';
import { createSession, deleteSession, listApiTokens, revokeApiToken } from '../../auth/sessions';
import { accountRetryAfterMs, addressRetryAfterMs, clearFailures, recordFailure } from '../../auth/throttle';
import { PRE_CSRF_COOKIE, SESSION_COOKIE, cookieOptions } from '../auth-middleware';
import { readCookie } from '../cookies';
import { SESSION_TTL_MS } from '../../auth/sessions';
import { ROLES, countUsers, createUser, findUserForLogin, getUser, listUsers, setPasswordHash, updateUser, type Role } from '../../db/users-repo';
import { recordAudit, listAudit } from '../../db/audit-repo';
import { listPoliceDistricts } from '../../db/municipalities-repo';
import { toCsv } from '../../common/csv';
import { neutraliseFormula } from '../../export/csv';
import { requireRoles } from '../access';
import type { Db } from '../../db/connection';

/** Validity of the one-time setup link printed on first start. */
export const SETUP_TTL_MS = 24 * 3600 * 1000;

/**
 * Creates a one-time setup link token when no user exists yet (printed by `npm start`).
 * @returns the token, or null when users already exist
 */
export function createSetupToken(db: Db, nowMs: number): string | null {
  if (countUsers(db) > 0) return null;
  const { token, hash } = newSecret();
  db.prepare('DELETE FROM setup_tokens').run();
  db.prepare('INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)')
    .run(hash, new Date(nowMs).toISOString(), new Date(nowMs + SETUP_TTL_MS).toISOString());
  return token;
}

function setupTokenValid(db: Db, token: string, nowMs: number): boolean {
  const row = db.prepare('SELECT expires_at FROM setup_tokens WHERE token_hash = ?').get(hashSecret(token)) as { expires_at: string } | undefined;
  return !!row && Date.parse(row.expires_at) > nowMs && countUsers(db) === 0;
}

const loginBody = z.object({ name: nameText(64), password: z.string().min(1).max(200), next: z.string().optional(), _csrf: z.string().optional() });
const userBody = z.object({
  name: z.string().trim().min(2, 'must have at least 2 characters').max(64).regex(/^[\p{L}\p{N}._@-]+$/u, 'may contain letters, digits and . _ @ - only'),
  role: z.enum(ROLES as [Role, ...Role[]]),
  district: z.string().trim().optional(),
  password: z.string(),
});

/** Only same-site relative paths may be redirect targets after sign-in. */
function safeNext(next: unknown): string {
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

/** What a refused password is told, in the reader's language. */
function weakText(res: Response, weak: 'short' | 'long' | null): string | null {
  if (!weak) return null;
  return fillMessage(res.locals.t(weak === 'short' ? 'auth.pwShort' : 'auth.pwLong'), { min: String(MIN_PASSWORD_LENGTH) });
}

function validateRoleDistrict(db: Db, role: Role, district: string | undefined): string | null {
  if (role !== 'district') return null;
  const known = listPoliceDistricts(db).map((d) => d.name);
  if (!district || !known.includes(district)) throw new ValidationError({ key: 'err.userDistrict', params: { list: known.join(', ') } });
  return district;
}

/** Sign-in, sign-out, first-run setup, password change, user administration, audit log. */
export function authRoutes({ db }: AppDeps): Router {
  const router = appRouter();

  router.get('/login', (req, res) => {
    res.render('login', { title: res.locals.t('auth.signIn'), next: safeNext(req.query.next), error: null, preCsrf: preCsrf(req, res), name: '' });
  });

  router.post('/login', async (req, res) => {
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) throw new ZodValidationError(parsed.error);
    checkPreCsrf(req, parsed.data._csrf);
    const now = Date.now();
    const name = parsed.data.name;
    const keys = [`name:${name.toLowerCase()}`, `ip:${req.ip}`];
    const wait = Math.max(accountRetryAfterMs(db, keys[0], now), addressRetryAfterMs(db, keys[1], now));
    const render = (status: number, error: string) =>
      res.status(status).render('login', { title: res.locals.t('auth.signIn'), next: safeNext(parsed.data.next), error, preCsrf: preCsrf(req, res), name });
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      res.setHeader('Retry-After', String(seconds));
      return render(429, fillMessage(res.locals.t('auth.tooMany'), { wait: seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min` }));
    }
    // The same scrypt work whether the name is unknown, the account disabled or the password wrong.
    const found = findUserForLogin(db, name);
    const passwordOk = await verifyPassword(parsed.data.password, found?.passwordHash ?? DECOY_HASH);
    if (!found || found.user.disabled || !passwordOk) {
      const reason = !found ? 'unknown-user' : found.user.disabled ? 'disabled' : 'wrong-password';
      db.transaction(() => {
        keys.forEach((k) => recordFailure(db, k, now));
        recordAudit(db, { at: new Date(now).toISOString(), actor: 'anonymous', action: 'sign-in-failed', entity: 'session', entityId: name, note: `${reason}; address ${req.ip ?? ''}` });
      })();
      return render(401, res.locals.t('auth.failed'));
    }
    clearFailures(db, keys[0]);
    const { cookie } = createSession(db, found.user, now);
    recordAudit(db, { at: new Date(now).toISOString(), actor: found.user.name, action: 'sign-in', entity: 'session', entityId: String(found.user.id) });
    res.cookie(SESSION_COOKIE, cookie, cookieOptions(req, SESSION_TTL_MS));
    res.redirect(303, safeNext(parsed.data.next));
  });

  router.post('/logout', (req, res) => {
    if (req.auth?.session) {
      deleteSession(db, req.auth.session.idHash);
      recordAudit(db, { at: new Date().toISOString(), actor: req.auth.user.name, action: 'sign-out', entity: 'session', entityId: String(req.auth.user.id) });
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/login');
  });

  router.get('/setup/:token', (req, res) => {
    if (!setupTokenValid(db, String(req.params.token), Date.now())) throw new NotFoundError({ key: 'err.setupLink' });
    res.render('setup', { title: res.locals.t('auth.setupTitle'), token: req.params.token, error: null, preCsrf: preCsrf(req, res) });
  });

  router.post('/setup/:token', async (req, res) => {
    const token = String(req.params.token);
    if (!setupTokenValid(db, token, Date.now())) throw new NotFoundError({ key: 'err.setupLink' });
    checkPreCsrf(req, req.body?._csrf);
    const parsed = userBody.safeParse({ ...req.body, role: 'admin' });
    const weak = parsed.success ? validatePassword(parsed.data.password) : null;
    if (!parsed.success || weak || req.body.password !== req.body.password2) {
      const error = !parsed.success ? describeZodError(parsed.error, undefined, res.locals.locale) : weakText(res, weak) ?? res.locals.t('auth.mismatch');
      return res.status(400).render('setup', { title: res.locals.t('auth.setupTitle'), token, error, preCsrf: preCsrf(req, res) });
    }
    const now = new Date();
    const user = createUser(db, { name: parsed.data.name, role: 'admin', district: null, passwordHash: await hashPassword(parsed.data.password) }, 'setup-link', now.toISOString());
    db.prepare('DELETE FROM setup_tokens').run();
    const { cookie } = createSession(db, user, now.getTime());
    res.cookie(SESSION_COOKIE, cookie, cookieOptions(req, SESSION_TTL_MS));
    res.redirect(303, '/admin/users');
  });

  router.get('/account', (_req, res) => {
    res.render('account', { title: res.locals.t('auth.account'), message: null, error: null });
  });

  router.post('/account/password', async (req, res) => {
    const auth = req.auth!;
    const found = findUserForLogin(db, auth.user.name)!;
    const current = String(req.body?.current ?? '');
    const next = String(req.body?.password ?? '');
    const render = (status: number, error: string | null, message: string | null) =>
      res.status(status).render('account', { title: res.locals.t('auth.account'), message, error });
    if (!(await verifyPassword(current, found.passwordHash))) return render(400, res.locals.t('auth.wrongCurrent'), null);
    const weak = validatePassword(next);
    if (weak) return render(400, weakText(res, weak)!, null);
    if (next !== req.body?.password2) return render(400, res.locals.t('auth.mismatch'), null);
    setPasswordHash(db, auth.user.id, await hashPassword(next), auth.user.name, new Date().toISOString(), auth.session?.idHash);
    return render(200, null, res.locals.t('auth.passwordChanged'));
  });

  const adminPage = (res: Response, status = 200, error: string | null = null) =>
    res.status(status).render('admin-users', {
      title: res.locals.t('admin.users'), users: listUsers(db), tokens: listApiTokens(db), districts: listPoliceDistricts(db).map((d) => d.name), error,
    });

  router.get('/admin/users', requireRoles('admin'), (_req, res) => {
    adminPage(res);
  });

  router.get('/api/users', requireRoles('admin'), (_req, res) => {
    res.json(listUsers(db));
  });

  router.post('/admin/users', requireRoles('admin'), async (req, res) => {
    try {
      const parsed = userBody.safeParse(req.body);
      if (!parsed.success) throw new ValidationError(describeZodError(parsed.error, undefined, res.locals.locale));
      const weak = validatePassword(parsed.data.password);
      if (weak) throw new ValidationError({ key: weak === 'short' ? 'auth.pwShort' : 'auth.pwLong', params: { min: MIN_PASSWORD_LENGTH } });
      const district = validateRoleDistrict(db, parsed.data.role, parsed.data.district || undefined);
      if (findUserForLogin(db, parsed.data.name)) throw new ValidationError({ key: 'err.userExists', params: { name: parsed.data.name } });
      createUser(db, { name: parsed.data.name, role: parsed.data.role, district, passwordHash: await hashPassword(parsed.data.password) }, req.auth!.user.name, new Date().toISOString());
    } catch (err) {
      if (err instanceof ValidationError && req.accepts('html') && !req.headers.authorization) return adminPage(res, 400, messageOf(err, res.locals.locale));
      throw err;
    }
    res.redirect(303, '/admin/users');
  });

  router.post('/admin/users/:id', requireRoles('admin'), (req, res) => {
    const id = Number(req.params.id);
    const user = Number.isInteger(id) ? getUser(db, id) : null;
    if (!user) throw new NotFoundError(`no user with id ${req.params.id}`);
    const role = z.enum(ROLES as [Role, ...Role[]]).safeParse(req.body?.role ?? user.role);
    if (!role.success) throw new ValidationError(`role: must be one of ${ROLES.join(', ')}`);
    const district = validateRoleDistrict(db, role.data, req.body?.district || user.district || undefined);
    if (user.id === req.auth!.user.id && (role.data !== 'admin' || req.body?.disabled === 'on')) {
      throw new ValidationError({ key: 'err.ownAdmin' });
    }
    updateUser(db, id, { role: role.data, district, disabled: req.body?.disabled === 'on' }, req.auth!.user.name, new Date().toISOString());
    res.redirect(303, '/admin/users');
  });

  router.post('/admin/tokens/:id/revoke', requireRoles('admin'), (req, res) => {
    if (!revokeApiToken(db, Number(req.params.id), req.auth!.user.name, new Date().toISOString())) {
      throw new NotFoundError(`no active token with id ${req.params.id}`);
    }
    res.redirect(303, '/admin/users');
  });

  const auditQuery = z.object({
    entity: z.string().max(40).optional(), actor: z.string().max(64).optional(), entityId: z.string().max(80).optional(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional().or(z.literal('')), to: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional().or(z.literal('')),
    page: z.coerce.number().int().min(1).default(1),
  });
  const readAudit = (req: Request, limit: number) => {
    const q = auditQuery.safeParse(req.query);
    if (!q.success) throw new ZodValidationError(q.error);
    const { page, ...f } = q.data;
    const to = f.to && f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to || undefined;
    return { filter: q.data, ...listAudit(db, { ...f, from: f.from || undefined, to, entity: f.entity || undefined, actor: f.actor || undefined, entityId: f.entityId || undefined, limit, offset: (page - 1) * limit }) };
  };

  router.get('/audit', requireRoles('admin', 'planner'), (req, res) => {
    const result = readAudit(req, 100);
    res.render('audit', { title: res.locals.t('audit.title'), ...result, query: req.query });
  });

  router.get('/api/audit', requireRoles('admin', 'planner'), (req, res) => {
    const { filter: _f, ...result } = readAudit(req, 1000);
    res.json(result);
  });

  router.get('/audit.csv', requireRoles('admin', 'planner'), (req, res) => {
    const { entries } = readAudit(req, 100000);
    const rows = [['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'note'],
      ...entries.map((e) => [e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.before === null ? '' : JSON.stringify(e.before), e.after === null ? '' : JSON.stringify(e.after), e.note]
        .map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)))];
    res.type('text/csv; charset=utf-8').attachment('stedsvalg-revisjonslogg.csv').send('\ufeff' + toCsv(rows, ';'));
  });

  return router;
}
