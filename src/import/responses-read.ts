/**
 * Reads an answers file (CSV or XLSX) into a table of string cells keyed by column name, with the
 * row number a person sees in a spreadsheet. No validation here: see `responses-validate.ts`.
 *
 * CSV: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (what Norwegian Excel writes
 * with "CSV (semikolondelt)"), delimiter `;`, `,` or tab detected from the header (RFC 4180 quoting).
 * A file that is UTF-8 except for some rows is refused naming those rows (never decoded into
 * "pÃ¥"). At most `maxRows` rows are kept; the rest are only counted.
 * XLSX: the sheet named "Svar", else the first sheet; row 1 is the header. Date cells become ISO
 * dates. The workbook is checked first (`xlsx-guard.ts`: unpacked size, the sheet's declared range
 * and rows), then streamed row by row (ExcelJS `WorkbookReader`), so an oversized sheet is refused
 * before its rows take any memory.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { detectDelimiter, parseCsvLimited } from '../common/csv';
import { importLimits } from '../model/answers';
import { checkWorkbook, NotAWorkbookError, WorkbookLimitError } from './xlsx-guard';

export type FileFormat = 'csv' | 'xlsx';

/** A file read into rows of text cells. */
export interface RawTable {
  format: FileFormat;
  /** CSV only: how the bytes were decoded. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16' | 'windows-1252';
  /** CSV only: the detected delimiter. */
  delimiter?: string;
  /** XLSX only: the sheet read. */
  sheet?: string;
  /** Header cells as written (trimmed), in file order. */
  header: string[];
  /** Data rows; `row` is the 1-based spreadsheet row (the header is row 1). Blank rows are skipped. */
  rows: { row: number; cells: string[] }[];
  /** Data rows in the file; more than `rows.length` when the file has more than `maxRows` (the rest were not kept). */
  totalRows: number;
}

/** A finding about the file as a whole that stops reading (a problem code of `responses-validate.ts` and its values). */
export class TableProblem extends Error {
  constructor(readonly code: 'mixed_encoding' | 'sheet_range' | 'sheet_rows_beyond' | 'workbook_too_large', readonly params: Record<string, string>, readonly row: number | null = null) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = 'TableProblem';
  }
}

/** Thrown when the bytes are not a readable CSV or XLSX file at all (as opposed to invalid values). */
export class UnreadableFileError extends Error {
  /**
   * @param reason why, for the reader's message (`import.unreadable.*`)
   * @param detail what the reader library said (CSV/XLSX), shown in parentheses
   */
  constructor(readonly reason: 'empty' | 'binary' | 'csv' | 'xlsx', readonly detail = '') {
    super(reason === 'empty' ? 'the file is empty' : reason === 'binary' ? 'the file is neither text (CSV) nor an XLSX workbook' : `${reason.toUpperCase()} could not be read: ${detail}`);
    this.name = 'UnreadableFileError';
  }
}

/** Whether the bytes start like a ZIP container (XLSX is one). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Where bytes are not UTF-8: the offsets of invalid sequences (up to `limit`) and how many valid
 * multi-byte sequences there are (RFC 3629 §4 byte ranges). Valid multi-byte sequences next to
 * invalid bytes mean a UTF-8 file with some text in another encoding.
 */
export function scanUtf8(bytes: Uint8Array, limit = 50): { invalidAt: number[]; multiByte: number } {
  const invalidAt: number[] = [];
  let multiByte = 0;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i] >= lo && bytes[i] <= hi;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let n = 0;
    if (b < 0x80) n = 1;
    else if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) n = 2;
    else if (b === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) n = 3;
    else if (((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) && cont(i + 1) && cont(i + 2)) n = 3;
    else if (b === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) n = 3;
    else if (b === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) n = 4;
    else if (b >= 0xf1 && b <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) n = 4;
    else if (b === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) n = 4;
    if (n === 0) {
      if (invalidAt.length < limit) invalidAt.push(i);
      i++;
    } else {
      if (n > 1) multiByte++;
      i += n;
    }
  }
  return { invalidAt, multiByte };
}

