/**
 * Cross-site request forgery protection (the synchroniser token pattern; OWASP CSRF Prevention Cheat
 * Sheet): a state-changing request made with a session cookie must carry the session's token in the
 * `X-CSRF-Token` header or the `_csrf` form field. Bearer-token requests are not cookie-borne and skip it.
 *
 * A multipart form carries its token in a form field, which only the route's upload parser reads, so
 * for the upload routes (`UPLOAD_ROUTES`) the check is owed until the form is parsed (`checkDeferredCsrf`,
 * called by `receiveUpload`). Any other multipart request without the header is refused at once: a route
 * that never parses the form would otherwise never make the check. The token is never taken from the URL,
 * where it would land in history, logs and Referer headers.
 */
import crypto from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ForbiddenError } from '../common/errors';

/** The routes that receive a multipart upload through `receiveUpload` (method POST, exact path). */
export const UPLOAD_ROUTES: ReadonlySet<string> = new Set([
  '/api/import/responses', '/import',
  '/api/letters', '/letters',
  '/api/travel-matrices', '/travel-matrices',
]);

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const deferred = new WeakSet<object>();

function equalTokens(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function refused(): ForbiddenError {
  return new ForbiddenError({ key: 'err.csrf' }, 'csrf_failed');
}

/**
 * The CSRF check of a multipart form, after its fields are parsed: the `_csrf` field must match the
 * session's token. Every route that parses an upload calls it right after parsing (`receiveUpload`).
 * @throws ForbiddenError when the check was owed and the field is missing or wrong
 */
export function checkDeferredCsrf(req: Request): void {
  if (!deferred.has(req)) return;
  deferred.delete(req);
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof sent !== 'string' || !req.auth?.session || !equalTokens(sent, req.auth.session.csrfToken)) throw refused();
}

/** Refuses a cookie-borne state-changing request without the session's token (see the file comment). */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (!unsafeMethods.has(req.method) || req.auth?.via !== 'session' || !req.auth.session) return next();
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (req.headers['x-csrf-token'] as string | undefined) ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
  if (!sent && req.method === 'POST' && UPLOAD_ROUTES.has(req.path) && req.is('multipart/form-data')) {
    deferred.add(req);
    return next();
  }
  if (!sent || !equalTokens(sent, req.auth.session.csrfToken)) throw refused();
  next();
};
