/**
 * Streaming reader for `locate --distances`: rows `demand_id,site_id,distance` are read in 4 MB
 * chunks straight into 64-bit typed arrays, without building a string or an object per row, and the
 * fixed sites are reduced to each demand point's nearest one while reading. Memory is the demand ×
 * candidate matrix plus one bit per (demand, site) pair for duplicate detection, whatever the file size.
 *
 * Ids are matched as raw UTF-8 bytes in an open-addressing hash table (FNV-1a, Fowler/Noll/Vo), with
 * the previous row's demand id reused when it repeats (files are usually grouped by demand point).
 * Numbers: a fast path for plain decimals whose digits fit in 2^53 and whose power of ten is at most
 * 10^22, where one IEEE division or multiplication by an exact power of ten is correctly rounded
 * (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990); 16- and 17-digit decimals
 * (what JavaScript and Python print for a computed double) are checked against their rounding interval
 * with an exact residual (`nearestQuotient`); anything else, and any case near a tie, goes to
 * `Number()`, so every value is the same double `Number()` would give. Lines without quotes or spaces
 * are split in one tight pass; the next site in file order is tried before the id table. CSV details as `src/import/csv.ts`:
 * a UTF-8 byte-order mark, `,` `;` or tab detected from the header, LF or CRLF, quoted fields, and a
 * decimal comma when the delimiter is `;`.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CliUsageError } from '../types';

/** Where each site's column goes: a candidate index, or −1 for a fixed site. */
export interface DistanceTargets {
  demandIds: readonly string[];
  siteIds: readonly string[];
  /** Per site (same order as `siteIds`): candidate column, or −1 when the site is fixed. */
  candidateOf: Int32Array;
  nCandidates: number;
}

/** What the reader produced. */
export interface DistanceMatrix {
  /** nDemand × nCandidates, demand-major; Infinity = not listed. */
  candidate: Float64Array;
  /** Per demand point, the smallest distance to a fixed site (Infinity = none listed). */
  fixedNearest: Float64Array;
  rows: number;
}

const CHUNK = 4 << 20;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** An id → index table over UTF-8 bytes. */
class IdTable {
  private readonly mask: number;
  private readonly slots: Int32Array;
  private readonly bytes: Buffer[];

  constructor(ids: readonly string[]) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.bytes = ids.map((id) => Buffer.from(id, 'utf8'));
    this.bytes.forEach((b, i) => {
      let h = hash(b, 0, b.length) & this.mask;
      while (this.slots[h] >= 0) h = (h + 1) & this.mask;
      this.slots[h] = i;
    });
  }

  find(buf: Buffer, start: number, end: number): number {
    let h = hash(buf, start, end) & this.mask;
    for (;;) {
      const i = this.slots[h];
      if (i < 0) return -1;
      const b = this.bytes[i];
      if (sameBytes(buf, start, end, b)) return i;
      h = (h + 1) & this.mask;
    }
  }
}

/** buf[start, end) equals `bytes` (a JS loop: ids are short, a native call costs more). */
function sameBytes(buf: Buffer, start: number, end: number, bytes: Buffer): boolean {
  if (end - start !== bytes.length) return false;
  for (let k = 0; k < bytes.length; k++) if (buf[start + k] !== bytes[k]) return false;
  return true;
}

function hash(buf: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h >>> 0;
}

