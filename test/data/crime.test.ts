import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../scripts/data/csv';

const DATA = path.join(__dirname, '../../data');
const readCsv = (f: string) => parseCsv(fs.readFileSync(path.join(DATA, f), 'utf8'));
const crime = readCsv('crime.csv');
const population = new Map(readCsv('municipalities.csv').map((m) => [m.kommunenummer, Number(m.population)]));
const GROUPS = ['all', 'property_theft', 'violence', 'drugs', 'public_order', 'traffic', 'other'];
const PERIODS = ['2020-2021', '2021-2022', '2022-2023', '2023-2024'];
const cell = (k: string, period: string, group: string) =>
  crime.find((r) => r.kommunenummer === k && r.period === period && r.group === group)!;

describe('data/crime.csv', () => {
  it('When loaded, then it has one row per kommune × period × group (357 × 4 × 7)', () => {
    expect(crime).toHaveLength(357 * 4 * 7);
    expect(new Set(crime.map((r) => `${r.kommunenummer}|${r.period}|${r.group}`)).size).toBe(357 * 4 * 7);
    expect(new Set(crime.map((r) => r.group))).toEqual(new Set(GROUPS));
    expect(new Set(crime.map((r) => r.period))).toEqual(new Set(PERIODS));
  });

  it('When a value is present, then it is finite and per_1000 = offences / population × 1000; when empty, a note says why', () => {
    for (const r of crime) {
      if (r.offences_per_year === '') {
        expect(r.per_1000).toBe('');
        expect(r.note).not.toBe('');
        continue;
      }
      const v = Number(r.offences_per_year);
      expect(Number.isFinite(v)).toBe(true);
      const denom = r.kommunenummer === '1508' && r.period !== '2023-2024' ? population.get('1508')! + population.get('1580')! : population.get(r.kommunenummer)!;
      expect(Number(r.per_1000)).toBeCloseTo((v / denom) * 1000, 2);
    }
  });

  it('When SSB suppressed a cell (0–4 offences), then it carries the interval midpoint 2 with a note saying so, never empty or 0', () => {
    const suppressed = crime.filter((r) => r.note === 'suppressed by SSB (0–4): midpoint 2');
    expect(suppressed.length).toBe(1020);
    for (const r of suppressed) {
      expect(Number(r.offences_per_year)).toBe(2);
      expect(Number(r.per_1000)).toBeGreaterThan(0);
    }
    const indicators = new Map(readCsv('indicators.csv').map((r) => [r.kommunenummer, r]));
    for (const k of population.keys()) {
      const flagged = cell(k, '2023-2024', 'violence').note === 'suppressed by SSB (0–4): midpoint 2';
      expect(indicators.get(k)!.violence_suppressed).toBe(flagged ? '1' : '0');
    }
  });

  it('When Utsira, Haram and Modalen are missing from the source, then their rows are present, empty and explained', () => {
    for (const p of PERIODS) expect(cell('1151', p, 'all').note).toMatch(/Utsira/);
    for (const p of PERIODS.slice(0, 3)) expect(cell('1580', p, 'all').note).toMatch(/counted in 1508 Ålesund/);
    expect(cell('1580', '2023-2024', 'all').offences_per_year).not.toBe('');
    expect(cell('4629', '2023-2024', 'violence').note).toMatch(/Modalen/);
    expect(cell('4629', '2023-2024', 'violence').offences_per_year).toBe('');
  });
});
