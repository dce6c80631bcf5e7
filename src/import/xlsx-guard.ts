/**
 * Cheap checks of an XLSX workbook before a spreadsheet library spends memory on it: the ZIP
 * directory (APPNOTE.TXT, "ZIP File Format Specification", PKWARE, §4.3), the real unpacked size
 * of every part (counted while inflating, so a header that lies or a "zip bomb" is caught), the
 * answers sheet's declared range (`<dimension ref="A1:B1048576"/>`, ECMA-376 Part 1 §18.3.1.35)
 * and how far down its rows go. Each check stops as soon as a limit is passed, so an oversized
 * workbook is refused in milliseconds.
 */
import zlib from 'node:zlib';
import { firstDuplicateZipName, printableZipName, readZipDirectory as readDirectory, zipEntryData, type ZipDirectoryProblem } from '../common/zip-directory';

/** One file inside the ZIP container. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  dataOffset: number;
}

/** Why a workbook is refused before it is read (a problem code and its message values). */
export class WorkbookLimitError extends Error {
  constructor(readonly code: 'sheet_range' | 'sheet_rows_beyond' | 'workbook_too_large', readonly params: Record<string, string>) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = 'WorkbookLimitError';
  }
}

/** The workbook is not a readable ZIP / XLSX at all. */
export class NotAWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAWorkbookError';
  }
}

/**
 * Reads the ZIP central directory (`common/zip-directory.ts`) and finds where each part's data lies.
 * @throws NotAWorkbookError when it is missing or malformed, holds more than `maxEntries` parts, uses ZIP64, or
 *   holds two parts of one name (this guard would scan one sheet and the spreadsheet library might read the other)
 */
export function readZipDirectory(bytes: Buffer, maxEntries = 1000): ZipEntry[] {
  const dir = readDirectory(bytes, { maxEntries });
  if (!dir.ok) throw new NotAWorkbookError(directoryProblem(dir));
  const duplicate = firstDuplicateZipName(dir.entries.map((e) => e.name));
  if (duplicate !== null) throw new NotAWorkbookError(`the ZIP part ${printableZipName(duplicate)} appears twice`);
  return dir.entries.map((e) => {
    const data = zipEntryData(bytes, e, dir.shift);
    if (!data.ok) throw new NotAWorkbookError(data.problem === 'cut_off' ? `the ZIP part ${printableZipName(e.name)} is cut off` : `the ZIP part ${printableZipName(e.name)} is damaged`);
    return { name: e.name, method: e.method, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize, dataOffset: data.start };
  });
}

/** What the workbook reader says about a directory it cannot read. */
function directoryProblem(p: ZipDirectoryProblem): string {
  switch (p.problem) {
    case 'no_end_record': return 'the ZIP directory is missing (the file is cut off or not an XLSX workbook)';
    case 'too_many_entries': return `the workbook has ${p.count} parts; at most ${p.max} are read`;
    case 'zip64': return 'the ZIP directory uses ZIP64 (sizes over 4 GB or more than 65,534 parts), which a workbook of answers never needs';
    case 'outside_file':
    case 'entry_missing': return 'the ZIP directory is damaged';
  }
}

/**
 * Streams one part through inflate, calling `onChunk` with each piece of text, until the end,
 * until `onChunk` returns false, or until more than `maxBytes` came out.
 * @returns the bytes inflated, and whether the limit was passed
 */
function inflatePart(bytes: Buffer, entry: ZipEntry, maxBytes: number, onChunk?: (text: string) => boolean): Promise<{ bytes: number; over: boolean }> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    const over = data.length > maxBytes;
    onChunk?.(data.subarray(0, Math.min(data.length, maxBytes)).toString('latin1'));
    return Promise.resolve({ bytes: data.length, over });
  }
  if (entry.method !== 8) return Promise.reject(new NotAWorkbookError(`the ZIP part ${entry.name} uses an unsupported compression (${entry.method})`));
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw();
    let total = 0;
    let done = false;
    const finish = (over: boolean) => {
      if (done) return;
      done = true;
      inflater.destroy();
      resolve({ bytes: total, over });
    };
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) return finish(true);
      if (onChunk && !onChunk(chunk.toString('latin1'))) finish(false);
    });
    inflater.on('end', () => finish(false));
    inflater.on('error', (err) => {
      if (!done) reject(new NotAWorkbookError(`the ZIP part ${entry.name} cannot be unpacked: ${err.message}`));
    });
    inflater.end(data);
  });
}