/**
 * Decodes CSV bytes: BOM first, then strict UTF-8, else Windows-1252 (whose every byte decodes) when
 * the file has no UTF-8 at all. A file that mixes UTF-8 with other bytes is refused naming the rows.
 * @throws TableProblem `mixed_encoding`
 */
export function decodeText(bytes: Buffer): { text: string; encoding: NonNullable<RawTable['encoding']> } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'utf-16' };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const { invalidAt, multiByte } = scanUtf8(body);
  if (invalidAt.length === 0) return { text: body.toString('utf8'), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  if (bom || multiByte > 0) throw new TableProblem('mixed_encoding', { rows: rowsOfOffsets(body, invalidAt) }, null);
  return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
}

/** The spreadsheet rows (as `readCsvTable` numbers them) that hold the given byte offsets, e.g. `3, 17`. */
function rowsOfOffsets(bytes: Buffer, offsets: readonly number[]): string {
  const marked = Buffer.from(bytes);
  // Each invalid byte becomes a marker character no CSV text contains, so the rows can be found after parsing.
  for (const at of offsets) marked[at] = 0x01;
  const text = marked.toString('latin1');
  const { rows } = parseCsvLimited(text, { delimiter: detectDelimiter(text), maxRows: importLimits.maxRows + 1 });
  const found = rows.flatMap((cells, i) => (cells.some((c) => c.includes('\u0001')) ? [i + 1] : []));
  const shown = found.slice(0, 10).join(', ');
  return found.length > 10 ? `${shown} …` : shown || '?';
}

function readCsvTable(bytes: Buffer): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new UnreadableFileError('binary');
  const delimiter = detectDelimiter(text);
  let parsed: { rows: string[][]; total: number };
  try {
    // The header plus one row more than the limit: enough to say "too many" with the exact count.
    parsed = parseCsvLimited(text, { delimiter, maxRows: importLimits.maxRows + 2 });
  } catch (err) {
    throw new UnreadableFileError('csv', (err as Error).message);
  }
  const [header = [], ...data] = parsed.rows;
  const rows = data
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { format: 'csv', encoding, delimiter, header: header.map((h) => h.trim()), rows, totalRows: Math.max(0, parsed.total - 1) };
}

/** ISO `yyyy-mm-dd` of a date cell (ExcelJS gives dates as UTC midnight). */
function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The text of one XLSX cell value, whatever its type. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

/** The cells of a streamed row as text, up to its last non-empty cell. */
function rowTexts(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const texts = Array.from({ length: Math.max(0, values.length - 1) }, (_, j) => cellText(values[j + 1]));
  while (texts.length > 0 && texts[texts.length - 1].trim() === '') texts.pop();
  return texts;
}

async function readXlsxTable(bytes: Buffer): Promise<RawTable> {
  let sheet: { name: string };
  try {
    sheet = await checkWorkbook(bytes, 'Svar', importLimits);
  } catch (err) {
    if (err instanceof WorkbookLimitError) throw new TableProblem(err.code, err.params);
    if (err instanceof NotAWorkbookError) throw new UnreadableFileError('xlsx', err.message);
    throw err;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  let header: string[] | null = null;
  const rows: RawTable['rows'] = [];
  let totalRows = 0;
  try {
    for await (const worksheet of reader) {
      if ((worksheet as unknown as { name: string }).name !== sheet.name) continue;
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const cells = rowTexts(row);
        if (row.number === 1) header = cells.map((h) => h.trim());
        else if (cells.some((c) => c.trim() !== '')) {
          totalRows++;
          if (rows.length <= importLimits.maxRows) rows.push({ row: row.number, cells });
        }
      }
      break;
    }
  } catch (err) {
    throw new UnreadableFileError('xlsx', (err as Error).message);
  }
  return { format: 'xlsx', sheet: sheet.name, header: header ?? [], rows, totalRows };
}

/**
 * Reads an answers file. The format is taken from the bytes (XLSX is a ZIP), not the file name.
 * @throws UnreadableFileError when the bytes are not a readable CSV or XLSX file
 */
export async function readResponsesTable(bytes: Buffer): Promise<RawTable> {
  if (bytes.length === 0) throw new UnreadableFileError('empty');
  return looksLikeXlsx(bytes) ? readXlsxTable(bytes) : readCsvTable(bytes);
}
