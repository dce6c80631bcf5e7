/**
 * Reported offences (#8, SSB table 08487 via Samarbeidsdesken) in long format: kommune × period × group.
 * Rates use the population on 1.1.2024 as denominator for every period (an approximation).
 * SSB-suppressed cells (NA: 0 to 4 offences, not published) are an interval, not a missing value: the table
 * carries the midpoint, 2 offences per year, with the note `suppressed by SSB (0–4): midpoint 2`, so a small
 * kommune's violence rate is neither dropped (which would shift its weight to other criteria) nor set to 0.
 */
import type { CsvValue } from './csv';
import { round } from './csv';
import type { CrimeRow, CrimeSourceColumn } from './sources';

export const CRIME_PERIODS = ['2020-2021', '2021-2022', '2022-2023', '2023-2024'] as const;
export const CRIME_GROUPS: readonly { group: string; column: CrimeSourceColumn }[] = [
  { group: 'all', column: 'alt' },
  { group: 'property_theft', column: 'eiendomstyveri' },
  { group: 'violence', column: 'vold_mishandling' },
  { group: 'drugs', column: 'rusmidler' },
  { group: 'public_order', column: 'orden_integritet' },
  { group: 'traffic', column: 'trafikk' },
  { group: 'other', column: 'annet' },
];

/** Stated Norway totals of `alt` per period (shared SOURCES.md #8). */
export const STATED_NORWAY_TOTALS: Record<string, number> = {
  '2020-2021': 286766, '2021-2022': 286516, '2022-2023': 308027, '2023-2024': 325088,
};

/** Offences per year used for a suppressed cell: the midpoint of SSB's 0–4 interval. */
export const SUPPRESSED_MIDPOINT = 2;
/** The note on a suppressed cell (also what the app reads to flag the value). */
export const SUPPRESSED_NOTE = 'suppressed by SSB (0–4): midpoint 2';

export interface CrimeOutRow extends Record<string, CsvValue> {
  kommunenummer: string;
  period: string;
  group: string;
  offences_per_year: number | null;
  per_1000: number | null;
  note: string;
}

/** Why a kommune × period row is absent from the source (documented caveats of #8). */
function missingNote(kommunenummer: string, period: string): string {
  if (kommunenummer === '1151') return 'missing in source: Utsira is absent from all periods of the SSB 08487 extract';
  if (kommunenummer === '1580') return 'not in source for this period: Haram (re-established 1.1.2024) is counted in 1508 Ålesund before 2023-2024';
  if (kommunenummer === '4629' && period === '2023-2024') return 'missing in source: Modalen is absent from 2023-2024 in the SSB 08487 extract';
  return 'missing in source';
}

/**
 * Builds the long table for all kommuner (sorted), periods and groups.
 * @param population population on 1.1.2024 per kommune
 */
export function buildCrime(rows: readonly CrimeRow[], kommuner: readonly string[], population: ReadonlyMap<string, number>) {
  const byKey = new Map<string, CrimeRow>();
  for (const r of rows) {
    if (r.kommunenummer === '0000') continue;
    const key = `${r.kommunenummer}|${r.period}`;
    if (byKey.has(key)) throw new Error(`crime: duplicate row ${key}`);
    if (!population.has(r.kommunenummer)) throw new Error(`crime: unknown kommunenummer ${r.kommunenummer}`);
    byKey.set(key, r);
  }
  const out: CrimeOutRow[] = [];
  const missing: string[] = [];
  for (const k of kommuner) {
    for (const period of CRIME_PERIODS) {
      const src = byKey.get(`${k}|${period}`);
      if (!src) missing.push(`${k} ${period}`);
      // Before 2023-2024 Ålesund's figures include Haram, so the denominator includes Haram's population too.
      const alesundWithHaram = k === '1508' && period !== '2023-2024';
      const denom = alesundWithHaram ? population.get('1508')! + population.get('1580')! : population.get(k)!;
      for (const { group, column } of CRIME_GROUPS) {
        const raw = src ? src.values[column] : null;
        const v = src && raw === null ? SUPPRESSED_MIDPOINT : raw;
        let note = '';
        if (!src) note = missingNote(k, period);
        else if (raw === null) note = SUPPRESSED_NOTE;
        else if (alesundWithHaram) note = 'includes 1580 Haram; per_1000 uses the population of 1508 + 1580';
        out.push({
          kommunenummer: k, period, group,
          offences_per_year: v,
          per_1000: v === null ? null : round((v / denom) * 1000, 3),
          note,
        });
      }
    }
  }
  return { rows: out, missing, norge: rows.filter((r) => r.kommunenummer === '0000') };
}

/** Least-squares slope of y over x = 0, 1, 2, … at the given indices (per period step). */
export function slopePerStep(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxy / sxx;
}
