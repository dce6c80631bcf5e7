/**
 * A share of robustness samples (pInSet, pTopK, …) reads one way on every page and in every report, and its rounding
 * never changes what it says: under the stable mark (80 %) it never reads «80 %», short of every sample never
 * «100 %», in a few samples never «0 %».
 */
import { formatSampleShare } from '../../src/common/i18n';
import { numberFormat } from '../../src/client/core/format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('a share of robustness samples', () => {
  it('When a share lies just under a mark that means something, then the text stays under it', () => {
    expect(plain(formatSampleShare('nb', 0.796))).toBe('79 %');
    expect(plain(formatSampleShare('nb', 0.997))).toBe('99 %');
    expect(plain(formatSampleShare('en', 0.995))).toBe('99 %');
    expect(plain(formatSampleShare('nb', 0.003))).toBe('< 1 %');
  });

  it('When a share is exact, then it reads as its whole per cent, binary noise included (0.29 × 100 = 28.999…)', () => {
    expect(plain(formatSampleShare('nb', 0.8))).toBe('80 %');
    expect(plain(formatSampleShare('nb', 0.29))).toBe('29 %');
    expect(plain(formatSampleShare('en', 1))).toBe('100 %');
    expect(plain(formatSampleShare('en', 0))).toBe('0 %');
    expect(formatSampleShare('nb', null)).toBe('–');
  });

  it('When the browser and the server show the same share, then the text is the same', () => {
    for (const locale of ['nb', 'en'] as const) {
      for (let i = 0; i <= 1000; i++) expect(numberFormat(locale).sampleShare(i / 1000)).toBe(formatSampleShare(locale, i / 1000));
    }
  });
});
