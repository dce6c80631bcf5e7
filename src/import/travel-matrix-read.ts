/**
 * Reading a travel-time matrix from a router, in two formats:
 *
 * - CSV with the header `from_id,to_id,minutes` (`,` or `;`; decimal point or comma): one row per pair, `from_id`
 *   a demand point, `to_id` a candidate site or an existing station (ids as in `/travel-matrices/points.csv`), an
 *   empty `minutes` cell meaning "no route". Pairs left out are unreachable too.
 * - OSRM `table` service JSON (http://project-osrm.org/docs/v5.24.0/api/#table-service): `durations` in seconds,
 *   `sources` = the demand points and `destinations` = the sites then the stations, both in the order of the
 *   points file; `null` = no route. When `sources`/`destinations` carry `location`, each is checked against its
 *   point (OSRM snaps to the nearest road: more than 25 km off means the order is wrong).
 *
 * Every problem is collected with its file, row (line) and column, so one pass reports them all; a file with any
 * problem is rejected whole by the caller.
 */
import { haversineKm } from '../engine/sphere';

/** A problem with the file, by place. */
export interface MatrixProblem {
  file: string;
  /** 1-based line (CSV) or array index path (JSON, e.g. `durations[3][17]`). */
  row: string;
  column: string;
  message: string;
}

/** What the file must be checked against: the ids and points of the current data. */
export interface MatrixTargets {
  demand: readonly { id: string; lon: number; lat: number }[];
  /** Sites then stations (the column order of the OSRM request). */
  targets: readonly { id: string; lon: number; lat: number }[];
}

/** The pairs read, as parallel arrays of row and column indices into `MatrixTargets`. */
export interface ReadPairs {
  rowsInFile: number;
  row: Int32Array;
  col: Int32Array;
  minutes: Float32Array;
}

/** At most this many problems are listed (the count of the rest is reported). */
export const MAX_PROBLEMS = 100;
/** Minutes above this are rejected as implausible for a drive in Norway. */
export const MAX_MINUTES = 24 * 60;
/** OSRM snaps points to roads; a snapped location farther than this from its point means a wrong order. */
export const MAX_SNAP_KM = 25;

class Problems {
  readonly list: MatrixProblem[] = [];
  count = 0;
  constructor(readonly file: string) {}
  add(row: string, column: string, message: string): void {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ file: this.file, row, column, message });
  }
}

/** Reads a CSV matrix. @returns the pairs, or the problems when there is any */
export function readMatrixCsv(text: string, file: string, t: MatrixTargets): { pairs: ReadPairs } | { problems: MatrixProblem[]; more: number } {
  const p = new Problems(file);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = src.split(/\r\n|\n|\r/);
  const delimiter = (lines[0].match(/;/g) ?? []).length > (lines[0].match(/,/g) ?? []).length ? ';' : ',';
  const cells = (line: string) => line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase());
  if (header.join(',') !== 'from_id,to_id,minutes') {
    p.add('1', 'header', `the header must be from_id${delimiter}to_id${delimiter}minutes, got "${lines[0] ?? ''}"`);
    return { problems: p.list, more: p.count - p.list.length };
  }
  const demandIndex = new Map(t.demand.map((d, i) => [d.id, i]));
  const targetIndex = new Map(t.targets.map((d, i) => [d.id, i]));
  const row: number[] = [];
  const col: number[] = [];
  const minutes: number[] = [];
  const seen = new Set<number>();
  let rowsInFile = 0;
  for (let n = 1; n < lines.length; n++) {
    if (lines[n].trim() === '') continue;
    rowsInFile++;
    const line = String(n + 1);
    const c = cells(lines[n]);
    if (c.length !== 3) { p.add(line, '(row)', `expected 3 fields, got ${c.length}`); continue; }
    const r = demandIndex.get(c[0]);
    const k = targetIndex.get(c[1]);
    if (r === undefined) p.add(line, 'from_id', `"${c[0]}" is not a demand point id`);
    if (k === undefined) p.add(line, 'to_id', `"${c[1]}" is not a site or station id`);
    if (c[2] === '') continue;
    const m = Number(c[2].replace(',', '.'));
    if (!Number.isFinite(m) || m < 0 || m > MAX_MINUTES) { p.add(line, 'minutes', `"${c[2]}" must be a number of minutes from 0 to ${MAX_MINUTES}, or empty for no route`); continue; }
    if (r === undefined || k === undefined) continue;
    const key = r * t.targets.length + k;
    if (seen.has(key)) { p.add(line, 'to_id', `the pair ${c[0]} → ${c[1]} is given twice`); continue; }
    seen.add(key);
    row.push(r);
    col.push(k);
    minutes.push(m);
  }
  if (p.count > 0) return { problems: p.list, more: p.count - p.list.length };
  return { pairs: { rowsInFile, row: Int32Array.from(row), col: Int32Array.from(col), minutes: Float32Array.from(minutes) } };
}

