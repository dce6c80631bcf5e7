/** Locale-aware formats of numbers and dates (`1 234,5` and Norwegian time in bokmål). */
import type { Locale } from './index';

/** Formats a number in the locale: `1 234,5` in Norwegian, `1,234.5` in English; `–` when missing. */
export function formatNumber(locale: Locale, value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** Date and time in the locale, in Norwegian time (`26. nov. 2026, 16:28`); the ISO text when it does not parse. */
export function formatDateTime(locale: Locale, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(d);
}
