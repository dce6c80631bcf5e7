/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, CR/LF/CRLF line ends, a leading
 * UTF-8 byte-order mark, and the delimiter Norwegian Excel writes (`;`) detected from the header.
 * Source: RFC 4180, "Common Format and MIME Type for CSV Files" (2005).
 */

export interface CsvOptions {
  /** Field delimiter; detected from the first line when omitted (`;`, `,` or tab, whichever is most frequent outside quotes). */
  delimiter?: string;
  /**
   * A comment character: a line that starts with it (outside a quoted field) is skipped whole, as pandas'
   * `comment` and R's `comment.char` do (the exports' leading `#` lines name the model and the sources).
   */
  comment?: string;
}

/** Detects the delimiter from the first line: the most frequent of `;`, `,` and tab outside quotes (`,` on a tie). */
export function detectDelimiter(text: string, comment?: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of comment ? withoutCommentLines(text, comment) : text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

/** The text from its first line that is not a comment line on (for delimiter detection). */
function withoutCommentLines(text: string, comment: string): string {
  let at = 0;
  while (text.startsWith(comment, at)) {
    const end = text.slice(at).search(/\r\n|\n|\r/);
    if (end < 0) return '';
    at += end + (text.startsWith('\r\n', at + end) ? 2 : 1);
  }
  return text.slice(at);
}

/**
 * Parses CSV text into rows of string fields. Blank lines are dropped, and with `comment` the comment lines.
 * @throws Error naming the line when a quoted field is never closed.
 */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  return parseCsvLimited(text, options).rows;
}

/**
 * Like `parseCsv`, but keeps at most `maxRows` rows (the rest are only counted, so a file with a
 * million lines costs no memory beyond the limit).
 * @returns the kept rows and the number of rows in the text
 */
export function parseCsvLimited(text: string, options: CsvOptions & { maxRows?: number } = {}): { rows: string[][]; total: number } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(src, options.comment);
  const comment = options.comment;
  const maxRows = options.maxRows ?? Infinity;
  const rows: string[][] = [];
  let total = 0;
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let quoteStartLine = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') {
      total++;
      if (rows.length < maxRows) rows.push(row);
    }
    row = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (comment && row.length === 0 && field === '' && src.startsWith(comment, i)) {
      while (i + 1 < src.length && src[i + 1] !== '\n' && src[i + 1] !== '\r') i++;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoteStartLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      line++;
      endRow();
    } else field += ch;
  }
  if (inQuotes) throw new Error(`unterminated quoted field starting on line ${quoteStartLine}`);
  endRow();
  return { rows, total };
}

/**
 * Parses CSV with a header row into records keyed by column name.
 * @returns the header and one record per data row, with `line` = the row's 1-based line number in the file (header is line 1)
 */
export function parseCsvRecords(text: string, options: CsvOptions = {}): { header: string[]; records: { line: number; values: Record<string, string> }[] } {
  const rows = parseCsv(text, options);
  if (rows.length === 0) return { header: [], records: [] };
  const header = rows[0].map((h) => h.trim());
  const records = rows.slice(1).map((cells, idx) => {
    const values: Record<string, string> = {};
    header.forEach((h, j) => (values[h] = cells[j] ?? ''));
    return { line: idx + 2, values };
  });
  return { header, records };
}

/** Quotes a value for CSV output when it contains the delimiter, a quote or a line break. */
export function csvField(value: unknown, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Serialises rows (first row = header) as CSV with LF line ends. */
export function toCsv(rows: readonly (readonly unknown[])[], delimiter = ','): string {
  return rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join('\n') + '\n';
}
