/**
 * Loaded in every page's head: adds the session's CSRF token to every same-origin request that
 * changes something, so scripts that call `fetch` directly pass the server's CSRF check (the API
 * client in `core/api.ts` sends it itself). Built to /static/csrf.js.
 */
import { CSRF_HEADER, csrfToken, isUnsafeMethod } from '../core/csrf';

function isSameOrigin(url: string): boolean {
  return !/^https?:\/\//i.test(url) || url.startsWith(`${window.location.origin}/`);
}

const token = csrfToken();
if (token && typeof window.fetch === 'function') {
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : null;
    const method = init?.method ?? request?.method ?? 'GET';
    const url = request ? request.url : String(input);
    if (!isSameOrigin(url) || !isUnsafeMethod(method)) return original(input, init);
    const headers = new Headers(init?.headers ?? request?.headers ?? {});
    headers.set(CSRF_HEADER, token);
    return original(input, { ...init, headers });
  };
}
