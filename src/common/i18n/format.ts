/** Locale-aware formats of numbers and dates (`1 234,5` and Norwegian time in bokmål). */
/** The interface's languages (the same as `Locale` of the catalogue; declared here so the browser code can use this module, which imports nothing). */
type Locale = 'nb' | 'en';

const tag = (locale: Locale): string => (locale === 'nb' ? 'nb-NO' : 'en-GB');

/**
 * One formatter per (kind, locale, digits), made on first use and kept: building an `Intl` formatter costs
 * about 25 µs for numbers and 200 µs for dates with a time zone (measured on Node 20), formatting with a
 * built one about 1 µs, and a page of 357 rows formats thousands of numbers. Made lazily so a process that
 * formats nothing (a CLI run with `--json`) does not load the time-zone data.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** Formats a number in the locale: `1 234,5` in Norwegian, `1,234.5` in English; `–` when missing. */
export function formatNumber(locale: Locale, value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return cached(`n:${locale}:${digits}`, () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits })).format(value);
}

/** Decimals of a score (0–100) on every page and in every export: «29,13» reads the same everywhere. */
export const SCORE_DIGITS = 2;

/** A score (0–100) with `SCORE_DIGITS` decimals in the locale; `–` when missing. */
export function formatScore(locale: Locale, value: number | null | undefined): string {
  return formatNumber(locale, value, SCORE_DIGITS);
}

/** Decimals of a solver's gap, in per cent, on every page and in every export («0,0012 %»). */
export const GAP_DIGITS = 4;

/** A solver's gap (a share, 0.000012) as per cent with `GAP_DIGITS` decimals in the locale; `–` when missing. */
export function formatGap(locale: Locale, gap: number | null | undefined): string {
  return gap === null || gap === undefined || !Number.isFinite(gap) ? '–' : `${formatNumber(locale, gap * 100, GAP_DIGITS)} %`;
}

/**
 * A share of robustness samples (0–1: pInSet, pTopK, …) as whole per cent on every page and in every report, rounded
 * down: a share under the stable mark (80 %) never reads «80 %», a site missing from some samples never reads
 * «100 %», and a share above 0 but under 1 % reads «< 1 %», not «0 %»; `–` when missing.
 */
export function formatSampleShare(locale: Locale, share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  if (share > 0 && share < 0.01) return `< ${formatNumber(locale, 1)} %`;
  // The small addition absorbs binary noise (0.29 × 100 = 28.999…) without lifting a real 0.796 to 80.
  return `${formatNumber(locale, Math.floor(share * 100 + 1e-9))} %`;
}

/** Date and time in the locale, in Norwegian time (`26. nov. 2026, 16:28`); the ISO text when it does not parse. */
export function formatDateTime(locale: Locale, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' })).format(d);
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in the locale, as the date part of `formatDateTime` (`26. nov. 2026`): the Norwegian date of an instant,
 * or the day itself of a calendar date (`2022-05-30`, read at noon UTC so no time zone moves it); `–` when
 * empty and the text as it is when it does not parse.
 */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(DAY_ONLY.test(iso) ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: 'Europe/Oslo' })).format(d);
}

const osloParts = (): Intl.DateTimeFormat => cached('parts', () => new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
}));

/** The Norwegian wall-clock time of an instant as numbers; null when the text is no date. */
function wallClock(iso: string): { y: number; mo: number; d: number; h: number; mi: number } | null {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return null;
  const p = Object.fromEntries(osloParts().formatToParts(date).map((x) => [x.type, x.value]));
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute) };
}

/** Norwegian time as `2024-06-02 10:00` (spreadsheets read it as a date); '' when the text is no date. */
export function spreadsheetDateTime(iso: string): string {
  const w = wallClock(iso);
  if (!w) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${two(w.mo)}-${two(w.d)} ${two(w.h)}:${two(w.mi)}`;
}

/**
 * The Norwegian wall-clock time of an instant as a Date whose UTC fields hold it: an Excel cell has
 * no time zone, so a sheet shows this Date as the time in Norway. Null when the text is no date.
 */
export function excelDateTime(iso: string): Date | null {
  const w = wallClock(iso);
  return w ? new Date(Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi)) : null;
}

const ENGLISH_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** An ordinal number in the locale: `19.` in Norwegian, `19th` in English. */
export function formatOrdinal(locale: Locale, n: number): string {
  return locale === 'nb' ? `${n}.` : `${n}${ENGLISH_SUFFIX[cached('ordinal', () => new Intl.PluralRules('en-GB', { type: 'ordinal' })).select(n)] ?? 'th'}`;
}
