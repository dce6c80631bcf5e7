import type { Db } from '../../src/db/connection';
import { readResponsesTable } from '../../src/import/responses-read';
import { parseDate, parseNumber, validateTable, type Problem } from '../../src/import/responses-validate';
import { describeProblem, referenceFromDb } from '../../src/import/responses-import';
import { memoryDb } from '../helpers/app';
import { csvOf, validRecord } from './fixtures';

let db: Db;
beforeAll(() => {
  db = memoryDb();
});
afterAll(() => db.close());

async function validate(records: Record<string, string>[], columns?: string[]) {
  const table = await readResponsesTable(Buffer.from(csvOf(records, ';', columns), 'utf8'));
  const result = validateTable(table, referenceFromDb(db));
  const messages = result.problems.map((p) => ({ ...p, message: describeProblem('nb', p) }));
  return { ...result, messages };
}

const errorsOf = (ps: (Problem & { message: string })[]) => ps.filter((p) => p.severity === 'error');
const warningsOf = (ps: (Problem & { message: string })[]) => ps.filter((p) => p.severity === 'warning');

describe('answers validation rules', () => {
  it('When every cell is valid, then the row becomes a typed answer with no problems', async () => {
    const { rows, problems } = await validate([validRecord('5001', { lokale1_adresse: 'Munkegata 1', lokale1_lat: '63,4305', lokale1_lon: '10,3951', lokale1_samlokalisert_med: 'rådhus', lokale1_areal_m2: '120', lokale1_ledig_fra: '2023-01-01', lokale1_arlig_kostnad_nok: '150 000' })]);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    const c = rows[0].content;
    expect(c).toMatchObject({
      kommunenummer: '5001',
      receivedDate: '2022-05-30',
      q1: { areas: ['prevention', 'preparedness'] },
      q2: { satisfied: 'partly' },
      q4: { station: 'more', presence: 'more', attendance: 'same', telephone: 'same', internet: 'less' },
      q5: { wantsStation: 'yes' },
    });
    expect(c.q5.premises[0]).toEqual({ address: 'Munkegata 1', lat: 63.4305, lon: 10.3951, coLocatedWith: 'rådhus', floorAreaM2: 120, availableFrom: '2023-01-01', yearlyCostNok: 150000, notes: '' });
  });

  it('When a row has an unknown kommunenummer, then it is an error naming row, column and number', async () => {
    const { rows, messages, rejectedRows } = await validate([validRecord('5001'), validRecord('9999', { kommunenavn: '' })]);
    expect(rows).toHaveLength(1);
    expect(rejectedRows).toEqual([3]);
    expect(errorsOf(messages)).toEqual([
      expect.objectContaining({ row: 3, column: 'A', field: 'kommunenummer', code: 'unknown_kommunenummer', message: expect.stringContaining('Ukjent kommunenummer 9999') }),
    ]);
  });

  it('When only an unambiguous name is given, then the municipality is found by name (also by one part of a double name)', async () => {
    const { rows, problems } = await validate([
      validRecord('', { kommunenavn: 'Bodø' }),
      validRecord('', { kommunenavn: 'kautokeino' }),
      validRecord('', { kommunenavn: 'Trondheim - Tråante' }),
    ]);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.content.kommunenummer)).toEqual(['1804', '5612', '5001']);
  });

  it('When only an ambiguous name is given, then it is an error listing the candidates', async () => {
    const { rows, messages } = await validate([validRecord('', { kommunenavn: 'Herøy' })]);
    expect(rows).toEqual([]);
    expect(errorsOf(messages)).toEqual([
      expect.objectContaining({ row: 2, column: 'B', field: 'kommunenavn', code: 'ambiguous_name', message: expect.stringMatching(/Herøy.*tvetydig.*1515 Herøy, 1818 Herøy/) }),
    ]);
  });

  it('When an unknown name is given without a number, then it is an error', async () => {
    const { messages } = await validate([validRecord('', { kommunenavn: 'Atlantis' })]);
    expect(errorsOf(messages)).toEqual([expect.objectContaining({ code: 'unknown_name', message: 'Ukjent kommunenavn «Atlantis».' })]);
  });

  it('When the name contradicts the number, then it is an error naming the expected name', async () => {
    const { messages } = await validate([validRecord('0301', { kommunenavn: 'Bergen' })]);
    expect(errorsOf(messages)).toEqual([expect.objectContaining({ field: 'kommunenavn', code: 'name_mismatch', message: expect.stringContaining('(Oslo)') })]);
  });

  it('When Excel dropped the leading zero (301), then the number is restored with a warning', async () => {
    const { rows, messages } = await validate([validRecord('301', { kommunenavn: 'Oslo' })]);
    expect(rows[0].content.kommunenummer).toBe('0301');
    expect(warningsOf(messages)).toEqual([expect.objectContaining({ code: 'kommunenummer_padded', message: expect.stringContaining('0301') })]);
  });

  it('When a municipality appears twice, then the second row is an error pointing at the first', async () => {
    const { messages, rejectedRows } = await validate([validRecord('5001'), validRecord('5001')]);
    expect(rejectedRows).toEqual([3]);
    expect(errorsOf(messages)).toEqual([expect.objectContaining({ row: 3, code: 'duplicate_kommune', message: 'Kommune 5001 står allerede i rad 2.' })]);
  });

  it('When an enumeration has an unknown value, then it is an error listing the allowed values', async () => {
    const { messages } = await validate([validRecord('5001', { sp2_fornoyd: 'kanskje', sp4_telefon: 'Som i dag', sp1_omrader: 'forebygging, trafikk' })]);
    expect(errorsOf(messages)).toEqual([
      expect.objectContaining({ row: 2, column: 'E', field: 'sp1_omrader', code: 'invalid_value', message: 'Ugyldig verdi «trafikk» i sp1_omrader; tillatte verdier: forebygging, beredskap, sivile_tjenester.' }),
      expect.objectContaining({ row: 2, column: 'F', field: 'sp2_fornoyd', code: 'invalid_value', message: 'Ugyldig verdi «kanskje» i sp2_fornoyd; tillatte verdier: ja, nei, delvis, ikke_besvart.' }),
    ]);
  });

  it('When enumerations are written in other case or with spaces, or left empty, then they are read (empty = ikke_besvart)', async () => {
    const { rows, problems } = await validate([validRecord('5001', { sp2_fornoyd: 'JA', sp4_telefon: 'Som i dag', sp4_internett: '', sp5_onsker_tjenestested: 'Ikke besvart' })]);
    expect(problems).toEqual([]);
    expect(rows[0].content.q2.satisfied).toBe('yes');
    expect(rows[0].content.q4).toMatchObject({ telephone: 'same', internet: 'not_answered' });
    expect(rows[0].content.q5.wantsStation).toBe('not_answered');
  });

  it('When a date or a number cannot be parsed, then each is an error with the value', async () => {
    const { messages } = await validate([
      validRecord('5001', { mottatt_dato: '31.02.2022', lokale1_adresse: 'Torget 1', lokale1_areal_m2: 'stort', lokale1_ledig_fra: 'snart', lokale1_arlig_kostnad_nok: '-5' }),
    ]);
    expect(errorsOf(messages).map((p) => [p.field, p.code, p.message])).toEqual([
      ['mottatt_dato', 'invalid_date', 'Ugyldig dato «31.02.2022» i mottatt_dato; bruk dd.mm.åååå eller åååå-mm-dd.'],
      ['lokale1_areal_m2', 'invalid_number', 'Ugyldig tall «stort» i lokale1_areal_m2.'],
      ['lokale1_ledig_fra', 'invalid_date', 'Ugyldig dato «snart» i lokale1_ledig_fra; bruk dd.mm.åååå eller åååå-mm-dd.'],
      ['lokale1_arlig_kostnad_nok', 'negative_number', 'Tallet -5 i lokale1_arlig_kostnad_nok kan ikke være negativt.'],
    ]);
  });

  it('When coordinates lie outside Norway, then it is an error (with a hint when lat and lon look swapped)', async () => {
    const { messages } = await validate([
      validRecord('5001', { lokale1_adresse: 'A', lokale1_lat: '48,85', lokale1_lon: '2,35' }),
      validRecord('1804', { lokale1_adresse: 'B', lokale1_lat: '14,40', lokale1_lon: '67,28' }),
    ]);
    expect(errorsOf(messages)).toEqual([
      expect.objectContaining({ row: 2, field: 'lokale1_lat', code: 'outside_norway', message: 'Koordinatene (bredde 48.85, lengde 2.35) ligger utenfor Norge.' }),
      expect.objectContaining({ row: 3, field: 'lokale1_lat', code: 'coordinates_swapped', message: expect.stringContaining('byttet om') }),
    ]);
  });

  it('When a premises point lies outside its municipality beyond the tolerance, then it is a warning, not an error', async () => {
    // Oslo city hall given for Trondheim: in Norway, far outside the municipality.
    const { rows, messages } = await validate([validRecord('5001', { lokale1_adresse: 'Rådhusplassen 1', lokale1_lat: '59,9119', lokale1_lon: '10,7336' })]);
    expect(errorsOf(messages)).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(warningsOf(messages)).toEqual([expect.objectContaining({ row: 2, field: 'lokale1_lat', code: 'outside_municipality', message: expect.stringMatching(/^Lokalet ligger \d+\.\d km utenfor kommunegrensen \(toleranse 2 km\)/) })]);
  });

  it('When a premises point lies just off the coast-clipped polygon (within 2 km), then there is no warning', async () => {
    // Bodø harbour front: this point lies 0.4 km outside the clipped polygon, in the harbour basin.
    const { messages } = await validate([validRecord('1804', { lokale1_adresse: 'Kaigata 1', lokale1_lat: '67,2870', lokale1_lon: '14,3725' })]);
    expect(messages).toEqual([]);
  });

  it('When a premises has data but no address, or only half a coordinate pair, then each is an error', async () => {
    const { messages } = await validate([validRecord('5001', { lokale2_areal_m2: '80', lokale2_lat: '63,43' })]);
    expect(errorsOf(messages).map((p) => [p.field, p.code])).toEqual([
      ['lokale2_adresse', 'premises_address_missing'],
      ['lokale2_lon', 'coordinate_missing'],
    ]);
  });

  it('When a required column is missing from the header, then the file is rejected before any row is read', async () => {
    const columns = ['kommunenummer', 'kommunenavn', 'sp5_onsker_tjenestested'];
    const { rows, messages } = await validate([validRecord('5001')], columns);
    expect(rows).toEqual([]);
    expect(errorsOf(messages).map((p) => p.field)).toContain('sp2_fornoyd');
    expect(errorsOf(messages)[0]).toMatchObject({ row: 1, code: 'missing_column', message: expect.stringContaining('mangler i overskriftsraden') });
  });

  it('When premises are offered but no station is wanted, then it is a warning', async () => {
    const { messages } = await validate([validRecord('5001', { sp5_onsker_tjenestested: 'nei', lokale1_adresse: 'Torget 1' })]);
    expect(messages).toEqual([expect.objectContaining({ severity: 'warning', code: 'premises_without_wish' })]);
  });

  it('When problem messages are asked for in English, then they are English', async () => {
    const { problems } = await validate([validRecord('9999', { kommunenavn: '' })]);
    expect(describeProblem('en', problems[0])).toBe('Unknown kommunenummer 9999: not one of the 357 municipalities (2024 structure).');
  });
});

describe('number and date parsing', () => {
  it('When numbers are written as Norwegian Excel writes them, then they parse', () => {
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('1\u00a0234,5')).toBe(1234.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('63,4305')).toBe(63.4305);
    expect(parseNumber('1234.5')).toBe(1234.5);
    expect(parseNumber('12,3,4')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });

  it('When dates are dd.mm.yyyy, dd/mm/yyyy or ISO, then they parse to ISO; impossible dates do not', () => {
    expect(parseDate('1.6.2022')).toBe('2022-06-01');
    expect(parseDate('30/05/2022')).toBe('2022-05-30');
    expect(parseDate('2022-05-30')).toBe('2022-05-30');
    expect(parseDate('2022-05-30T00:00:00Z')).toBe('2022-05-30');
    expect(parseDate('29.02.2023')).toBeNull();
    expect(parseDate('2022-13-01')).toBeNull();
  });
});
