/**
 * Broken selection rules are values in the engine and sentences in the reader's language on the
 * pages (`violationMessage`) and in the server's errors (`violationSaid`, said by `sayLocal`).
 */
import { say, type Locale, type MessageKey } from '../../src/common/i18n';
import { sayLocal } from '../../src/common/errors';
import { defaultSelectionOptions, diagnose, violationText, type Violation } from '../../src/engine';
import { INELIGIBLE_REASON_LABEL } from '../../src/model/labels';
import { violationMessage, violationSaid, VIOLATION_LABEL } from '../../src/model/violations';
import { clientDictionary } from '../../src/web/routes/workspace/common';

const names: Record<string, string> = { '1151': 'Utsira', '0301': 'Oslo' };
const words = (locale: Locale) => ({
  t: (key: MessageKey, params: Record<string, string>) => say(locale, key, params),
  num: (n: number) => new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB').format(n),
  municipality: (id: string) => names[id] ?? id,
});

/** One example of every rule. */
const every: Violation[] = [
  { rule: 'includeUnknown', id: '9999' },
  { rule: 'includeExcluded', id: '1151' },
  { rule: 'includeIneligible', id: '1151', reason: 'wishNo' },
  { rule: 'includeIneligible', id: '1151', reason: null },
  { rule: 'includesOverK', count: 21, k: 20 },
  { rule: 'districtMinOverMax', district: 'Oslo', min: 3, max: 2 },
  { rule: 'districtMinOverAvailable', district: 'Oslo', min: 2, available: 1 },
  { rule: 'includesOverDistrictMax', district: 'Øst', count: 3, max: 2 },
  { rule: 'districtMinsOverK', sum: 1200, k: 20 },
  { rule: 'includesAndMinsOverK', need: 22, k: 20 },
  { rule: 'kOverEligible', k: 20, eligible: 1 },
  { rule: 'kOverEligiblePerGroup', k: 20, eligible: 6, maxPerGroup: 1 },
  { rule: 'districtMaxsUnderK', sum: 12, k: 20 },
];

describe('broken rules in the reader\'s language', () => {
  test.each(['nb', 'en'] as const)('When every kind of broken rule is said in %s, then each names its figures and leaves no placeholder or code', (locale) => {
    for (const v of every) {
      const text = violationMessage(v, words(locale));
      expect(text).not.toMatch(/\{\w+\}|districtMin|includ(e|es)\b|maxPerGroup|\bk\b|rule\./);
      if ('id' in v) expect(text).toContain(names[v.id] ?? v.id);
      if ('district' in v) expect(text).toContain(v.district);
      expect(sayLocal(locale, violationSaid(v, (id) => names[id] ?? id))).toBe(violationMessage(v, { ...words(locale), num: String }));
      if (v.rule === 'includeIneligible' && v.reason) expect(text).toContain(say(locale, 'crit.reason.wishNo'));
    }
  });

  test('When a rule is said, then Norwegian and English differ and numbers take the locale\'s format', () => {
    const v: Violation = { rule: 'districtMinsOverK', sum: 1200, k: 20 };
    expect(violationMessage(v, words('nb'))).toBe('Distriktenes minimum er til sammen 1\u00a0200, men forslaget har bare 20 steder');
    expect(violationMessage(v, words('en'))).toBe('The districts’ minimums add up to 1,200, but the proposal has only 20 sites');
  });

  test.each(['nb', 'en'] as const)('When the workspace says a broken rule in %s, then its page dictionary holds every rule\'s and reason\'s text', (locale) => {
    const dictionary = clientDictionary(locale);
    for (const key of [...Object.values(VIOLATION_LABEL), 'rule.includeIneligibleNoReason', ...Object.values(INELIGIBLE_REASON_LABEL)]) {
      expect(dictionary[key]).toBe(say(locale, key as MessageKey));
    }
  });

  test('When the engine diagnoses rules, then every rule it can name has a label', () => {
    const problem = { candidates: [{ id: 'a', district: 'D', score: 1 }, { id: 'b', district: 'D', score: 1, eligible: false, ineligibleReason: 'wishNo' }] };
    const { violated } = diagnose(problem, { ...defaultSelectionOptions, k: 3, include: ['b', 'zz'], districtMin: { D: 3 } });
    expect(violated.map((v) => v.rule).sort()).toEqual(['districtMinOverAvailable', 'includeIneligible', 'includeUnknown', 'kOverEligible']);
    for (const v of violated) expect(VIOLATION_LABEL[v.rule]).toMatch(/^rule\./);
    expect(violated.map(violationText)).toContain('include b is not eligible (wishNo)');
  });
});
