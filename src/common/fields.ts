/**
 * Strict field schemas shared by every edge (HTTP query and body, forms, CLI flags): a number is a
 * JSON number or plain decimal digits (`true`, `[20]`, `"0x14"`, `"1e3"` and `" "` are not
 * numbers); names and texts carry no control characters. Error messages are dictionary keys with
 * values (`v.integer`, …) that the web layer says in the user's language.
 */
import { z } from 'zod';
import { isKommunenummer, type Kommunenummer } from './kommunenummer';

/** A custom issue whose message is a dictionary key (English fallback in `message`). */
export function keyIssue(ctx: z.RefinementCtx, key: string, values: Record<string, unknown> = {}, path?: (string | number)[]): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: key, params: { key, values }, ...(path ? { path } : {}) });
}

/** A short rendering of an input value for messages. */
export function shown(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    // Too deep or cyclic for JSON (String() of a deeply nested array would recurse as deep): say only its kind.
    s = Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : typeof value;
  }
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

const DIGITS = /^\s*\+?\d{1,12}\s*$/;
const DECIMAL = /^\s*[+-]?(\d{1,15}(\.\d{0,15})?|\.\d{1,15})\s*$/;

/** A number read by `read` (NaN when it is not one), checked by `valid`, then against `min`..`max`; `fallback` when absent. */
function numberField(read: (v: unknown) => number, valid: (n: number) => boolean, invalidKey: string, min: number, max: number, fallback?: number) {
  return z.unknown().transform((v, ctx): number => {
    if (v === undefined || v === '') {
      if (fallback !== undefined) return fallback;
      keyIssue(ctx, 'v.required');
      return z.NEVER;
    }
    const n = read(v);
    if (!valid(n)) {
      keyIssue(ctx, invalidKey, { value: shown(v) });
      return z.NEVER;
    }
    if (n < min || n > max) {
      keyIssue(ctx, 'v.range', { min, max, value: n });
      return z.NEVER;
    }
    return n;
  });
}

/** A whole number from `min` to `max` (a JSON integer or decimal digits); `fallback` when absent. */
export function wholeNumber(min: number, max: number, fallback?: number) {
  const read = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && DIGITS.test(v) ? Number(v) : NaN);
  return numberField(read, Number.isInteger, 'v.integer', min, max, fallback);
}

/** A finite decimal number from `min` to `max` (a JSON number or plain decimal text); `fallback` when absent. */
export function decimalNumber(min: number, max: number, fallback?: number) {
  const read = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && DECIMAL.test(v) ? Number(v) : NaN);
  return numberField(read, Number.isFinite, 'v.number', min, max, fallback);
}

/** true/false (also `"true"`, `"false"`, `"1"`, `"0"`, `"on"`, `"off"`); `fallback` when absent. */
export function flag(fallback: boolean) {
  return z.unknown().transform((v, ctx): boolean => {
    if (v === undefined || v === '') return fallback;
    if (v === true || v === 'true' || v === '1' || v === 'on') return true;
    if (v === false || v === 'false' || v === '0' || v === 'off') return false;
    keyIssue(ctx, 'v.boolean', { value: shown(v) });
    return z.NEVER;
  });
}

// eslint-disable-next-line no-control-regex
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const noControlInName = (s: string, ctx: z.RefinementCtx): void => {
  if (CONTROL_IN_NAME.test(s)) keyIssue(ctx, 'v.controlChars');
};

/** A one-line name: trimmed, 1 to `max` characters, no control or direction-override characters. */
export function nameText(max: number) {
  return z.string().trim().min(1).max(max).superRefine(noControlInName);
}

/** As `nameText`, but an empty name is allowed (the caller gives a default). */
export function optionalNameText(max: number) {
  return z.string().trim().max(max).superRefine(noControlInName);
}

/** A free text of up to `max` characters: line breaks and tabs allowed, no other control characters. */
export function freeText(max: number) {
  return z.string().max(max).superRefine((s, ctx) => {
    if (CONTROL_IN_TEXT.test(s)) keyIssue(ctx, 'v.controlChars');
  });
}

/** A required free text (e.g. the reason for an advice): trimmed, 1 to `max` characters, no control characters but line breaks and tabs. */
export function requiredText(max: number) {
  return z.string().trim().min(1).max(max).superRefine((s, ctx) => {
    if (CONTROL_IN_TEXT.test(s)) keyIssue(ctx, 'v.controlChars');
  });
}

/**
 * A kommunenummer (`common/kommunenummer.ts`): the one schema of the concept, used by the API, the
 * forms, the CLI, the data files and the letters. Says `v.knr` with the value given.
 */
export const kommunenummerField = z.unknown().transform((v, ctx): Kommunenummer => {
  if (isKommunenummer(v)) return v;
  if (v === undefined || v === '') keyIssue(ctx, 'v.required');
  else keyIssue(ctx, 'v.knr', { value: shown(v) });
  return z.NEVER;
});
