/**
 * Minimal RFC 4180 CSV reading and writing (https://www.rfc-editor.org/rfc/rfc4180), with a configurable
 * delimiter for the `;`-separated TØI file. Output: LF line endings, a header row, fields quoted only when they
 * contain the delimiter, a quote or a line break.
 */

/** A parsed row keyed by header name. */
export type CsvRecord = Record<string, string>;

/** Parses CSV text into records keyed by the header row. Throws on a row whose field count differs. */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const rows = parseRows(text.replace(/^\uFEFF/, ''), delimiter);
  const header = rows.shift();
  if (!header) return [];
  return rows
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r, i) => {
      if (r.length !== header.length) {
        throw new Error(`CSV row ${i + 2} has ${r.length} fields, header has ${header.length}`);
      }
      return Object.fromEntries(header.map((h, j) => [h, r[j]]));
    });
}

function parseRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A cell value: null/undefined become an empty cell (never "null" or 0). */
export type CsvValue = string | number | null | undefined;

function formatCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? numberToString(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function numberToString(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`CSV cell must be a finite number, got ${n}`);
  return Object.is(n, -0) ? '0' : String(n);
}

/** Serialises rows under a fixed column list; every row must have exactly those keys' values (missing = empty). */
export function formatCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => formatCell(r[c])).join(','));
  return lines.join('\n') + '\n';
}

/** Rounds to `dp` decimals (half away from zero on the decimal representation is not needed here). */
export function round(n: number, dp: number): number {
  const f = 10 ** dp;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
