import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError, type ZodIssue } from 'zod';
import { localeOfRequest } from './locale-of';
import { shown } from '../model/fields';
import { HeavyBusyError } from '../planning/heavy';
import { fillMessage, isMessageKey, t, type Locale, type MessageKey } from './i18n';

/** A message by dictionary key with its `{placeholder}` values, so the error handler can say it in the user's language. */
export interface LocalMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The one error family of the web layer: each carries its HTTP status and a stable code. */
export class AppError extends Error {
  /** The message in the user's language, when there is a dictionary text for it. */
  local?: LocalMessage;
  constructor(readonly httpStatus: number, readonly code: string, message: string, readonly details?: unknown, local?: LocalMessage) {
    super(message);
    this.name = 'AppError';
    this.local = local;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown, local?: LocalMessage) {
    super(400, 'invalid_request', message, details, local);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, local?: LocalMessage) {
    super(404, 'not_found', message, undefined, local);
    this.name = 'NotFoundError';
  }
}

/** A 400 from a zod error: the handler names each field in the user's language. */
export class ZodValidationError extends ValidationError {
  constructor(readonly zod: ZodError, readonly where = '') {
    super(describeZodError(zod, where));
    this.name = 'ZodValidationError';
  }
}

/** An error with a dictionary message (English `message` for logs and the CLI). */
export function localError(status: number, code: string, key: MessageKey, params: Record<string, string | number> = {}): AppError {
  return new AppError(status, code, fillMessage(t('en', key), params), undefined, { key, params });
}

/** A short, printable rendering of an offending input value (for messages). */
export const shownValue = shown;

/** One zod issue in words, in a language: dictionary keys in messages or params are translated, standard issues are rephrased. */
export function issueText(issue: ZodIssue, locale: Locale): string {
  const say = (key: MessageKey, params: Record<string, unknown> = {}) =>
    fillMessage(t(locale, key), Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
  if (issue.code === 'custom') {
    const p = (issue.params ?? {}) as { key?: string; values?: Record<string, unknown> };
    if (p.key && isMessageKey(p.key)) return say(p.key, p.values);
  }
  if (isMessageKey(issue.message)) return say(issue.message);
  switch (issue.code) {
    case 'too_small':
      if (issue.type === 'string') return Number(issue.minimum) <= 1 ? say('v.required') : say('v.minChars', { min: issue.minimum });
      if (issue.type === 'array' || issue.type === 'set') return say('v.minItems', { min: issue.minimum });
      return say('v.min', { min: issue.minimum });
    case 'too_big':
      if (issue.type === 'string') return say('v.maxChars', { max: issue.maximum });
      if (issue.type === 'array' || issue.type === 'set') return say('v.maxItems', { max: issue.maximum });
      return say('v.max', { max: issue.maximum });
    case 'invalid_type':
      if (issue.received === 'undefined') return say('v.required');
      if (issue.expected === 'integer') return say('v.integerType');
      return say('v.type', { expected: issue.expected, received: issue.received });
    case 'invalid_enum_value':
      return say('v.oneOf', { options: issue.options.join(', '), value: shownValue(issue.received) });
    case 'not_finite':
      return say('v.finite');
    case 'invalid_string':
      return issue.message === 'Invalid' ? say('v.format') : issue.message;
    case 'unrecognized_keys':
      return say('v.unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return issue.message;
  }
}

/**
 * Turns a zod error into a message naming each offending field, in a language (English by default,
 * for the CLI and logs). Issues that repeat the same text are said once.
 */
export function describeZodError(err: ZodError, where = '', locale: Locale = 'en'): string {
  const field = (path: (string | number)[]) =>
    path.length ? `${where}${path.join('.')}` : where ? where.replace(/[.:]\s*$/, '') : '(root)';
  const lines = err.issues.map((i) => `${field(i.path)}: ${issueText(i, locale)}`);
  return [...new Set(lines)].join('; ');
}

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
  next(localError(404, 'not_found', 'err.noRoute', { method: req.method, path: shownValue(req.path) }));
};

/** An error's message in a language (its dictionary text when it has one, else its own message). */
export function messageOf(err: AppError, locale: Locale): string {
  if (err instanceof ZodValidationError) return describeZodError(err.zod, err.where, locale);
  if (!err.local) return err.message;
  return fillMessage(t(locale, err.local.key), Object.fromEntries(Object.entries(err.local.params ?? {}).map(([k, v]) => [k, String(v)])));
}

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
    case 'entity.parse.failed': return localError(400, 'invalid_json', 'err.invalidJson');
    case 'charset.unsupported': return localError(415, 'unsupported_charset', 'err.charset', { charset: shownValue(e.charset ?? '') });
    case 'encoding.unsupported': return localError(415, 'unsupported_encoding', 'err.encoding', { encoding: shownValue(e.encoding ?? '') });
    case 'entity.too.large': return localError(413, 'payload_too_large', 'err.tooLarge', { limit: String(e.limit ?? '') });
    case 'request.aborted': return localError(400, 'request_aborted', 'err.aborted');
    case 'request.size.invalid': return localError(400, 'request_size_invalid', 'err.bodyLength');
    case 'parameters.too.many': return localError(413, 'too_many_parameters', 'err.tooManyParams');
    default: break;
  }
  if (err instanceof URIError || /decode/i.test(String((err as Error).message))) return localError(400, 'malformed_path', 'err.badPath');
  return localError(status, 'invalid_request', 'error.badRequest');
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
  if (raw instanceof HeavyBusyError) res.setHeader('Retry-After', '5');
  const err = raw instanceof AppError || raw instanceof ZodError ? raw
    : raw instanceof HeavyBusyError ? localError(503, 'busy', 'err.busy')
    : plumbingError(raw) ?? raw;
  if (err instanceof ZodError) {
    status = 400;
    code = 'invalid_request';
    message = describeZodError(err, '', locale);
  } else if (err instanceof AppError) {
    status = err.httpStatus;
    code = err.code;
    details = err.details;
    message = messageOf(err, locale);
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