interface OsrmTable {
  code?: unknown;
  durations?: unknown;
  sources?: unknown;
  destinations?: unknown;
}

/** Reads an OSRM table response (durations in seconds). @returns the pairs, or the problems when there is any */
export function readMatrixOsrm(text: string, file: string, t: MatrixTargets): { pairs: ReadPairs } | { problems: MatrixProblem[]; more: number } {
  const p = new Problems(file);
  let json: OsrmTable;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as OsrmTable;
  } catch (err) {
    p.add('1', '(file)', `not valid JSON: ${(err as Error).message}`);
    return { problems: p.list, more: 0 };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    p.add('1', '(file)', `expected an OSRM table answer (a JSON object with "code" and "durations"), found ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`);
    return { problems: p.list, more: 0 };
  }
  if (json.code !== 'Ok') p.add('code', 'code', `OSRM answered code "${String(json.code)}", expected "Ok"`);
  const d = json.durations;
  if (!Array.isArray(d)) {
    p.add('durations', 'durations', 'missing: request the table with annotations=duration');
    return { problems: p.list, more: p.count - p.list.length };
  }
  if (d.length !== t.demand.length) p.add('durations', '(rows)', `${d.length} rows, expected ${t.demand.length} (one per demand point, in the order of points.csv)`);
  checkLocations(p, json.sources, 'sources', t.demand);
  checkLocations(p, json.destinations, 'destinations', t.targets);
  const row: number[] = [];
  const col: number[] = [];
  const minutes: number[] = [];
  d.slice(0, t.demand.length).forEach((r: unknown, i: number) => {
    if (!Array.isArray(r) || r.length !== t.targets.length) {
      p.add(`durations[${i}]`, '(row)', `expected an array of ${t.targets.length} durations (sites then stations, in the order of points.csv)`);
      return;
    }
    r.forEach((v: unknown, k: number) => {
      if (v === null) return;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_MINUTES * 60) {
        p.add(`durations[${i}][${k}]`, t.targets[k].id, `"${String(v)}" must be seconds from 0 to ${MAX_MINUTES * 60}, or null`);
        return;
      }
      row.push(i);
      col.push(k);
      minutes.push(v / 60);
    });
  });
  if (p.count > 0) return { problems: p.list, more: p.count - p.list.length };
  return { pairs: { rowsInFile: d.length, row: Int32Array.from(row), col: Int32Array.from(col), minutes: Float32Array.from(minutes) } };
}

function checkLocations(p: Problems, list: unknown, name: string, points: readonly { id: string; lon: number; lat: number }[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list) || list.length !== points.length) {
    p.add(name, '(list)', `${Array.isArray(list) ? list.length : 'no'} entries, expected ${points.length}`);
    return;
  }
  list.forEach((w: unknown, i: number) => {
    const loc = (w as { location?: unknown })?.location;
    if (!Array.isArray(loc) || loc.length !== 2 || !loc.every((v) => typeof v === 'number' && Number.isFinite(v))) return;
    const km = haversineKm([loc[0] as number, loc[1] as number], [points[i].lon, points[i].lat]);
    if (km > MAX_SNAP_KM) p.add(`${name}[${i}]`, 'location', `snapped ${km.toFixed(1)} km from ${points[i].id}: is the request in the order of points.csv?`);
  });
}
