/**
 * Numbers written into the catalogue's texts follow the reader's number format, as the formatted
 * figures beside them do: «per 1 000» in bokmål and "per 1,000" in English, never a bare «1000»
 * (years and codes with a leading zero, such as SSB's table 08487, are names, not amounts).
 */
import { dictionary, type Locale } from '../../../src/common/i18n';

/** Runs of four or more digits with no group separator, as `key: number` lines. */
function ungroupedNumbers(locale: Locale): string[] {
  const found: string[] = [];
  for (const [key, text] of Object.entries(dictionary(locale) as Record<string, string>)) {
    for (const m of String(text).matchAll(/(?<![\d.,\w{:-])\d{4,}(?![\d.,\w])/g)) {
      if (/^(19|20)\d\d$/.test(m[0]) || m[0].startsWith('0')) continue;
      found.push(`${key}: ${m[0]}`);
    }
  }
  return found;
}

describe('numbers in the catalogue', () => {
  it.each(['nb', 'en'] as Locale[])('When the %s texts are read, then every amount of four or more digits has its group separator', (locale) => {
    expect(ungroupedNumbers(locale)).toEqual([]);
  });

  it('When the criteria for crime are named, then bokmål writes «per 1 000» as the indicators do', () => {
    expect(dictionary('nb')['crit.crimeRate']).toBe('Anmeldte lovbrudd per 1 000');
    expect(dictionary('nb')['ind.crimePer1000']).toContain('per 1 000');
  });
});
