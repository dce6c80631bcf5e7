/**
 * The cells of an answers row: spreadsheet column letters, the forgiving readers of words, names,
 * numbers and dates, and one zod schema for the cells of a row (enumerations, dates, numbers, text
 * lengths). Pure: a cell's text in, its value or a problem code out. The checks that need reference
 * data are in `responses-validate.ts`.
 */
import { z } from 'zod';
import {
  areaValues, areaWords, importLimits, maxPremisesPerRow, premisesColumn, satisfiedWords, trendWords, wantsWords, type Area,
} from '../model/answers';
import type { ProblemCode } from './responses-problem';

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Lower-case, single spaces and hyphens as `_`: `Som i dag` → `som_i_dag`. */
export function normaliseWord(s: string): string {
  return s.normalize('NFC').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Normalises a name for matching: NFC, lower case, single spaces. */
export function normaliseName(s: string): string {
  return s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Parses a number as Norwegian Excel writes it (`1 234,5`, `1.234,5`) or as plain `1234.5`.
 * @returns the number, or null when the text is not a number
 */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  let canonical: string | null = null;
  if (/^[-+]?\d+([.,]\d+)?$/.test(s)) canonical = s.replace(',', '.');
  else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) canonical = s.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) canonical = s.replace(/,/g, '');
  if (canonical === null) return null;
  const n = Number(canonical);
  return Number.isFinite(n) ? n : null;
}

/**
 * Parses a date as `dd.mm.yyyy` (Norwegian Excel), `dd/mm/yyyy`, or ISO `yyyy-mm-dd` (optionally with a time).
 * @returns ISO `yyyy-mm-dd`, or null when the text is not a real calendar date
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- cell schemas (zod)

/** The params a cell schema puts on its issue: the problem code and the message values. */
export type IssueParams = { problem: ProblemCode } & Record<string, string>;

function fail(ctx: z.RefinementCtx, params: IssueParams): never {
  ctx.addIssue({ code: z.ZodIssueCode.custom, params });
  return z.NEVER;
}

const textCell = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const text = s.replace(/\r\n?/g, '\n').trim();
    if (text.length > importLimits.maxTextChars) fail(ctx, { problem: 'text_too_long', max: String(importLimits.maxTextChars) });
    return text;
  });

function enumCell<T extends string>(words: Record<string, T>, empty: T) {
  return z
    .string()
    .default('')
    .transform((s, ctx): T => {
      const w = normaliseWord(s);
      if (w === '') return empty;
      if (Object.prototype.hasOwnProperty.call(words, w)) return words[w];
      return fail(ctx, { problem: 'invalid_value', value: s.trim(), allowed: Object.keys(words).join(', ') });
    });
}

const areasCell = z
  .string()
  .default('')
  .transform((s, ctx): Area[] => {
    const found = new Set<Area>();
    for (const part of s.split(/[,;/]/)) {
      const w = normaliseWord(part);
      if (w === '') continue;
      const area = Object.prototype.hasOwnProperty.call(areaWords, w) ? areaWords[w] : undefined;
      if (!area) return fail(ctx, { problem: 'invalid_value', value: part.trim(), allowed: Object.keys(areaWords).join(', ') });
      found.add(area);
    }
    return areaValues.filter((a) => found.has(a));
  });

const dateCell = z
  .string()
  .default('')
  .transform((s, ctx): string | null => {
    if (s.trim() === '') return null;
    return parseDate(s) ?? fail(ctx, { problem: 'invalid_date', value: s.trim() });
  });

const numberCell = (min: 'any' | 'nonNegative') =>
  z
    .string()
    .default('')
    .transform((s, ctx): number | null => {
      if (s.trim() === '') return null;
      const n = parseNumber(s);
      if (n === null) return fail(ctx, { problem: 'invalid_number', value: s.trim() });
      if (min === 'nonNegative' && n < 0) return fail(ctx, { problem: 'negative_number', value: s.trim() });
      return n;
    });

const premisesCells = Object.fromEntries(
  Array.from({ length: maxPremisesPerRow }, (_, i) => i + 1).flatMap((n) => [
    [premisesColumn(n, 'adresse'), textCell],
    [premisesColumn(n, 'lat'), numberCell('any')],
    [premisesColumn(n, 'lon'), numberCell('any')],
    [premisesColumn(n, 'samlokalisert_med'), textCell],
    [premisesColumn(n, 'areal_m2'), numberCell('nonNegative')],
    [premisesColumn(n, 'ledig_fra'), dateCell],
    [premisesColumn(n, 'arlig_kostnad_nok'), numberCell('nonNegative')],
    [premisesColumn(n, 'merknad'), textCell],
  ]),
) as Record<string, z.ZodTypeAny>;

/** The cells of one row, by column name (the kommune columns are resolved separately). */
export const rowCellsSchema = z.object({
  kommunenummer: z.string().default(''),
  kommunenavn: z.string().default(''),
  mottatt_dato: dateCell,
  sp1_utfordringer: textCell,
  sp1_omrader: areasCell,
  sp2_fornoyd: enumCell(satisfiedWords, 'not_answered'),
  sp2_begrunnelse: textCell,
  sp3_samarbeid: textCell,
  sp3_ressurser: textCell,
  sp4_tjenestested: enumCell(trendWords, 'not_answered'),
  sp4_tilstedevaerelse: enumCell(trendWords, 'not_answered'),
  sp4_oppmote: enumCell(trendWords, 'not_answered'),
  sp4_telefon: enumCell(trendWords, 'not_answered'),
  sp4_internett: enumCell(trendWords, 'not_answered'),
  sp4_kommentar: textCell,
  sp5_onsker_tjenestested: enumCell(wantsWords, 'not_answered'),
  ...premisesCells,
});

export type RowCells = z.output<typeof rowCellsSchema>;
