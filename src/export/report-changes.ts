/** What changed since a snapshot, and the scenario's rules, said with labels and formatted values (the report and the shortlist page). */
import { EXPORT_CRITERIA as CRITERIA } from '../model/criteria-texts';
import type { ScenarioParams } from '../model/scenario';
import type { FigureChange } from '../shortlist/compare';
import { type SnapshotComparison } from '../shortlist';
import { formatNumber, t, type Locale, type MessageKey } from '../common/i18n';
import { INDICATOR_LABEL } from '../model/labels';
import { text, valueLabel } from './texts';
import { type ReportModel } from './report-model';

/** The scenario's rules as label/value rows. */
export function rulesOf(locale: Locale, p: ScenarioParams): [string, string][] {
  const T = (k: Parameters<typeof text>[1]) => text(locale, k);
  const pairs = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k}: ${v}`).join(', ') || T('none');
  return [
    [T('ruleK'), String(p.k)],
    [T('ruleObjective'), valueLabel(locale, p.objective)],
    [T('ruleMinutes'), String(p.minutes)],
    ...(p.objective === 'blend' ? [[T('ruleBlend'), formatNumber(locale, p.blendAlpha, 2)] as [string, string]] : []),
    [T('ruleGate'), p.wishGate ? T('yes') : T('no')],
    [T('ruleNormalization'), valueLabel(locale, p.normalization)],
    [T('ruleAggregation'), valueLabel(locale, p.method)],
    [T('ruleDistrictMin'), pairs(p.districtMin)],
    [T('ruleDistrictMax'), pairs(p.districtMax)],
    [T('ruleInclude'), p.include.join(', ') || T('none')],
    [T('ruleExclude'), p.exclude.join(', ') || T('none')],
  ];
}

/** A snapshot field's label in the reader's language. */
export function fieldLabel(locale: Locale, field: string): string {
  const [kind, key] = field.split('.');
  if (kind === 'value') return CRITERIA.find((c) => c.id === key)?.label[locale] ?? key;
  if (kind === 'indicator') return indicatorLabel(locale, key);
  const simple: Record<string, Parameters<typeof text>[1]> = { score: 'score', rank: 'rank', eligible: 'eligible', site: 'siteKind', advice: 'advice', candidate: 'municipality' };
  return simple[kind] ? text(locale, simple[kind]) : field;
}

/** The differences section of a report (the lines of `changeLines`). */
export function differencesOf(locale: Locale, cmp: SnapshotComparison | null, params: ScenarioParams): ReportModel['differences'] {
  if (!cmp || cmp.identical) return null;
  void params;
  const lines = changeLines(locale, cmp, 40);
  return lines.length ? { intro: text(locale, 'differencesIntro'), lines } : null;
}

/** A changed value as the pages print it: numbers by kind, yes/no, labels of advice and site kinds. */
export function changedValue(locale: Locale, field: string, v: FigureChange['then']): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return text(locale, v ? 'yes' : 'no');
  if (typeof v === 'number') return field === 'rank' ? formatNumber(locale, v, 0) : formatNumber(locale, v, 2);
  if (field === 'site') return valueLabel(locale, v.split(' ')[0]);
  return valueLabel(locale, v);
}

/**
 * What changed between a shortlist's snapshot and today, one line each, in the reader's language:
 * the data, the answers, each figure with its label and both values, each changed answer; a new
 * district assessment is said as such. The shortlist page and the exports show the same lines.
 */
export function changeLines(locale: Locale, cmp: SnapshotComparison, max = 12): string[] {
  const lines: string[] = [];
  if (cmp.dataChanged) lines.push(text(locale, 'dataChanged'));
  if (cmp.answersChanged) lines.push(text(locale, 'answersChanged'));
  const figures = cmp.changes.filter((c) => c.field !== 'answer');
  for (const ch of figures.slice(0, max)) {
    lines.push(`${ch.name} (${ch.kommunenummer}): ${fieldLabel(locale, ch.field)} ${changedValue(locale, ch.field, ch.then)} → ${changedValue(locale, ch.field, ch.now)}`);
  }
  if (figures.length > max) lines.push(`… (+${figures.length - max})`);
  for (const ch of cmp.changes.filter((c) => c.field === 'answer')) lines.push(`${ch.name} (${ch.kommunenummer}): ${text(locale, 'answerChanged')}`);
  if (cmp.assessmentsChanged && cmp.identical) lines.push(text(locale, 'assessmentsOnly'));
  return lines;
}


/** An indicator's label in the reader's language (its key when it has none). */
export function indicatorLabel(locale: Locale, key: string): string {
  const label = (INDICATOR_LABEL as Readonly<Record<string, MessageKey>>)[key];
  return label ? t(locale, label) : key;
}
