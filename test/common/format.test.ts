import { excelDateTime, formatDate, formatDateTime, formatOrdinal, spreadsheetDateTime } from '../../src/common/i18n';

describe('formats of the locale', () => {
  it('When a rank is written, then it is an ordinal of the language', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 19, 21, 22, 23, 101].map((n) => formatOrdinal('en', n))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '19th', '21st', '22nd', '23rd', '101st']);
    expect(formatOrdinal('nb', 19)).toBe('19.');
  });

  it('When a UTC time goes into a spreadsheet, then it is Norwegian wall-clock time, summer and winter', () => {
    expect(spreadsheetDateTime('2024-06-02T08:00:00Z')).toBe('2024-06-02 10:00');
    expect(spreadsheetDateTime('2024-01-15T23:30:00Z')).toBe('2024-01-16 00:30');
    expect(excelDateTime('2024-01-15T23:30:00Z')!.toISOString()).toBe('2024-01-16T00:30:00.000Z');
    expect(spreadsheetDateTime('')).toBe('');
    expect(excelDateTime('not a date')).toBeNull();
  });

  it('When a date is shown, then it is the date part of the date-and-time format: a calendar day as it is, an instant in Norwegian time', () => {
    expect(formatDate('nb', '2022-05-30')).toBe('30. mai 2022');
    expect(formatDate('en', '2022-05-30')).toBe('30 May 2022');
    expect(formatDateTime('nb', '2024-06-01T12:00:00Z').startsWith(formatDate('nb', '2024-06-01T12:00:00Z'))).toBe(true);
    // 23:30 UTC on 31 December is already New Year's Day in Norway.
    expect(formatDate('nb', '2024-12-31T23:30:00Z')).toBe('1. jan. 2025');
    expect(formatDate('nb', null)).toBe('–');
    expect(formatDate('nb', 'not a date')).toBe('not a date');
  });
});
