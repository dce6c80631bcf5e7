import type { Request } from 'express';

/**
 * Reads one cookie from the Cookie header. A cookie whose value is not valid percent-encoding, or
 * holds control characters, is ignored (a stray or tampered cookie must not lock a browser out).
 */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const idx = part.indexOf('=');
    if (idx <= 0 || part.slice(0, idx).trim() !== name) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(idx + 1).trim());
    } catch {
      continue;
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) continue;
    return value;
  }
  return undefined;
}
