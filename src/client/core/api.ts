/**
 * The browser's client for the app's JSON API: one way to call, one error type, one way to word a
 * failure. Errors from the server come as `{ error: { code, message } }`.
 */
import type { Translate } from './i18n';
import { CSRF_HEADER, csrfToken } from './csrf';

/** A failed call: the server's message and the HTTP status (401 not signed in, 403 not allowed, …). */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

/**
 * Fetches `url` and returns its JSON body (`undefined` for 204 No Content).
 * @throws ApiError when the status is not 2xx or a 2xx body is not JSON
 */
export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  const r = await fetch(url, init);
  if (r.status === 204) return undefined as T;
  const body = (await r.json().catch(() => null)) as (T & ErrorBody) | null;
  if (!r.ok || body === null) {
    throw new ApiError(body?.error?.message ?? `${r.status} ${r.statusText}`, r.status);
  }
  return body;
}

/** GET `url` as JSON. */
export function getJson<T>(url: string): Promise<T> {
  return request<T>(url);
}

/** Sends `body` as JSON with the session's CSRF token. */
export function sendJson<T>(url: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  return request<T>(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** A failed call as a sentence: not signed in and not allowed get their own words, the rest the server's message. */
export function failureText(err: unknown, t: Translate): string {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof ApiError && err.status === 401) return t('scn.signedOut');
  if (err instanceof ApiError && err.status === 403) return `${t('scn.forbidden')} (${message})`;
  return `${t('ws.error')}: ${message}`;
}
