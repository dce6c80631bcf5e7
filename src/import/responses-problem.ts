/** The problems an answers import reports: a stable code, and where (row, column letter, column name). */

/** What went wrong, as a stable code; the message text comes from the i18n dictionary (`import.problem.<code>`). */
export type ProblemCode =
  | 'file_unreadable'
  | 'file_too_large'
  | 'no_rows'
  | 'too_many_rows'
  | 'missing_column'
  | 'duplicate_column'
  | 'unknown_column'
  | 'missing_kommune'
  | 'malformed_kommunenummer'
  | 'kommunenummer_padded'
  | 'unknown_kommunenummer'
  | 'unknown_name'
  | 'ambiguous_name'
  | 'name_mismatch'
  | 'duplicate_kommune'
  | 'invalid_value'
  | 'invalid_date'
  | 'invalid_number'
  | 'negative_number'
  | 'text_too_long'
  | 'premises_address_missing'
  | 'coordinate_missing'
  | 'coordinates_swapped'
  | 'outside_norway'
  | 'outside_municipality'
  | 'premises_without_wish'
  | 'row_width'
  | 'cells_beyond_header'
  | 'mixed_encoding'
  | 'mojibake'
  | 'sheet_range'
  | 'sheet_rows_beyond'
  | 'workbook_too_large';

/** One finding about the file, located by spreadsheet row and column (letter) and column name. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Spreadsheet row (1 = header); null for the file as a whole. */
  row: number | null;
  /** Spreadsheet column letter (`A`, `B`, … `AK`), or null. */
  column: string | null;
  /** Column name (e.g. `sp2_fornoyd`), or null. */
  field: string | null;
  code: ProblemCode;
  /** Values for the message template (`{value}`, `{allowed}`, …). */
  params: Record<string, string>;
}
