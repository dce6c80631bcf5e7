import { numberFormat, weightDigits } from '../../src/client/core/format';
import { translator } from '../../src/client/core/i18n';

/** Intl uses a no-break space (U+00A0) or a narrow one (U+202F) between groups and before %. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('number formats in the interface locale', () => {
  const nb = numberFormat('nb');
  const en = numberFormat('en');

  it('When a number is shown in Norwegian, then groups are spaced and the decimal mark is a comma', () => {
    expect(plain(nb.num(717710))).toBe('717 710');
    expect(plain(nb.num(1234.56, 1))).toBe('1 234,6');
    expect(nb.num(3, 2)).toBe('3,00');
  });

  it('When a number is shown in English, then groups take commas and the decimal mark is a point', () => {
    expect(en.num(717710)).toBe('717,710');
    expect(en.num(1234.56, 1)).toBe('1,234.6');
  });

  it('When a value is missing or not finite, then a dash is shown', () => {
    for (const f of [nb, en]) {
      expect(f.num(null)).toBe('–');
      expect(f.num(undefined)).toBe('–');
      expect(f.num(NaN)).toBe('–');
      expect(f.pct(Infinity)).toBe('–');
      expect(f.indicator(null, 'population')).toBe('–');
    }
  });

  it('When a share is shown, then it is a per cent with the asked decimals', () => {
    expect(plain(nb.pct(0.1234))).toBe('12 %');
    expect(plain(nb.pct(0.1234, 2))).toBe('12,34 %');
    expect(plain(en.pct(1))).toBe('100 %');
  });

  it('When an indicator is shown, then it gets its own decimals and shares become per cent', () => {
    expect(plain(nb.indicator(0.0512, 'shareBeyond45'))).toBe('5,1 %');
    expect(plain(nb.indicator(48.71, 'crimePer1000'))).toBe('48,7');
    expect(plain(nb.indicator(1.234, 'crimeTrendPer1000'))).toBe('1,23');
    expect(plain(nb.indicator(1972.4, 'population'))).toBe('1 972');
    expect(plain(nb.indicator(5.5, 'unknownIndicator'))).toBe('6');
  });

  it('When a weight has a fraction, then it shows one decimal, else none', () => {
    expect([7.5, 3, 0].map(weightDigits)).toEqual([1, 0, 0]);
  });
});

describe('interface texts', () => {
  const t = translator({ 'ws.updated': 'Oppdatert på {ms} ms', 'ws.inSet': 'Nr. {n} av {n}' });

  it('When a text has placeholders, then every occurrence is filled', () => {
    expect(t('ws.updated', { ms: '75' })).toBe('Oppdatert på 75 ms');
    expect(t('ws.inSet', { n: 3 })).toBe('Nr. 3 av 3');
  });

  it('When a key is unknown, then the key itself is shown (so a test or a person notices)', () => {
    expect(t('ws.nonexistent')).toBe('ws.nonexistent');
  });
});
