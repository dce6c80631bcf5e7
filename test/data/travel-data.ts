/** Reads the committed data files the travel tests check (no database): the matrix, sites, stations, demand points. */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../../scripts/data/csv';
import { parseTravelTimes } from '../../src/data/travel-times';

export const DATA = path.join(__dirname, '../../data');
export const readCsv = (f: string) => parseCsv(fs.readFileSync(path.join(DATA, f), 'utf8'));
export const readJson = <T>(f: string): T => JSON.parse(fs.readFileSync(path.join(DATA, f), 'utf8')) as T;

let cached: ReturnType<typeof load> | null = null;

function load() {
  const { header, matrix } = parseTravelTimes(fs.readFileSync(path.join(DATA, 'travel-times.txt'), 'utf8'));
  const stations = readCsv('stations.csv');
  const sites = readCsv('sites.csv');
  const demand = readCsv('demand-points.csv');
  const stationIds = new Set(stations.map((s) => s.id));
  const rowOf = new Map(matrix.rowIds.map((id, i) => [id, i]));
  /** Minutes from demand point `id` to every kept target, as a map. */
  const row = (id: string): Map<string, number> => {
    const r = rowOf.get(id)!;
    const out = new Map<string, number>();
    for (let k = matrix.rowStart[r]; k < matrix.rowStart[r + 1]; k++) out.set(matrix.colIds[matrix.cols[k]], matrix.minutes[k]);
    return out;
  };
  const nearestStation = (id: string) => {
    let best = { id: '', min: Infinity };
    for (const [t, m] of row(id)) if (stationIds.has(t) && (m < best.min || (m === best.min && t < best.id))) best = { id: t, min: m };
    return best;
  };
  const mainPlace = new Map(sites.filter((s) => s.centre_place !== '').map((s) => [s.kommunenummer, s]));
  return { header, matrix, stations, sites, demand, stationIds, row, nearestStation, mainPlace };
}

/** The committed travel data, parsed once per test file. */
export function travelData() {
  return (cached ??= load());
}
