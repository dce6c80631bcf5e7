/** The request schemas of the answers' routes: one schema per input, read with `parse` (web/validate.ts). */
import type { Request } from 'express';
import { z } from 'zod';
import { satisfiedValues, wantsValues } from '../../../model/answers';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'on');

/** The fields beside an uploaded file (`dryRun` in the form or the query string). */
export const importFields = z.object({ dryRun: booleanFlag });

export const premisesClasses = ['none', 'offered', 'co_located'] as const;
export type PremisesClass = (typeof premisesClasses)[number];

/** Filters of the answers list (query string), each optional. */
export const answersFilter = z.object({
  wants: z.enum(wantsValues).optional(),
  premises: z.enum(premisesClasses).optional(),
  satisfied: z.enum(satisfiedValues).optional(),
  district: z.string().regex(/^p\d\d$/).optional(),
});
export type AnswersFilter = z.output<typeof answersFilter>;

/** Treats empty query values (`?wants=`) as absent, so a form with "all" selected validates. */
export function queryWithoutEmpty(query: Request['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

/** The import page's notice after loading sample answers (`?sample=loaded|conflict`); anything else shows none. */
export const importPageQuery = z.object({ sample: z.unknown().transform((v) => (v === 'loaded' || v === 'conflict' ? v : null)) });

/** The answer page's notices after a correction: the saved version, or that nothing changed. */
export const answerPageQuery = z.object({
  saved: z.unknown().transform((v) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? v : null)),
  unchanged: z.unknown().transform((v) => v === '1'),
});

/**
 * A correction form: the fields of one answer row as strings (a field sent more than once, such as the area
 * checkboxes, joined with commas as in a file; other values are dropped), the note
 * (`endringsmerknad`, at most 1,000 characters) apart. The fields themselves are checked by the same
 * `validateRecord` as an import row.
 */
export const correctionBody = z
  .record(z.string(), z.unknown())
  .default({})
  .transform((body) => {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) {
      if (k === '_csrf' || k === 'endringsmerknad') continue;
      // a field sent more than once (the area checkboxes) reads as the file's comma-separated cell, checked like one
      if (typeof v === 'string') values[k] = v;
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) values[k] = v.join(', ');
    }
    const note = typeof body.endringsmerknad === 'string' ? body.endringsmerknad.trim().slice(0, 1000) : '';
    return { values, note };
  });
