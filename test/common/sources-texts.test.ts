import fs from 'node:fs';
import path from 'node:path';
import { COMMITTED_DATA_VINTAGE, dataVintageText, sourceInLocale } from '../../src/model/source-labels';
import { SOURCE_IDS } from '../../src/common/i18n/sources';

const file = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'vintage.json'), 'utf8')) as {
  dataVintage: string; sources: { id: string; title: string; publisher: string; licence: string; vintage: string }[];
};

describe('the data sources in the reader\'s language', () => {
  it('When the data set is the committed one, then its vintage has a text in both languages', () => {
    expect(file.dataVintage).toBe(COMMITTED_DATA_VINTAGE);
    expect(dataVintageText('nb', file.dataVintage)).toContain('folkemengde 1.1.2024');
    expect(dataVintageText('en', file.dataVintage)).toContain('population 1 Jan 2024');
    expect(dataVintageText('nb', 'Kommuner 2026')).toBe('Kommuner 2026');
  });

  it('When a source of data/vintage.json is shown, then the catalogue has its title, publisher, licence and vintage', () => {
    expect(file.sources.map((s) => s.id).sort()).toEqual([...SOURCE_IDS].sort());
    for (const s of file.sources) {
      const nb = sourceInLocale('nb', { ...s, reference: 'x' });
      const en = sourceInLocale('en', { ...s, reference: 'x' });
      expect(nb.title).not.toBe('');
      expect(en.publisher).not.toBe('');
      expect(nb.reference).toBe('x');
    }
  });
});
