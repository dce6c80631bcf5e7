import type { Request } from 'express';
import { readCookie } from './cookies';
import { parseLocale, type Locale } from '../common/i18n';

/** The interface language a request asks for: `?lang=en|nb`, else the `lang` cookie, else bokmål. */
export function localeOfRequest(req: Request): Locale {
  let fromQuery: unknown;
  try {
    fromQuery = req.query?.lang;
  } catch {
    fromQuery = undefined;
  }
  return parseLocale(typeof fromQuery === 'string' ? fromQuery : readCookie(req, 'lang'));
}

/**
 * A same-site link to the request's own path: the path with any leading run of slashes and
 * backslashes collapsed to one `/`, so `//evil.example/x` can never become a protocol-relative link.
 */
export function ownPath(path: string): string {
  return '/' + path.replace(/^[/\\]+/, '');
}