/** Parses a decimal number from bytes; NaN when it is not one. */
export function parseDecimal(buf: Buffer, start: number, end: number, decimalComma: boolean): number {
  let i = start;
  let neg = false;
  if (buf[i] === 0x2d || buf[i] === 0x2b) neg = buf[i++] === 0x2d;
  // The significant digits are h·10^e + l: h the first 15 (exact in a double), l the rest.
  let h = 0;
  let l = 0;
  let e = 0;
  let digits = 0;
  let frac = 0;
  let seenPoint = false;
  let anyDigit = false;
  for (; i < end; i++) {
    const c = buf[i];
    if (c >= 0x30 && c <= 0x39) {
      anyDigit = true;
      if (digits === 0 && c === 0x30) {
        if (seenPoint) frac++;
        continue;
      }
      if (digits < 15) h = h * 10 + (c - 0x30);
      else if (digits < 17) {
        l = l * 10 + (c - 0x30);
        e++;
      }
      digits++;
      if (seenPoint) frac++;
    } else if (!seenPoint && (c === 0x2e || (decimalComma && c === 0x2c))) seenPoint = true;
    else break;
  }
  if (i < end || !anyDigit) return slowParse(buf, start, end, decimalComma);
  let v: number;
  if (digits <= 15 && frac <= 22) v = frac === 0 ? h : h / POW10[frac];
  else if (digits <= 17 && frac >= 1 && frac <= 22) v = nearestQuotient(h, e, l, frac);
  else v = NaN;
  if (Number.isNaN(v)) {
    // Too many digits for the exact paths, or too close to a rounding boundary: Number() on the bytes.
    const text = buf.toString('latin1', start, end);
    return Number(decimalComma ? text.replace(',', '.') : text);
  }
  return neg ? -v : v;
}

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp's splitting constant)
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Half a unit in the last place of a normal double with biased exponent `exp`: 2^(exp − 1076). */
const HALF_ULP = Float64Array.from({ length: 2048 }, (_, exp) => 2 ** (exp - 1076));

/** The rounding error of a·b = hi + error, exactly (T. J. Dekker, "A floating-point technique for extending the available precision", Numer. Math. 18, 1971). */
function productError(a: number, b: number, hi: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - hi + ah * bl + al * bh + al * bl;
}

/**
 * The double nearest to m / 10^frac with m = h·10^e + l (16 or 17 significant digits, frac 1…22), or NaN
 * when undecided. A candidate x = fl(m) / 10^frac is within one unit in the last place; the residual
 * m − x·10^frac is computed exactly enough (m and x·10^frac as double-doubles, Dekker's product) to see
 * whether it lies inside x's rounding interval (± half a unit times 10^frac), otherwise x's neighbour is
 * tried. Near a tie, at a power of two or off the normal range the answer is NaN and the caller uses Number().
 */
function nearestQuotient(h: number, e: number, l: number, frac: number): number {
  const scale = POW10[e];
  const a1 = h * scale;
  const a2 = productError(h, scale, a1);
  const m1 = a1 + l;
  const bv = m1 - a1;
  const m2 = a2 + (a1 - (m1 - bv) + (l - bv)); // integers of at most a few units: exact
  const p = POW10[frac];
  if (m2 === 0 && m1 <= 9007199254740992) return m1 / p; // m exact: one correctly rounded division
  if (!LITTLE_ENDIAN) return NaN;
  let x = m1 / p;
  for (let step = 0; step < 2; step++) {
    F64[0] = x;
    const exp = (U32[1] >>> 20) & 0x7ff;
    if (exp === 0 || exp === 0x7ff || ((U32[1] & 0xfffff) === 0 && U32[0] === 0)) return NaN;
    const half = HALF_ULP[exp] * p;
    const p1 = x * p;
    const r = m1 - p1 + (m2 - productError(x, p, p1));
    const margin = half * 1e-6;
    if (Math.abs(r) < half - margin) return x;
    if (Math.abs(r) <= half + margin) return NaN;
    if (r > 0) {
      if (U32[0] === 0xffffffff) U32[1]++;
      U32[0] = U32[0] + 1;
    } else {
      if (U32[0] === 0) U32[1]--;
      U32[0] = U32[0] - 1;
    }
    x = F64[0];
  }
  return NaN;
}

function slowParse(buf: Buffer, start: number, end: number, decimalComma: boolean): number {
  let text = buf.toString('utf8', start, end).trim();
  if (decimalComma) text = text.replace(',', '.');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return NaN;
  return Number(text);
}

interface Header {
  delimiter: number;
  demand: number;
  site: number;
  distance: number;
  columns: number;
}

