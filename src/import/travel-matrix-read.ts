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

/** What is wrong, as a stable code; the text is the catalogue's (`tm.problem.*`, `matrixProblemText`). */
export type MatrixProblemCode =
  | 'header' | 'fields' | 'unknownFrom' | 'unknownTo' | 'badMinutes' | 'duplicatePair'
  | 'notJson' | 'notTable' | 'osrmCode' | 'noDurations' | 'rowCount' | 'rowShape' | 'badSeconds' | 'listLength' | 'snapped'
  | 'noStationTime' | 'siteNoTime' | 'stationNoTime';

/** A problem with the file, by place: a code and the values its text needs. */
export interface MatrixProblem {
  file: string;
  /** 1-based line (CSV) or array index path (JSON, e.g. `durations[3][17]`). */
  row: string;
  column: string;
  code: MatrixProblemCode;
  params: Record<string, string | number>;
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
/**
 * Minutes above this are rejected as implausible for a drive in Norway. The longest road trips of a full table
 * (Lindesnes or Oslo to Sør-Varanger, 2,100–2,600 km through Sweden and Finland) take 25–33 hours, so a day (the
 * limit until 2026-12-02) refused a GIS unit's complete OSRM table; two days leave room for ferries and waits.
 */
export const MAX_MINUTES = 48 * 60;
/** OSRM snaps points to roads; a snapped location farther than this from its point means a wrong order. */
export const MAX_SNAP_KM = 25;

class Problems {
  readonly list: MatrixProblem[] = [];
  count = 0;
  constructor(readonly file: string) {}
  add(row: string, column: string, code: MatrixProblemCode, params: Record<string, string | number> = {}): void {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ file: this.file, row, column, code, params });
  }
}

/** Growable parallel typed arrays of pairs (a full matrix is millions of pairs: no per-pair objects). */
class PairBuffer {
  private size = 0;
  row = new Int32Array(1024);
  col = new Int32Array(1024);
  minutes = new Float32Array(1024);
  push(r: number, k: number, m: number): void {
    if (this.size === this.row.length) {
      const grow = <T extends Int32Array | Float32Array>(a: T, make: (n: number) => T): T => { const b = make(a.length * 2); b.set(a); return b; };
      this.row = grow(this.row, (n) => new Int32Array(n));
      this.col = grow(this.col, (n) => new Int32Array(n));
      this.minutes = grow(this.minutes, (n) => new Float32Array(n));
    }
    this.row[this.size] = r;
    this.col[this.size] = k;
    this.minutes[this.size] = m;
    this.size++;
  }
  pairs(rowsInFile: number): ReadPairs {
    return { rowsInFile, row: this.row.slice(0, this.size), col: this.col.slice(0, this.size), minutes: this.minutes.slice(0, this.size) };
  }
}

/** A cell without surrounding blanks and quotes. */
function cleanCell(c: string): string {
  const trimmed = c.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/**
 * The cells of a line (as `line.split(delimiter)`, each cleaned), or null for a blank line. Found with `indexOf`:
 * a full matrix is millions of lines, and splitting and mapping each one was most of the import's time.
 */
function cellsOf(line: string, delimiter: string): string[] | null {
  const out: string[] = [];
  let from = 0;
  for (let at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, from)) {
    out.push(cleanCell(line.slice(from, at)));
    from = at + 1;
  }
  out.push(cleanCell(line.slice(from)));
  return out.length === 1 && out[0] === '' ? null : out;
}

/**
 * Reads a CSV matrix, line by line without splitting the whole text (a 200 MB file is ten million lines).
 * @returns the pairs, or the problems when there is any
 */
