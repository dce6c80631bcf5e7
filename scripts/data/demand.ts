/**
 * Demand points: Bolstad's populated postcode points (#6), recoded from the 2020 to the 2024 kommune structure
 * and rescaled to the population on 1.1.2024 per kommune (largest-remainder rounding, Hamilton's method).
 */
import type { BolstadRow } from './sources';

/** A kommune of the 2024 structure as the mapping needs it. */
export interface KommuneRef {
  kommunenummer: string;
  names: readonly string[];
  population: number;
}

/** One demand point. */
export interface DemandPoint {
  id: string;
  postnummer: string;
  place: string;
  kommunenummer: string;
  lon: number;
  lat: number;
  populationSource: number;
  population: number;
}

/** Successor fylker of the 2020 fylker that were split on 1.1.2024. */
const SPLIT_FYLKER: Record<string, readonly string[]> = {
  '30': ['31', '32', '33'],
  '38': ['39', '40'],
  '54': ['55', '56'],
};

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Keys a 2024 kommune can be matched by: its full name and each part of a combined Sami/Kven name. */
function nameKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const n of names) {
    keys.add(norm(n));
    for (const part of n.split(/ - /)) keys.add(norm(part));
  }
  return [...keys];
}

/** Report of the recoding step. */
export interface RecodeReport {
  unchanged: number;
  byName: number;
  alesundSplit: Record<string, number>;
  dropped: { postnummer: string; kommnr2020: string; kommune: string }[];
}

/**
 * Builds a function from a Bolstad row to its 2024 kommunenummer (null when the row has no 2024 kommune,
 * e.g. Svalbard). Throws when a row of a split fylke cannot be matched by name.
 */
export function makeRecoder(kommuner: readonly KommuneRef[], postalCodes2026: ReadonlyMap<string, string>) {
  const codes = new Set(kommuner.map((k) => k.kommunenummer));
  const byFylkeName = new Map<string, string>();
  for (const k of kommuner) {
    for (const key of nameKeys(k.names)) byFylkeName.set(`${k.kommunenummer.slice(0, 2)}|${key}`, k.kommunenummer);
  }
  const report: RecodeReport = { unchanged: 0, byName: 0, alesundSplit: {}, dropped: [] };
  const recode = (row: BolstadRow): string | null => {
    const old = row.kommnr2020;
    if (old === '1507') {
      const to = postalCodes2026.get(row.postnummer);
      const code = to === '1580' ? '1580' : '1508';
      report.alesundSplit[`${code}${to ? '' : ' (postcode not in 2026 table)'}`] =
        (report.alesundSplit[`${code}${to ? '' : ' (postcode not in 2026 table)'}`] ?? 0) + 1;
      return code;
    }
    const successors = SPLIT_FYLKER[old.slice(0, 2)];
    if (successors) {
      for (const f of successors) {
        for (const key of nameKeys([row.kommune])) {
          const hit = byFylkeName.get(`${f}|${key}`);
          if (hit) {
            report.byName++;
            return hit;
          }
        }
      }
      throw new Error(`demand: cannot map ${old} ${row.kommune} (postnummer ${row.postnummer}) to a 2024 kommune`);
    }
    if (codes.has(old)) {
      report.unchanged++;
      return old;
    }
    report.dropped.push({ postnummer: row.postnummer, kommnr2020: old, kommune: row.kommune });
    return null;
  };
  return { recode, report };
}

/**
 * Largest-remainder apportionment of `total` over `weights` (Hamilton's method). Ties in the remainder go to
 * the earlier index, so the result is deterministic for a fixed input order.
 * @returns non-negative integers summing exactly to `total`
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error('total must be a non-negative integer');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0) throw new Error('weights must be non-empty with a positive sum');
  const quotas = weights.map((w) => (total * w) / sum);
  const out = quotas.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, r: q - Math.floor(q) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; left > 0; j++, left--) out[order[j].i]++;
  return out;
}

/** Result of {@link buildDemandPoints}. */
export interface DemandResult {
  points: DemandPoint[];
  report: RecodeReport;
  /** Kommuner that had no populated postcode and got a single point at their fallback centre. */
  fallbackKommuner: string[];
}

/**
 * Builds the demand points.
 * @param rows all Bolstad rows (unpopulated ones are skipped)
 * @param fallbackCentre centre `[lon, lat]` for a kommune without any populated postcode
 */
export function buildDemandPoints(
  rows: readonly BolstadRow[],
  kommuner: readonly KommuneRef[],
  postalCodes2026: ReadonlyMap<string, string>,
  fallbackCentre: (kommunenummer: string) => readonly [number, number],
): DemandResult {
  const { recode, report } = makeRecoder(kommuner, postalCodes2026);
  const byKommune = new Map<string, { row: BolstadRow }[]>();
  for (const row of rows) {
    if (!(row.folketal > 0)) continue;
    const code = recode(row);
    if (code === null) continue;
    const list = byKommune.get(code) ?? [];
    list.push({ row });
    byKommune.set(code, list);
  }
  const points: DemandPoint[] = [];
  const fallbackKommuner: string[] = [];
  for (const k of [...kommuner].sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer))) {
    const list = (byKommune.get(k.kommunenummer) ?? []).sort((a, b) => a.row.postnummer.localeCompare(b.row.postnummer));
    if (list.length === 0) {
      fallbackKommuner.push(k.kommunenummer);
      const [lon, lat] = fallbackCentre(k.kommunenummer);
      points.push({
        id: `k${k.kommunenummer}`, postnummer: '', place: '', kommunenummer: k.kommunenummer,
        lon, lat, populationSource: 0, population: k.population,
      });
      continue;
    }
    const pops = apportion(k.population, list.map((x) => x.row.folketal));
    list.forEach(({ row }, i) =>
      points.push({
        id: row.postnummer, postnummer: row.postnummer, place: row.place, kommunenummer: k.kommunenummer,
        lon: row.lon, lat: row.lat, populationSource: row.folketal, population: pops[i],
      }),
    );
  }
  return { points, report, fallbackKommuner };
}

/** Population-weighted mean `[lon, lat]` of points, weighted by the Bolstad source population. */
export function weightedCentre(points: readonly DemandPoint[]): [number, number] {
  let w = 0;
  let lon = 0;
  let lat = 0;
  for (const p of points) {
    const pw = p.populationSource > 0 ? p.populationSource : p.population;
    w += pw;
    lon += pw * p.lon;
    lat += pw * p.lat;
  }
  return [lon / w, lat / w];
}
