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
import { readSync } from 'node:fs';
import { CliUsageError } from '../types';
import { parseDecimal } from './decimal-bytes';

export { parseDecimal } from './decimal-bytes';

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

export const CHUNK = 4 << 20;
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

export interface Header {
  delimiter: number;
  demand: number;
  site: number;
  distance: number;
  columns: number;
}

export function parseHeader(path: string, line: string): Header {
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

  constructor(private readonly path: string, private readonly t: DistanceTargets, private readonly header: Header, buffers: RangeBuffers = rangeBuffers(t, false)) {
    this.out = { candidate: buffers.candidate, fixedNearest: buffers.fixedNearest, rows: 0 };
    this.seen = buffers.seen;
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

/** Where one reader writes: the matrix (shared by all ranges), and its own fixed-site minima and duplicate bits. */
export interface RangeBuffers {
  candidate: Float64Array;
  fixedNearest: Float64Array;
  seen: Uint8Array;
}

/** Fresh output buffers, in shared memory when other threads write into them too. */
export function rangeBuffers(t: DistanceTargets, shared: boolean, candidate?: Float64Array): RangeBuffers {
  const nD = t.demandIds.length;
  const make = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    candidate: candidate ?? new Float64Array(make(8 * nD * t.nCandidates)).fill(Infinity),
    fixedNearest: new Float64Array(make(8 * nD)).fill(Infinity),
    seen: new Uint8Array(make(Math.ceil((nD * t.siteIds.length) / 8))),
  };
}

/** A byte range of the file to read: [from, to), after the header (`header` given) or from the file's start. */
export interface ByteRange {
  from: number;
  to: number;
  header: Header | null;
  buffers?: RangeBuffers;
}

/** Reads the rows of one byte range (the whole file when from = 0, to = its size and no header is given). */
export function readRange(fd: number, path: string, t: DistanceTargets, chunkBytes: number, range: ByteRange): DistanceMatrix {
  let parser: RowParser | null = range.header ? new RowParser(path, t, range.header, range.buffers) : null;
  let buf = Buffer.alloc(Math.max(1, chunkBytes));
  let carry = 0;
  let lineNo = 0;
  let position = range.from;
  for (;;) {
    if (carry === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
    const got = position < range.to ? readSync(fd, buf, carry, Math.min(buf.length - carry, range.to - position), position) : 0;
    position += got;
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
      if (parser === null) parser = new RowParser(path, t, parseHeader(path, buf.toString('utf8', lineStart, stop)), range.buffers);
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
