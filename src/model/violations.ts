/**
 * A broken selection rule in the reader's words: the engine names the rule and its figures
 * (`engine/rules.ts`, `Violation`), this map gives each rule its catalogue key, and `violationMessage`
 * fills it with the municipality's name, the reason's label and numbers in the locale's format. The
 * server (shortlist errors) and the browser (the workspace's infeasibility note) say it the same way.
 */
import type { MessageKey } from '../common/i18n';
import type { Violation, ViolationRule } from '../engine';
import { INELIGIBLE_REASON_LABEL } from './labels';

export const VIOLATION_LABEL: Readonly<Record<ViolationRule, MessageKey>> = {
  includeUnknown: 'rule.includeUnknown',
  includeExcluded: 'rule.includeExcluded',
  includeIneligible: 'rule.includeIneligible',
  includesOverK: 'rule.includesOverK',
  districtMinOverMax: 'rule.districtMinOverMax',
  districtMinOverAvailable: 'rule.districtMinOverAvailable',
  includesOverDistrictMax: 'rule.includesOverDistrictMax',
  districtMinsOverK: 'rule.districtMinsOverK',
  includesAndMinsOverK: 'rule.includesAndMinsOverK',
  kOverEligible: 'rule.kOverEligible',
  kOverEligiblePerGroup: 'rule.kOverEligiblePerGroup',
  districtMaxsUnderK: 'rule.districtMaxsUnderK',
};

/** What `violationMessage` needs from its shell: the catalogue, the number format and the names. */
export interface ViolationWords {
  t: (key: MessageKey, params: Record<string, string>) => string;
  num: (n: number) => string;
  /** A municipality's name from its number (the number itself when unknown). */
  municipality: (id: string) => string;
}

/** A catalogue message with nested messages (the shape of `common/errors`' `LocalMessage`). */
export interface ViolationSaid {
  key: MessageKey;
  params: Record<string, string | number | { key: MessageKey }>;
}

/**
 * One broken rule as a catalogue message for the server's errors, said later in the reader's
 * language: the municipality is named, the reason is its own message.
 */
export function violationSaid(v: Violation, municipality: (id: string) => string): ViolationSaid {
  const params: ViolationSaid['params'] = {};
  for (const [name, value] of Object.entries(v)) {
    if (name === 'rule' || value === null) continue;
    params[name] = typeof value === 'number' ? value : name === 'id' ? municipality(value) : name === 'reason' ? reasonSaid(value) : value;
  }
  const key = v.rule === 'includeIneligible' && !v.reason ? 'rule.includeIneligibleNoReason' : VIOLATION_LABEL[v.rule];
  return { key, params };
}

/** One broken rule as a sentence in the reader's language (`violationSaid`, said at once with the shell's catalogue). */
export function violationMessage(v: Violation, w: ViolationWords): string {
  const { key, params } = violationSaid(v, w.municipality);
  const said: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    said[name] = typeof value === 'number' ? w.num(value) : typeof value === 'string' ? value : w.t(value.key, {});
  }
  return w.t(key, said);
}

function reasonSaid(reason: string): { key: MessageKey } | string {
  const labels: Readonly<Record<string, MessageKey>> = INELIGIBLE_REASON_LABEL;
  return labels[reason] ? { key: labels[reason] } : reason;
}
