import { detectDelimiter, parseCsv, parseCsvRecords } from '../../src/common/csv';

describe('CSV comment lines', () => {
  const text = '\uFEFF# Reisetidsmodell: Innebygd; land/sjø\r\n# Kilder: © Kartverket, SSB\r\nKommunenummer;Poengsum\r\n0301;"12,5"\r\n#kommune;1\r\n';

  it('When comment is "#", then lines starting with it are skipped whole and the delimiter is read from the header', () => {
    expect(detectDelimiter(text.slice(1), '#')).toBe(';');
    expect(parseCsv(text, { comment: '#' })).toEqual([['Kommunenummer', 'Poengsum'], ['0301', '12,5']]);
    const { header, records } = parseCsvRecords(text, { delimiter: ';', comment: '#' });
    expect(header).toEqual(['Kommunenummer', 'Poengsum']);
    expect(records.map((r) => r.values)).toEqual([{ Kommunenummer: '0301', Poengsum: '12,5' }]);
  });

  it('When no comment character is given, then a # line is an ordinary row and a # inside a quoted field is data', () => {
    expect(parseCsv(text, { delimiter: ';' })[0]).toEqual(['# Reisetidsmodell: Innebygd', ' land/sjø']);
    expect(parseCsv('a;b\n"#x";1\n', { comment: '#' })).toEqual([['a', 'b'], ['#x', '1']]);
  });
});
