import type { Response } from 'express';
import { fillMessage } from '../../../common/i18n';
import { MIN_PASSWORD_LENGTH } from '../../../auth/passwords';

/** What a refused password is told, in the reader's language (`validatePassword` says why). */
export function weakPasswordText(res: Response, weak: 'short' | 'long' | null): string | null {
  if (!weak) return null;
  return fillMessage(res.locals.t(weak === 'short' ? 'auth.pwShort' : 'auth.pwLong'), { min: String(MIN_PASSWORD_LENGTH) });
}
