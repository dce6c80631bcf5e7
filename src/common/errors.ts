/**
 * The one error family, without Express: every error a request or a command can end in carries a
 * stable `code`, the HTTP status the web layer answers with (`web/errors.ts` renders it), and its
 * message as a catalogue key with values, said in the user's language on the web and in English in
 * the CLI and the logs (`message`).
 *
 * Errors are for bad input and broken rules of access; outcomes a caller must handle (no feasible
 * set, an import refused with its problems) are values (`{ status: 'infeasible', … }`), and the web
 * layer chooses their HTTP status. Bugs stay plain `Error`s (answered 500 without internals).
 */
import { ZodError, type ZodIssue } from 'zod';
import { shown } from './fields';
import { fillMessage, isMessageKey, t, type Locale, type MessageKey } from './i18n';

/** A message by catalogue key with its `{placeholder}` values, so the error handler can say it in the user's language. */
export interface LocalMessage {
  key: MessageKey;
  /** Values of the placeholders; a value may itself be a message (or a list of them, said joined by "; "). */
  params?: Record<string, string | number | LocalMessage | readonly LocalMessage[]>;
}

/** A catalogue message in a language, its nested messages said in the same language. */
export function sayLocal(locale: Locale, m: LocalMessage): string {
  const value = (v: string | number | LocalMessage | readonly LocalMessage[]): string =>
    typeof v === 'string' || typeof v === 'number' ? String(v) : Array.isArray(v) ? v.map((x) => sayLocal(locale, x)).join('; ') : sayLocal(locale, v as LocalMessage);
  return fillMessage(t(locale, m.key), Object.fromEntries(Object.entries(m.params ?? {}).map(([k, v]) => [k, value(v)])));
}

/** What an error says: English text (logs, CLI; shown as it is on the web too), or a catalogue message. */
export type Said = string | LocalMessage;

/** The base of the family: an HTTP status, a stable code, what it says, optional details for the client. */
export class AppError extends Error {
  /** The message in the user's language, when there is a catalogue text for it. */
  readonly local?: LocalMessage;
  /** Seconds after which the same request may succeed (`Retry-After`), for 429 and 503. */
  readonly retryAfterSec?: number;
  constructor(readonly httpStatus: number, readonly code: string, said: Said, readonly details?: unknown, retryAfterSec?: number) {
    super(typeof said === 'string' ? said : sayLocal('en', said));
    this.name = new.target.name;
    if (typeof said !== 'string') this.local = said;
    if (retryAfterSec !== undefined) this.retryAfterSec = retryAfterSec;
  }
}

/** 400: the input is malformed or out of range (a field, a flag, a file name). */
export class ValidationError extends AppError {
  constructor(said: Said, details?: unknown, code = 'invalid_request') {
    super(400, code, said, details);
  }
}

/** 401: nobody is signed in, or the credentials are unknown. */
export class UnauthenticatedError extends AppError {
  constructor(said: Said = { key: 'err.unauthenticated' }, code = 'unauthenticated') {
    super(401, code, said);
  }
}

/** 403: the caller is known but may not do this (role, district, CSRF token). */
export class ForbiddenError extends AppError {
  constructor(said: Said, code = 'forbidden') {
    super(403, code, said);
  }
}

/** 404: the named thing (municipality, scenario, shortlist, letter, route) does not exist. */
export class NotFoundError extends AppError {
  constructor(said: Said, code = 'not_found') {
    super(404, code, said);
  }
}

/** 409: the request contradicts the stored state (sample data while real data is loaded, the same coder twice). */
export class ConflictError extends AppError {
  constructor(code: string, said: Said) {
    super(409, code, said);
  }
}

/** 413: a body, file or upload over its limit. */
export class PayloadTooLargeError extends AppError {
  constructor(said: Said, code = 'payload_too_large') {
    super(413, code, said);
  }
}

/** 422: well-formed, but refused by a rule of the domain (an assessment of a municipality not on the shortlist). */
export class UnprocessableError extends AppError {
  constructor(code: string, said: Said, details?: unknown) {
    super(422, code, said, details);
  }
}

/** 429: this caller asked for too much too fast; `retryAfterSec` says when to try again. */
export class RateLimitedError extends AppError {
  constructor(said: Said, retryAfterSec: number, code = 'rate_limited') {
    super(429, code, said, undefined, retryAfterSec);
  }
}

/** 503: the server as a whole is too busy; `retryAfterSec` says when to try again. */
export class BusyError extends AppError {
  constructor(said: Said = { key: 'err.busy' }, retryAfterSec = 5, code = 'busy') {
    super(503, code, said, undefined, retryAfterSec);
  }
}

/** A 400 from a zod error: the handler names each field in the user's language. */
export class ZodValidationError extends ValidationError {
  constructor(readonly zod: ZodError, readonly where = '') {
    super(describeZodError(zod, where));
  }
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

/** An error's message in a language (its dictionary text when it has one, else its own message). */
export function messageOf(err: AppError, locale: Locale): string {
  if (err instanceof ZodValidationError) return describeZodError(err.zod, err.where, locale);
  if (!err.local) return err.message;
  return sayLocal(locale, err.local);
}

