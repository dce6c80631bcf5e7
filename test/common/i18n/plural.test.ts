/**
 * Counts read right in both languages: `{n|one|other}` in a catalogue text picks the singular for 1 and the
 * plural otherwise, on the server (`say`, `fillMessage`, the import's `fillTemplate`) and in the browser
 * (`translator`); and no text falls back on "(s)".
 */
import { choosePlurals, dictionary, fillMessage, say } from '../../../src/common/i18n';
import { fillTemplate } from '../../../src/import/responses-import';
import { translator } from '../../../src/client/core/i18n';

describe('singular and plural in messages', () => {
  it('When a count is 1, then the singular form is chosen; 0, 2 and formatted thousands take the plural', () => {
    const text = '{n} {n|kommune|kommuner}';
    expect(fillMessage(text, { n: 1 })).toBe('1 kommune');
    expect(fillMessage(text, { n: '1' })).toBe('1 kommune');
    expect(fillMessage(text, { n: 0 })).toBe('0 kommuner');
    expect(fillMessage(text, { n: 2 })).toBe('2 kommuner');
    expect(fillMessage(text, { n: '1\u00a0001' })).toBe('1\u00a0001 kommuner');
    expect(fillMessage(text, { n: '1,001' })).toBe('1,001 kommuner');
  });

  it('When a choice names no given value, then it is left as it is (like an unknown placeholder)', () => {
    expect(choosePlurals('{n|a|b} {m}', { m: 1 })).toBe('{n|a|b} {m}');
  });

  it('When the audit, rules and workspace texts are said with 1, then they read «1 endring», «1 sted», «1 kommune» and their English', () => {
    expect(say('nb', 'audit.count', { n: 1 })).toBe('1 endring');
    expect(say('nb', 'audit.count', { n: 3 })).toBe('3 endringer');
    expect(say('en', 'audit.count', { n: 1 })).toBe('1 change');
    expect(say('nb', 'report.assessmentsRevisionValue', { n: 1, last: 7 })).toBe('1 vurdering registrert, den siste med løpenummer 7');
    expect(say('nb', 'report.moreHistory', { n: 1 })).toBe('… og 1 eldre vurdering');
    expect(say('nb', 'rule.includesOverK', { count: 2, k: 1 })).toBe('Tvunget inn: 2 kommuner, men forslaget har bare 1 sted');
    expect(say('en', 'rule.includesOverK', { count: 1, k: 0 })).toBe('Forced in: 1 municipality, but the proposal has only 0 sites');
    expect(say('nb', 'ws.tooFewEligible', { k: 20, n: 1 })).toContain('bare 1 kommune er valgbar.');
  });

  it('When the browser translates a text with a count, then it chooses the same way as the server', () => {
    const t = translator(dictionary('nb'));
    expect(t('prop.heading', { k: 1 })).toBe('Forslag: 1 kommune');
    expect(t('prop.heading', { k: 20 })).toBe('Forslag: 20 kommuner');
    expect(translator(dictionary('en'))('prop.heading', { k: 1 })).toBe('Proposal: 1 municipality');
  });

  it('When the import fills a template, then its counts choose too', () => {
    expect(fillTemplate(dictionary('en')['import.statusLine'], { count: '1' })).toBe('Loaded now: 1 answer');
  });

  it('When every text of the catalogue is read, then none writes "(s)" for a plural and every choice has two forms', () => {
    for (const locale of ['nb', 'en'] as const) {
      for (const [key, text] of Object.entries(dictionary(locale))) {
        expect(`${key}: ${/\w\(s\)/.test(text) ? text : ''}`).toBe(`${key}: `);
        for (const m of text.matchAll(/\{(\w+)\|([^{}]*)\}/g)) expect(`${key}: ${m[2].split('|').length}`).toBe(`${key}: 2`);
      }
    }
  });
});