function parseHeader(path: string, line: string): Header {
  const text = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const counts = [',', ';', '\t'].map((d) => text.split(d).length);
  const delimiter = [',', ';', '\t'][counts.indexOf(Math.max(...counts))];
  const names = text.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim());
  const col = (name: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new CliUsageError(`${path}: missing column "${name}" (expected demand_id,site_id,distance)`);
    return i;
  };
  return { delimiter: delimiter.charCodeAt(0), demand: col('demand_id'), site: col('site_id'), distance: col('distance'), columns: names.length };
}

/**
 * Reads a distance file (see the file comment).
 * @param chunkBytes read size (default 4 MB; small values let tests cross chunk boundaries)
 * @throws CliUsageError naming the file, line and column for an unknown id, a bad or negative
 *   distance, a pair listed twice or a missing column; or when the file cannot be read
 */
export function readDistanceFile(path: string, t: DistanceTargets, chunkBytes = CHUNK): DistanceMatrix {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new CliUsageError(`cannot read distances file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return readRows(fd, path, t, chunkBytes);
  } finally {
    closeSync(fd);
  }
}

/** Per-row parsing state: id tables, the previous demand id, the duplicate-pair bits, the output. */
class RowParser {
  readonly out: DistanceMatrix;
  private readonly seen: Uint8Array;
  private readonly demandTable: IdTable;
  private readonly siteTable: IdTable;
  private readonly fields: Int32Array;
  private lastDemand = { index: -1, bytes: Buffer.alloc(0) };
  private lastSite = -1;
  private readonly lastColumn: number;
  private readonly siteBytes: Buffer[];

  constructor(private readonly path: string, private readonly t: DistanceTargets, private readonly header: Header) {
    const nD = t.demandIds.length;
    this.out = { candidate: new Float64Array(nD * t.nCandidates).fill(Infinity), fixedNearest: new Float64Array(nD).fill(Infinity), rows: 0 };
    this.seen = new Uint8Array(Math.ceil((nD * t.siteIds.length) / 8));
    this.demandTable = new IdTable(t.demandIds);
    this.siteTable = new IdTable(t.siteIds);
    this.siteBytes = t.siteIds.map((id) => Buffer.from(id, 'utf8'));
    this.fields = new Int32Array(2 * header.columns + 2);
    this.lastColumn = Math.max(header.demand, header.site, header.distance);
  }

  /** Parses the row buf[start, stop) (line number `lineNo`) into the matrix. */
  row(buf: Buffer, start: number, stop: number, lineNo: number): void {
    const { header: h, fields: f, path, t } = this;
    const nf = splitPlain(buf, start, stop, h.delimiter, f);
    if (nf <= this.lastColumn) throw new CliUsageError(`${path} line ${lineNo}: expected ${h.columns} columns, found ${nf}`);
    const d = this.demandIndex(buf, f[2 * h.demand], f[2 * h.demand + 1], lineNo);
    const s = this.siteIndex(buf, f[2 * h.site], f[2 * h.site + 1]);
    if (s < 0) throw new CliUsageError(`${path} line ${lineNo}, column site_id: "${buf.toString('utf8', f[2 * h.site], f[2 * h.site + 1])}" is not in the sites file`);
    const v = parseDecimal(buf, f[2 * h.distance], f[2 * h.distance + 1], h.delimiter === 0x3b);
    if (!Number.isFinite(v)) throw new CliUsageError(`${path} line ${lineNo}, column distance: "${buf.toString('utf8', f[2 * h.distance], f[2 * h.distance + 1]).trim()}" is not a number`);
    if (v < 0) throw new CliUsageError(`${path} line ${lineNo}, column distance: must be ≥ 0`);
    const bit = d * t.siteIds.length + s;
    if (this.seen[bit >> 3] & (1 << (bit & 7))) throw new CliUsageError(`${path} line ${lineNo}: the pair ${t.demandIds[d]} → ${t.siteIds[s]} is listed twice`);
    this.seen[bit >> 3] |= 1 << (bit & 7);
    const c = t.candidateOf[s];
    if (c >= 0) this.out.candidate[d * t.nCandidates + c] = v;
    else if (v < this.out.fixedNearest[d]) this.out.fixedNearest[d] = v;
    this.out.rows++;
  }

  /** Files usually list a demand point's sites in the sites file's order: the next site is tried first. */
  private siteIndex(buf: Buffer, start: number, end: number): number {
    const next = this.lastSite + 1 < this.siteBytes.length ? this.lastSite + 1 : 0;
    this.lastSite = sameBytes(buf, start, end, this.siteBytes[next]) ? next : this.siteTable.find(buf, start, end);
    return this.lastSite;
  }

  private demandIndex(buf: Buffer, start: number, end: number, lineNo: number): number {
    if (this.lastDemand.index >= 0 && sameBytes(buf, start, end, this.lastDemand.bytes)) return this.lastDemand.index;
    const d = this.demandTable.find(buf, start, end);
    if (d < 0) throw new CliUsageError(`${this.path} line ${lineNo}, column demand_id: "${buf.toString('utf8', start, end)}" is not in the demand file`);
    this.lastDemand = { index: d, bytes: Buffer.from(buf.subarray(start, end)) };
    return d;
  }
}

function readRows(fd: number, path: string, t: DistanceTargets, chunkBytes: number): DistanceMatrix {
  let parser: RowParser | null = null;
  let buf = Buffer.alloc(Math.max(1, chunkBytes));
  let carry = 0;
  let lineNo = 0;
  for (;;) {
    if (carry === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
    const got = readSync(fd, buf, carry, buf.length - carry, null);
    const end = carry + got;
    let lineStart = 0;
    for (;;) {
      // Line ends are found natively (memchr); a last line without newline ends at end of file.
      let i = buf.indexOf(0x0a, lineStart);
      if (i < 0 || i >= end) {
        if (got !== 0 || lineStart >= end) break;
        i = end;
      }
      lineNo++;
      const stop = i > lineStart && buf[i - 1] === 0x0d ? i - 1 : i;
      if (parser === null) parser = new RowParser(path, t, parseHeader(path, buf.toString('utf8', lineStart, stop)));
      else if (stop > lineStart) parser.row(buf, lineStart, stop, lineNo);
      lineStart = i + 1;
    }
    if (got === 0) break;
    carry = end - lineStart;
    buf.copy(buf, 0, lineStart, end);
  }
  if (parser === null) throw new CliUsageError(`${path}: the file is empty (expected a header demand_id,site_id,distance)`);
  return parser.out;
}

/**
 * `splitFields` for the usual line without quotes or spaces: one tight pass over the bytes; any quote or
 * space hands the line to `splitFields`, so the fields are the same.
 */
function splitPlain(buf: Buffer, start: number, end: number, delimiter: number, out: Int32Array): number {
  let n = 0;
  let fieldStart = start;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === delimiter) {
      if (n * 2 + 1 < out.length) {
        out[n * 2] = fieldStart;
        out[n * 2 + 1] = i;
      }
      n++;
      fieldStart = i + 1;
    } else if (c === 0x22 || c === 0x20) return splitFields(buf, start, end, delimiter, out);
  }
  if (n * 2 + 1 < out.length) {
    out[n * 2] = fieldStart;
    out[n * 2 + 1] = end;
  }
  return n + 1;
}

/**
 * Splits a line into field [start, end) pairs (quotes respected), each trimmed of spaces and of one
 * pair of surrounding quotes; returns the field count (fields beyond `out`'s room are counted only).
 */
function splitFields(buf: Buffer, start: number, end: number, delimiter: number, out: Int32Array): number {
  let n = 0;
  let fieldStart = start;
  let quoted = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? buf[i] : -1;
    if (c === 0x22) quoted = !quoted;
    if (c !== -1 && (c !== delimiter || quoted)) continue;
    if (n * 2 + 1 < out.length) {
      let a = fieldStart;
      let b = i;
      while (a < b && buf[a] === 0x20) a++;
      while (b > a && buf[b - 1] === 0x20) b--;
      if (b - a >= 2 && buf[a] === 0x22 && buf[b - 1] === 0x22) {
        a++;
        b--;
      }
      out[n * 2] = a;
      out[n * 2 + 1] = b;
    }
    n++;
    fieldStart = i + 1;
  }
  return n;
}
