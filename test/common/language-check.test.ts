import { FindingLog, languageFindings, withoutNames } from '../helpers/language';

describe('the language check', () => {
  it('When a Norwegian text holds an English word, a raw key or an unfilled placeholder, then each is found', () => {
    const found = languageFindings('Rollen district har ikke tilgang; mål = coverage; resp.premises.none; {name}', 'nb');
    expect(found.map((f) => `${f.kind}:${f.match}`)).toEqual(expect.arrayContaining([
      'foreign-word:district', 'foreign-word:coverage', 'raw-key:resp.premises.none', 'placeholder:{name}',
    ]));
  });

  it('When an English text holds Norwegian words, then they are found, and plain English is not', () => {
    expect(languageFindings('Source: Kilder og data', 'en').map((f) => f.match)).toEqual(['Kilder', 'og']);
    expect(languageFindings('The shortlist was saved with 20 candidates.', 'en')).toEqual([]);
    expect(languageFindings('Kortlisten er lagret med 20 kandidater.', 'nb')).toEqual([]);
  });

  it('When a proper name holds a word of the other language, then the name is removed as a whole word only', () => {
    expect(languageFindings('District: Møre og Romsdal', 'en', ['Møre og Romsdal'])).toEqual([]);
    expect(withoutNames('travelModel Mo i Rana', ['Mo'])).toBe('travelModel   i Rana');
  });

  it('When the same finding shows on many pages, then the log lists it once with the count', () => {
    const log = new FindingLog();
    log.add('/a', languageFindings('mål = coverage', 'nb'));
    log.add('/b', languageFindings('mål = coverage', 'nb'));
    expect(log.lines()).toEqual(['/a (+1 more): foreign-word "coverage" in «mål = coverage»']);
  });
});