export function readMatrixCsv(text: string, file: string, t: MatrixTargets): { pairs: ReadPairs } | { problems: MatrixProblem[]; more: number } {
  const p = new Problems(file);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let pos = 0;
  /** The next line (without its end), or null at the end of the text. */
  const nextLine = (): string | null => {
    if (pos >= src.length) return null;
    let end = src.indexOf('\n', pos);
    if (end < 0) end = src.length;
    let line = src.slice(pos, end);
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    return line;
  };
  const first = nextLine() ?? '';
  const delimiter = (first.match(/;/g) ?? []).length > (first.match(/,/g) ?? []).length ? ';' : ',';
  if ((cellsOf(first, delimiter) ?? []).map((h) => h.toLowerCase()).join(',') !== 'from_id,to_id,minutes') {
    p.add('1', 'header', 'header', { expected: ['from_id', 'to_id', 'minutes'].join(delimiter), got: first.slice(0, 200) });
    return { problems: p.list, more: p.count - p.list.length };
  }
  const demandIndex = new Map(t.demand.map((d, i) => [d.id, i]));
  const targetIndex = new Map(t.targets.map((d, i) => [d.id, i]));
  const out = new PairBuffer();
  const seen = new Uint8Array(t.demand.length * t.targets.length);
  let rowsInFile = 0;
  let lastFrom: string | null = null;
  let lastRow: number | undefined;
  for (let n = 2, raw = nextLine(); raw !== null; n++, raw = nextLine()) {
    const c = cellsOf(raw, delimiter);
    if (c === null) continue;
    rowsInFile++;
    const line = String(n);
    if (c.length !== 3) { p.add(line, '(row)', 'fields', { got: c.length }); continue; }
    // A router writes a source's pairs together: the last source's index is reused while its id repeats.
    if (c[0] !== lastFrom) { lastFrom = c[0]; lastRow = demandIndex.get(c[0]); }
    const r = lastRow;
    const k = targetIndex.get(c[1]);
    if (r === undefined) p.add(line, 'from_id', 'unknownFrom', { value: c[0].slice(0, 80) });
    if (k === undefined) p.add(line, 'to_id', 'unknownTo', { value: c[1].slice(0, 80) });
    if (c[2] === '') continue;
    const m = Number(c[2].includes(',') ? c[2].replace(',', '.') : c[2]);
    if (!Number.isFinite(m) || m < 0 || m > MAX_MINUTES) { p.add(line, 'minutes', 'badMinutes', { value: c[2].slice(0, 80), max: MAX_MINUTES }); continue; }
    if (r === undefined || k === undefined) continue;
    const key = r * t.targets.length + k;
    if (seen[key]) { p.add(line, 'to_id', 'duplicatePair', { from: c[0], to: c[1] }); continue; }
    seen[key] = 1;
    out.push(r, k, m);
  }
  if (p.count > 0) return { problems: p.list, more: p.count - p.list.length };
  return { pairs: out.pairs(rowsInFile) };
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
    p.add('1', '(file)', 'notJson', { detail: (err as Error).message.slice(0, 200) });
    return { problems: p.list, more: 0 };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    p.add('1', '(file)', 'notTable', { found: json === null ? 'null' : Array.isArray(json) ? 'array' : typeof json });
    return { problems: p.list, more: 0 };
  }
  if (json.code !== 'Ok') p.add('code', 'code', 'osrmCode', { code: String(json.code).slice(0, 80) });
  const d = json.durations;
  if (!Array.isArray(d)) {
    p.add('durations', 'durations', 'noDurations');
    return { problems: p.list, more: p.count - p.list.length };
  }
  if (d.length !== t.demand.length) p.add('durations', '(rows)', 'rowCount', { got: d.length, expected: t.demand.length });
  checkLocations(p, json.sources, 'sources', t.demand);
  checkLocations(p, json.destinations, 'destinations', t.targets);
  const out = new PairBuffer();
  d.slice(0, t.demand.length).forEach((r: unknown, i: number) => {
    if (!Array.isArray(r) || r.length !== t.targets.length) {
      p.add(`durations[${i}]`, '(row)', 'rowShape', { expected: t.targets.length });
      return;
    }
    r.forEach((v: unknown, k: number) => {
      if (v === null) return;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_MINUTES * 60) {
        p.add(`durations[${i}][${k}]`, t.targets[k].id, 'badSeconds', { value: String(v).slice(0, 80), max: MAX_MINUTES * 60 });
        return;
      }
      out.push(i, k, v / 60);
    });
  });
  if (p.count > 0) return { problems: p.list, more: p.count - p.list.length };
  return { pairs: out.pairs(d.length) };
}

function checkLocations(p: Problems, list: unknown, name: string, points: readonly { id: string; lon: number; lat: number }[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list) || list.length !== points.length) {
    p.add(name, '(list)', 'listLength', { name, got: Array.isArray(list) ? list.length : 0, expected: points.length });
    return;
  }
  list.forEach((w: unknown, i: number) => {
    const loc = (w as { location?: unknown })?.location;
    if (!Array.isArray(loc) || loc.length !== 2 || !loc.every((v) => typeof v === 'number' && Number.isFinite(v))) return;
    const km = haversineKm([loc[0] as number, loc[1] as number], [points[i].lon, points[i].lat]);
    if (km > MAX_SNAP_KM) p.add(`${name}[${i}]`, 'location', 'snapped', { km: km.toFixed(1), id: points[i].id });
  });
}
