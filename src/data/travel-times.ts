/**
 * Reads `data/travel-times.txt`, the built-in model's sparse matrix (format: `scripts/data/travel-matrix.ts`):
 * a JSON header with the column ids, then one line per demand point, `<id> <Δcolumn>:<tenths of a minute> …`.
 */
import { matrixFromRows, type TravelMatrix } from '../model/travel-matrix';
import { DataFileError } from './errors';

/** The header of the file (the documentation members are kept as they are). */
export interface TravelTimesHeader {
  format: string;
  model: string;
  marginMin: number;
  columns: string[];
  [key: string]: unknown;
}

/**
 * Parses the file.
 * @throws DataFileError naming the line when the header or a cell is malformed
 */
export function parseTravelTimes(text: string, file = 'travel-times.txt'): { header: TravelTimesHeader; matrix: TravelMatrix } {
  const lines = text.split('\n').filter((l) => l !== '');
  let header: TravelTimesHeader;
  try {
    header = JSON.parse(lines[0] ?? '') as TravelTimesHeader;
  } catch {
    throw new DataFileError(file, 1, 'the first line must be the JSON header');
  }
  if (header.format !== 'stedsvalg-travel-times/1' || !Array.isArray(header.columns)) throw new DataFileError(file, 1, 'unknown format (expected stedsvalg-travel-times/1 with columns)');
  const rowIds: string[] = [];
  const rows = lines.slice(1).map((line, n) => {
    const [id, ...cells] = line.split(' ');
    rowIds.push(id);
    let col = 0;
    const cols: number[] = [];
    const minutes: number[] = [];
    for (const cell of cells) {
      const m = /^(\d+):(\d+)$/.exec(cell);
      if (!m) throw new DataFileError(file, n + 2, `cell "${cell}" is not <Δcolumn>:<tenths>`);
      col += Number(m[1]);
      if (col >= header.columns.length) throw new DataFileError(file, n + 2, `column ${col} beyond the ${header.columns.length} in the header`);
      cols.push(col);
      minutes.push(Number(m[2]) / 10);
    }
    return { cols, minutes };
  });
  return { header, matrix: matrixFromRows(rowIds, header.columns, rows) };
}
