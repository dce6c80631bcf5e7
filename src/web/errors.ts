/**
 * Error rendering, the Express side of the error family (`common/errors.ts`): the 404 for unmatched
 * routes, the HTTP plumbing's own errors, and the one error middleware that answers every error as
 * JSON (`{ error: { code, message } }`) or as a page, in the user's language.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { localeOfRequest } from './locale-of';
import { AppError, ValidationError, NotFoundError, PayloadTooLargeError, shownValue, describeZodError, messageOf } from '../common/errors';
import { t, type Locale } from '../common/i18n';

/**
 * Whether a request should get JSON rather than a page: API, export and health routes, any
 * bearer-token client, and anything that does not accept HTML. (Errors and the sign-in redirect
 * both decide with this.)
 */
export function wantsJson(req: Request): boolean {
  const p = req.path.toLowerCase();
  return p.startsWith('/api/') || p.startsWith('/export/') || p === '/healthz' || !!req.headers.authorization || !req.accepts('html');
}

/** 404 for unmatched routes: JSON under /api, a page elsewhere. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError({ key: 'err.noRoute', params: { method: req.method, path: shownValue(req.path) } }));
};

/**
 * Errors raised by the HTTP plumbing (body parsers, the router's parameter decoding) carry a 4xx
 * `status` and a `type`; each becomes a clear message instead of a 500.
 */
function plumbingError(err: unknown): AppError | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { status?: number; statusCode?: number; type?: string; charset?: string; encoding?: string; limit?: number };
  const status = e.status ?? e.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  switch (e.type) {
    case 'entity.parse.failed': return new ValidationError({ key: 'err.invalidJson' }, undefined, 'invalid_json');
    case 'charset.unsupported': return new AppError(415, 'unsupported_charset', { key: 'err.charset', params: { charset: shownValue(e.charset ?? '') } });
    case 'encoding.unsupported': return new AppError(415, 'unsupported_encoding', { key: 'err.encoding', params: { encoding: shownValue(e.encoding ?? '') } });
    case 'entity.too.large': return new PayloadTooLargeError({ key: 'err.tooLarge', params: { limit: String(e.limit ?? '') } });
    case 'request.aborted': return new ValidationError({ key: 'err.aborted' }, undefined, 'request_aborted');
    case 'request.size.invalid': return new ValidationError({ key: 'err.bodyLength' }, undefined, 'request_size_invalid');
    case 'parameters.too.many': return new PayloadTooLargeError({ key: 'err.tooManyParams' }, 'too_many_parameters');
    default: break;
  }
  if (err instanceof URIError || /decode/i.test(String((err as Error).message))) return new ValidationError({ key: 'err.badPath' }, undefined, 'malformed_path');
  return new AppError(status, 'invalid_request', { key: 'error.badRequest' });
}

/**
 * The one error middleware: `{ error: { code, message } }` for API calls, a plain page otherwise,
 * the message in the user's language where the dictionary has it. Unexpected errors are logged and
 * reported as 500 without internals.
 */
export const errorHandler: ErrorRequestHandler = (raw, req, res, _next) => {
  const locale: Locale = (res.locals.locale as Locale | undefined) ?? localeOfRequest(req);
  let status = 500;
  let code = 'internal_error';
  let message = t(locale, 'error.internal');
  let details: unknown;
  const err = raw instanceof AppError || raw instanceof ZodError ? raw : plumbingError(raw) ?? raw;
  if (err instanceof ZodError) {
    status = 400;
    code = 'invalid_request';
    message = describeZodError(err, '', locale);
  } else if (err instanceof AppError) {
    status = err.httpStatus;
    code = err.code;
    details = err.details;
    message = messageOf(err, locale);
    if (err.retryAfterSec !== undefined && !res.headersSent) res.setHeader('Retry-After', String(err.retryAfterSec));
  } else {
    console.error(err);
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status);
  if (wantsJson(req)) {
    res.json({ error: { code, message, ...(details !== undefined ? { details } : {}) } });
  } else if (typeof res.locals.t === 'function') {
    // A page with the app's header, so a person can find their way on; plain text if that fails.
    const key = status === 403 ? 'error.forbidden' : status === 404 ? 'error.notFound' : status < 500 ? 'error.badRequest' : 'error.internal';
    res.render('error', { title: String(status), status, heading: res.locals.t(key), message, user: res.locals.user ?? null }, (renderErr: Error | null, html?: string) => {
      if (renderErr) res.type('text/plain').send(`${status} ${message}`);
      else res.type('html').send(html);
    });
  } else {
    res.type('text/plain').send(`${status} ${message}`);
  }
};
