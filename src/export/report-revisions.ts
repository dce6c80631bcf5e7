/**
 * The stored revisions a report was made from, in words: the answers' (`db/revisions.ts`) and the assessments'
 * (`db/advice.ts`). Every part is said, so the words still pin the revision the input hash was computed from.
 */
import { formatDateTime, formatNumber, type Locale } from '../common/i18n';
import { text } from './texts';

/**
 * The answers' revision (`count.versionSum.historyRows.lastChange`, `db/revisions.ts`) in words; every part is said,
 * so the words still pin the revision the input hash was computed from. Text that is no such revision is shown as it is.
 */
export function answersRevisionText(locale: Locale, revision: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(.*)$/.exec(revision);
  if (!m) return revision;
  if (m[1] === '0') return text(locale, 'answersRevisionNone');
  return text(locale, 'answersRevisionValue', {
    n: formatNumber(locale, Number(m[1])), versions: formatNumber(locale, Number(m[2])), history: formatNumber(locale, Number(m[3])), when: formatDateTime(locale, m[4]),
  });
}

/** The assessments' revision (`a<count>.<latest id>`, `db/advice.ts`) in words; other text as it is. */
export function assessmentsRevisionText(locale: Locale, revision: string): string {
  const m = /^a(\d+)\.(\d+)$/.exec(revision);
  if (!m) return revision;
  if (m[1] === '0') return text(locale, 'assessmentsRevisionNone');
  return text(locale, 'assessmentsRevisionValue', { n: formatNumber(locale, Number(m[1])), last: m[2] });
}
