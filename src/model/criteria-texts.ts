/**
 * The criteria with their texts: the engine's definitions (`engine/criteria.ts`: ids, directions,
 * default weights) joined with the catalogue's label, unit, source and missing-value rule through the
 * typed maps of `labels.ts`. Pages, the API and the documents read criterion texts from here, so each
 * text has one home (`common/i18n/criteria.ts`) and the engine stays free of texts.
 */
import { t, type Locale, type MessageKey } from '../common/i18n';
import { CRITERIA, type CriterionId, type Direction, type IneligibleReason } from '../engine';
import { CRITERION_TEXT, INELIGIBLE_REASON_LABEL, MISSING_VALUE_RULE } from './labels';

/** A text in both locales (the API's form: the browser picks). */
export interface BothLocales {
  nb: string;
  en: string;
}

/** A criterion as a page shows it, in one locale. */
export interface CriterionInfo {
  id: CriterionId;
  label: string;
  unit: string;
  source: string;
  direction: Direction;
  defaultWeight: number;
  /** How a missing value is treated (the same rule for every criterion, `engine/aggregate.ts`). */
  missing: string;
}

function both(key: MessageKey): BothLocales {
  return { nb: t('nb', key), en: t('en', key) };
}

/** The label of a criterion in a locale. */
export function criterionLabel(locale: Locale, id: CriterionId): string {
  return t(locale, CRITERION_TEXT[id].label);
}

/** The label of an ineligibility reason in a locale. */
export function ineligibleReasonLabel(locale: Locale, reason: IneligibleReason): string {
  return t(locale, INELIGIBLE_REASON_LABEL[reason]);
}

/** The built-in criteria with their texts in one locale, in display order. */
export function criteriaInfo(locale: Locale): CriterionInfo[] {
  return CRITERIA.map((c) => ({
    id: c.id, label: criterionLabel(locale, c.id), unit: t(locale, CRITERION_TEXT[c.id].unit), source: t(locale, CRITERION_TEXT[c.id].source),
    direction: c.direction, defaultWeight: c.defaultWeight, missing: t(locale, MISSING_VALUE_RULE),
  }));
}

/** The criteria as `GET /api/criteria` gives them: every text in both locales, the browser picks. */
export function criteriaBothLocales(): Array<Omit<CriterionInfo, 'label' | 'unit' | 'source' | 'missing'> & Record<'label' | 'unit' | 'source' | 'missing', BothLocales>> {
  return CRITERIA.map((c) => ({
    id: c.id, label: both(CRITERION_TEXT[c.id].label), unit: both(CRITERION_TEXT[c.id].unit), source: both(CRITERION_TEXT[c.id].source),
    direction: c.direction, defaultWeight: c.defaultWeight, missing: both(MISSING_VALUE_RULE),
  }));
}

/** The ineligibility reasons' labels in both locales (`GET /api/criteria`). */
export function ineligibleReasonsBothLocales(): Record<IneligibleReason, BothLocales> {
  const reasons = Object.keys(INELIGIBLE_REASON_LABEL) as IneligibleReason[];
  return Object.fromEntries(reasons.map((r) => [r, both(INELIGIBLE_REASON_LABEL[r])])) as Record<IneligibleReason, BothLocales>;
}

/**
 * The criteria in the shape the document exports still read (`label` in both locales, `unit` in
 * English and `source` in Norwegian, as the engine carried them before its texts moved to the
 * catalogue). Kept only for `src/export`, which is being rewritten at the moment; new code uses
 * `criteriaInfo(locale)`.
 */
export const EXPORT_CRITERIA = CRITERIA.map((c) => ({
  ...c, label: both(CRITERION_TEXT[c.id].label), unit: t('en', CRITERION_TEXT[c.id].unit), source: t('nb', CRITERION_TEXT[c.id].source),
}));

/** The ineligibility reasons' labels in both locales, for `src/export` (see `EXPORT_CRITERIA`). */
export const EXPORT_INELIGIBLE_REASON_LABELS: Readonly<Record<IneligibleReason, BothLocales>> = ineligibleReasonsBothLocales();