/** Inflates a small part (workbook.xml, its relationships) to text. */
async function smallPart(bytes: Buffer, entries: readonly ZipEntry[], name: string): Promise<string> {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new NotAWorkbookError(`the workbook has no ${name}`);
  let text = '';
  const r = await inflatePart(bytes, entry, 4 * 1024 * 1024, (t) => {
    text += t;
    return true;
  });
  if (r.over) throw new WorkbookLimitError('workbook_too_large', { max: '4', part: name });
  return Buffer.from(text, 'latin1').toString('utf8');
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** The sheet to read (named `preferred`, else the first) and the ZIP part that holds it. */
export async function findSheet(bytes: Buffer, entries: readonly ZipEntry[], preferred: string): Promise<{ name: string; part: string }> {
  const workbook = await smallPart(bytes, entries, 'xl/workbook.xml');
  const rels = await smallPart(bytes, entries, 'xl/_rels/workbook.xml.rels');
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => ({ name: decodeXml(attr(m[0], 'name') ?? ''), rid: attr(m[0], 'r:id') ?? '' }));
  const sheet = sheets.find((s) => s.name === preferred) ?? sheets[0];
  if (!sheet) throw new NotAWorkbookError('the workbook has no sheets');
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => attr(tag, 'Id') === sheet.rid);
  const target = rel ? attr(rel, 'Target') ?? '' : '';
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  if (!entries.some((e) => e.name === part)) throw new NotAWorkbookError(`the sheet "${sheet.name}" is missing from the workbook`);
  return { name: sheet.name, part };
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** `B1048576` → { col: 2, row: 1048576 }. */
function cellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { col, row: Number(m[2]) };
}

export interface WorkbookLimits {
  /** Largest unpacked size of all parts together, bytes. */
  maxUnpackedBytes: number;
  /** Rows the answers sheet may reach down to (its used range). */
  maxSheetRows: number;
  /** Columns the answers sheet may reach across to. */
  maxSheetColumns: number;
}

/**
 * Checks a workbook before it is read: every part unpacks to at most `maxUnpackedBytes` in all,
 * the answers sheet declares at most `maxSheetRows` × `maxSheetColumns`, and no row of it lies
 * below row `maxSheetRows` (counted while unpacking, stopping at the first one).
 * @returns the sheet to read
 * @throws WorkbookLimitError naming the limit, NotAWorkbookError when the file is not a workbook
 */
export async function checkWorkbook(bytes: Buffer, preferredSheet: string, limits: WorkbookLimits): Promise<{ name: string; part: string }> {
  const entries = readZipDirectory(bytes);
  const sheet = await findSheet(bytes, entries, preferredSheet);
  const mb = String(Math.round(limits.maxUnpackedBytes / 1024 / 1024));
  let budget = limits.maxUnpackedBytes;
  for (const entry of entries) {
    if (entry.name === sheet.part) continue;
    const r = await inflatePart(bytes, entry, budget);
    if (r.over) throw new WorkbookLimitError('workbook_too_large', { max: mb, part: entry.name });
    budget -= r.bytes;
  }
  const scan = new SheetScanner(sheet.name, limits);
  const r = await inflatePart(bytes, entries.find((e) => e.name === sheet.part)!, budget, scan.feed);
  if (scan.problem) throw scan.problem;
  if (r.over) throw new WorkbookLimitError('workbook_too_large', { max: mb, part: sheet.part });
  return sheet;
}

/** Reads the sheet's XML as it unpacks: its declared range, then each row's number; stops at the first limit passed. */
class SheetScanner {
  problem: WorkbookLimitError | null = null;
  private carry = '';
  private seenDimension = false;
  private rows = 0;
  private lastRow = 0;

  constructor(private readonly sheet: string, private readonly limits: WorkbookLimits) {}

  /** Takes the next piece of XML; false once a limit is passed (reading can stop). */
  readonly feed = (text: string): boolean => {
    let buf = this.carry + text;
    const lastOpen = buf.lastIndexOf('<');
    if (lastOpen >= 0 && buf.indexOf('>', lastOpen) < 0) {
      this.carry = buf.slice(lastOpen, lastOpen + 65536);
      buf = buf.slice(0, lastOpen);
    } else this.carry = '';
    if (!this.seenDimension && !this.checkDimension(buf)) return false;
    for (const m of buf.matchAll(/<(?:\w+:)?row(?=[\s/>])([^>]*)>/g)) {
      this.rows++;
      const r = /\br="(\d+)"/.exec(m[1]);
      this.lastRow = r ? Number(r[1]) : this.lastRow + 1;
      if (this.lastRow > this.limits.maxSheetRows || this.rows > this.limits.maxSheetRows) {
        this.problem = new WorkbookLimitError('sheet_rows_beyond', { sheet: this.sheet, row: fmt(this.lastRow), maxRows: fmt(this.limits.maxSheetRows) });
        return false;
      }
    }
    return true;
  };

  private checkDimension(buf: string): boolean {
    const dim = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"/.exec(buf);
    if (dim || /<(?:\w+:)?sheetData\b/.test(buf)) this.seenDimension = true;
    const end = dim ? cellRef(dim[1].split(':').pop() ?? '') : null;
    if (!dim || !end || (end.row <= this.limits.maxSheetRows && end.col <= this.limits.maxSheetColumns)) return true;
    this.problem = new WorkbookLimitError('sheet_range', {
      sheet: this.sheet, range: dim[1], rows: fmt(end.row), columns: fmt(end.col),
      maxRows: fmt(this.limits.maxSheetRows), maxColumns: fmt(this.limits.maxSheetColumns),
    });
    return false;
  }
}

/** `1048576` → `1 048 576` (the message templates are the same in both languages). */
function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
