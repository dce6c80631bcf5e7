/**
 * Checks that a row holds what the file meant, before its values are read: its cells line up with
 * the header, and its text was decoded with the right encoding. Pure: cells in, findings out.
 */
/**
 * A row whose cells do not line up with the header: in CSV every row must have as many cells as
 * the header (a short row would blank fields, a long one lose them); in XLSX empty cells at the end
 * are normal, but a value right of the last header column would be lost.
 */
export function rowShapeIssue(format: 'csv' | 'xlsx', headerLength: number, cells: readonly string[]):
  { code: 'row_width'; count: number; expected: number } | { code: 'cells_beyond_header'; lastColumn: number } | null {
  if (format === 'csv' && cells.length !== headerLength) return { code: 'row_width', count: cells.length, expected: headerLength };
  if (format === 'xlsx' && cells.length > headerLength) return { code: 'cells_beyond_header', lastColumn: cells.length };
  return null;
}

/**
 * Text that was UTF-8 but has been read as Windows-1252 somewhere on its way ("pÃ¥" for "på",
 * "Ã˜" for "Ø", "Â " for a no-break space): a lead byte read as Ã or Â followed by a continuation
 * byte's Windows-1252 character. Norwegian text never has these pairs.
 */
const GARBLED = /[ÃÂ][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/** The cells of a record whose text looks garbled, with a short excerpt around the first sign. */
export function garbledCells(record: Record<string, string>): { field: string; excerpt: string }[] {
  return Object.entries(record)
    .filter(([, v]) => typeof v === 'string' && GARBLED.test(v))
    .map(([field, v]) => {
      const at = v.search(GARBLED);
      return { field, excerpt: v.slice(Math.max(0, at - 10), at + 12) };
    });
}
