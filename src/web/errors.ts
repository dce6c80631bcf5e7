import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError } from 'zod';

/** The one error family of the web layer: each carries its HTTP status and a stable code. */
export class AppError extends Error {
  constructor(readonly httpStatus: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'invalid_request', message, details);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, 'not_found', message);
    this.name = 'NotFoundError';
  }
}

/** Turns a zod error into a message naming each offending field. */
export function describeZodError(err: ZodError, where = ''): string {
  return err.issues.map((i) => `${where}${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Whether a request should get JSON rather than a page: API, export and health routes, any
 * bearer-token client, and anything that does not accept HTML. (Errors and the sign-in redirect
 * both decide with this.)
 */
export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path.startsWith('/export/') || req.path === '/healthz' || !!req.headers.authorization || !req.accepts('html');
}

/** 404 for unmatched routes: JSON under /api, a page elsewhere. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`no route for ${req.method} ${req.path}`));
};

/**
 * The one error middleware: `{ error: { code, message } }` for API calls, a plain page otherwise.
 * Unexpected errors are logged and reported as 500 without internals.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let status = 500;
  let code = 'internal_error';
  let message = 'An unexpected error occurred';
  let details: unknown;
  if (err instanceof ZodError) {
    status = 400;
    code = 'invalid_request';
    message = describeZodError(err);
  } else if (err instanceof AppError) {
    status = err.httpStatus;
    code = err.code;
    message = err.message;
    details = err.details;
  } else if (err && typeof err === 'object' && 'type' in err && (err as { type: string }).type === 'entity.too.large') {
    status = 413;
    code = 'payload_too_large';
    message = 'Request body is too large';
  } else if (err && typeof err === 'object' && 'type' in err && (err as { type: string }).type === 'entity.parse.failed') {
    status = 400;
    code = 'invalid_json';
    message = 'Request body is not valid JSON';
  } else {
    console.error(err);
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
