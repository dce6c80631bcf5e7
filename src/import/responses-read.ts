/**
 * Reads an answers file (CSV or XLSX) into a table of string cells keyed by column name, with the
 * row number a person sees in a spreadsheet. No validation here: see `responses-validate.ts`.
 *
 * CSV: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (what Norwegian Excel writes
 * with "CSV (semikolondelt)"), delimiter `;`, `,` or tab detected from the header (RFC 4180 quoting).
 * XLSX: the sheet named "Svar", else the first sheet; row 1 is the header. Date cells become ISO dates.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { detectDelimiter, parseCsv } from './csv';

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
}

/** Thrown when the bytes are not a readable CSV or XLSX file at all (as opposed to invalid values). */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** Whether the bytes start like a ZIP container (XLSX is one). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Decodes CSV bytes: BOM first, then strict UTF-8, falling back to Windows-1252 (whose every byte decodes).
 */
export function decodeText(bytes: Buffer): { text: string; encoding: NonNullable<RawTable['encoding']> } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'utf-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
  }
}

function readCsvTable(bytes: Buffer): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new UnreadableFileError('the file is neither text (CSV) nor an XLSX workbook');
  const delimiter = detectDelimiter(text);
  let parsed: string[][];
  try {
    parsed = parseCsv(text, { delimiter });
  } catch (err) {
    throw new UnreadableFileError(`CSV could not be read: ${(err as Error).message}`);
  }
  const [header = [], ...data] = parsed;
  const rows = data
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { format: 'csv', encoding, delimiter, header: header.map((h) => h.trim()), rows };
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

async function readXlsxTable(bytes: Buffer): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new UnreadableFileError(`XLSX could not be read: ${(err as Error).message}`);
  }
  const sheet = workbook.getWorksheet('Svar') ?? workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('the workbook has no sheets');
  const width = sheet.columnCount;
  const textsOf = (rowNumber: number): string[] => {
    const row = sheet.getRow(rowNumber);
    return Array.from({ length: width }, (_, j) => cellText(row.getCell(j + 1).value));
  };
  const header = textsOf(1).map((h) => h.trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const rows: RawTable['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = textsOf(r).slice(0, Math.max(header.length, 1));
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: r, cells });
  }
  return { format: 'xlsx', sheet: sheet.name, header, rows };
}

/**
 * Reads an answers file. The format is taken from the bytes (XLSX is a ZIP), not the file name.
 * @throws UnreadableFileError when the bytes are not a readable CSV or XLSX file
 */
export async function readResponsesTable(bytes: Buffer): Promise<RawTable> {
  if (bytes.length === 0) throw new UnreadableFileError('the file is empty');
  return looksLikeXlsx(bytes) ? readXlsxTable(bytes) : readCsvTable(bytes);
}
