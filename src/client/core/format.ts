/**
 * Number formats in the interface's locale (1 234,5 in Norwegian, 1,234.5 in English). Pure: the
 * same functions run in the browser and in the unit tests.
 */
import { GAP_DIGITS, SCORE_DIGITS, formatSampleShare } from '../../common/i18n/format';

export type Locale = 'nb' | 'en';

/** What is shown for a missing or non-finite value. */
export const MISSING_TEXT = '–';

/** Decimals per indicator (and for score and rank) when shown in a table, legend or tooltip. */
export const INDICATOR_DIGITS: Readonly<Record<string, number>> = {
  population: 0, densityPerKm2: 1, crimePer1000: 1, violencePer1000: 1, crimeTrendPer1000: 2,
  driveMinMean: 1, residentsBeyond45: 0, shareBeyond45: 1, nearestStationMin: 1, areaKm2: 0, score: SCORE_DIGITS, rank: 0,
};

/** Indicators that are shares (0–1) and are shown as per cent. */
const SHARE_INDICATORS: ReadonlySet<string> = new Set(['shareBeyond45']);

export interface NumberFormat {
  /** `value` with exactly `digits` decimals (default 0); `–` when missing. */
  num(value: number | null | undefined, digits?: number): string;
  /** A share 0–1 as per cent with `digits` decimals (default 0), e.g. `12 %`; `–` when missing. */
  pct(share: number | null | undefined, digits?: number): string;
  /** A score (0–100) with the decimals of every page and export (`SCORE_DIGITS`). */
  score(value: number | null | undefined): string;
  /** A share of robustness samples (pInSet, …) as whole per cent, rounded down, «< 1 %» above 0 (`formatSampleShare`). */
  sampleShare(share: number | null | undefined): string;
  /** A solver's gap (a share) as per cent with the decimals of every page and export (`GAP_DIGITS`). */
  gap(share: number | null | undefined): string;
  /** An indicator value with its own decimals (shares as per cent). */
  indicator(value: number | null | undefined, key: string): string;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The number formats of `locale` (Intl formatters are made once per number of decimals). */
export function numberFormat(locale: Locale): NumberFormat {
  const tag = locale === 'en' ? 'en-GB' : 'nb-NO';
  const formatters = new Map<number, Intl.NumberFormat>();
  const formatter = (digits: number): Intl.NumberFormat => {
    let f = formatters.get(digits);
    if (!f) formatters.set(digits, (f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits, minimumFractionDigits: digits })));
    return f;
  };
  const num = (value: number | null | undefined, digits = 0): string => (isNumber(value) ? formatter(digits).format(value) : MISSING_TEXT);
  const pct = (share: number | null | undefined, digits = 0): string => (isNumber(share) ? `${num(share * 100, digits)} %` : MISSING_TEXT);
  const indicator = (value: number | null | undefined, key: string): string =>
    SHARE_INDICATORS.has(key) ? pct(value, 1) : num(value, INDICATOR_DIGITS[key] ?? 0);
  return { num, pct, score: (value) => num(value, SCORE_DIGITS), sampleShare: (share) => formatSampleShare(locale, share), gap: (share) => pct(share, GAP_DIGITS), indicator };
}

/** Decimals to show for a weight: one when it has a fraction (2.5), none otherwise (3). */
export function weightDigits(weight: number): number {
  return weight % 1 ? 1 : 0;
}
