/**
 * The session's CSRF token from `<meta name="csrf-token">` (absent when nobody is signed in). Every
 * state-changing request made with a session sends it as `X-CSRF-Token`.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

export function csrfToken(doc: Document = document): string {
  return doc.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

/** True for methods that change something (the server checks the token on these). */
export function isUnsafeMethod(method: string): boolean {
  const m = method.toUpperCase();
  return m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS';
}
