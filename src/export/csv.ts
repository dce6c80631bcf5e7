/**
 * CSV export of a report's candidates for Norwegian Excel: UTF-8 with a byte-order mark, `;` as
 * the separator and decimal comma, no thousands separators (so Excel reads numbers as numbers).
 * One row per candidate with every column (core, criterion values and points, indicators). Leading `#` comment
 * lines (`csvComments`) say what the figures rest on: the sample-data notice when sample answers are loaded, the
 * drive-time model of the scenario (the built-in model or the imported matrix by name) and the data attribution, the
 * same texts the XLSX and the PDF print; a reader skips them with `comment: '#'` (pandas `comment='#'`). The language changes
 * only headers and labels, never the number format. Text cells that a spreadsheet would take for a
 * formula are neutralised (`neutraliseFormula`).
 */
import { toCsv } from '../common/csv';
import { spreadsheetDateTime } from '../common/i18n';
import type { CellValue, ReportColumn, ReportModel } from './report-model';
import { text } from './texts';

/** The byte-order mark Excel needs to read UTF-8. */
export const BOM = '\uFEFF';

/** A number with decimal comma and no grouping (`1234,5`); null → empty. */
export function decimalComma(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return String(value).replace('.', ',');
}

/**
 * Neutralises a text cell that a spreadsheet would run as a formula (CSV injection, OWASP "CSV
 * Injection"): a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading single
 * quote, so Excel and LibreOffice show it as text. Only for text: numbers are written by
 * `decimalComma`, so a negative number stays a number.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(model: ReportModel, v: CellValue, kind: ReportColumn['kind']): string {
  if (kind === 'datetime' && typeof v === 'string') return spreadsheetDateTime(v);
  if (typeof v === 'number') return decimalComma(v);
  if (typeof v === 'boolean') return text(model.locale, v ? 'yes' : 'no');
  return neutraliseFormula(v ?? '');
}

/**
 * The leading comment lines: notice (if any), travel model, attribution. Each is written as it is, one line starting
 * with `# `, with line breaks folded to spaces and `"` turned into `'` (an imported matrix's name is the user's text), so
 * even a reader that knows no comments reads each as a row of plain cells and never as the start of a quoted field.
 * Such a reader (Excel) splits the line at every `;`, so each piece after the first is a cell of its own and is
 * neutralised like any text cell: a matrix named `x;=cmd|' /C calc'!A0` must not become a formula.
 */
export function csvComments(model: ReportModel): string[] {
  const lines = [...(model.notice ? [model.notice] : []), `${text(model.locale, 'travelModel')}: ${model.travelModel}`, model.attribution];
  return lines.map((l) => `# ${l.replace(/[\r\n]+/g, ' ').replace(/"/g, "'")}`.split(';').map((cell, i) => (i === 0 ? cell : neutraliseFormula(cell))).join(';'));
}

/** The CSV text (with BOM) of a report's candidates. */
export function reportCsv(model: ReportModel): string {
  const columns = [...model.columns.core, ...model.columns.criteria, ...model.columns.indicators];
  const rows: string[][] = [columns.map((c) => c.header)];
  for (const c of model.candidates) rows.push(columns.map((col) => cell(model, c.record[col.key] ?? null, col.kind)));
  return BOM + [...csvComments(model), toCsv(rows, ';').replace(/\n$/, '')].join('\n').replace(/\n/g, '\r\n') + '\r\n';
}
