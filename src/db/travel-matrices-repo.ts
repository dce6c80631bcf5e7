import type { Db } from './connection';
import type { TravelMatrix } from '../model/travel-matrix';
import { stmt } from './statements';

/** Provenance of an imported travel-time matrix. */
export interface TravelMatrixInfo {
  id: number;
  name: string;
  fileName: string;
  fileSha256: string;
  format: 'csv' | 'osrm';
  importedBy: string;
  importedAt: string;
  /** The data set the matrix was imported against (its ids must still exist to be used). */
  dataHash: string;
  rowsInFile: number;
  demandPoints: number;
  targets: number;
  pairsKept: number;
  notes: string;
}

interface Row {
  id: number; name: string; file_name: string; file_sha256: string; format: 'csv' | 'osrm'; imported_by: string; imported_at: string;
  data_hash: string; rows_in_file: number; demand_points: number; targets: number; pairs_kept: number; notes: string;
}

const infoColumns = 'id, name, file_name, file_sha256, format, imported_by, imported_at, data_hash, rows_in_file, demand_points, targets, pairs_kept, notes';

const toInfo = (r: Row): TravelMatrixInfo => ({
  id: r.id, name: r.name, fileName: r.file_name, fileSha256: r.file_sha256, format: r.format, importedBy: r.imported_by, importedAt: r.imported_at,
  dataHash: r.data_hash, rowsInFile: r.rows_in_file, demandPoints: r.demand_points, targets: r.targets, pairsKept: r.pairs_kept, notes: r.notes,
});

const blob = (a: Int32Array | Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Stores a matrix with its provenance (call inside a transaction with the audit record). @returns its id */
export function insertTravelMatrix(db: Db, info: Omit<TravelMatrixInfo, 'id'>, m: TravelMatrix): number {
  const r = stmt(db, `INSERT INTO travel_matrices (name, file_name, file_sha256, format, imported_by, imported_at, data_hash, rows_in_file, demand_points,
      targets, pairs_kept, notes, row_ids, col_ids, row_start, cols, minutes)
    VALUES (@name, @fileName, @fileSha256, @format, @importedBy, @importedAt, @dataHash, @rowsInFile, @demandPoints, @targets, @pairsKept, @notes,
      @rowIds, @colIds, @rowStart, @cols, @minutes)`).run({
    ...info, rowIds: JSON.stringify(m.rowIds), colIds: JSON.stringify(m.colIds), rowStart: blob(m.rowStart), cols: blob(m.cols), minutes: blob(m.minutes),
  });
  return Number(r.lastInsertRowid);
}

/** All imported matrices, newest first (provenance only). */
export function listTravelMatrices(db: Db): TravelMatrixInfo[] {
  return (stmt(db, `SELECT ${infoColumns} FROM travel_matrices ORDER BY id DESC`).all() as Row[]).map(toInfo);
}

/** One matrix's provenance, or null. */
export function getTravelMatrixInfo(db: Db, id: number): TravelMatrixInfo | null {
  const r = stmt(db, `SELECT ${infoColumns} FROM travel_matrices WHERE id = ?`).get(id) as Row | undefined;
  return r ? toInfo(r) : null;
}

/** One matrix with its data, or null. */
export function loadTravelMatrix(db: Db, id: number): { info: TravelMatrixInfo; matrix: TravelMatrix } | null {
  const r = stmt(db, `SELECT ${infoColumns}, row_ids, col_ids, row_start, cols, minutes FROM travel_matrices WHERE id = ?`).get(id) as
    | (Row & { row_ids: string; col_ids: string; row_start: Buffer; cols: Buffer; minutes: Buffer })
    | undefined;
  if (!r) return null;
  const copy = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  return {
    info: toInfo(r),
    matrix: {
      rowIds: JSON.parse(r.row_ids) as string[], colIds: JSON.parse(r.col_ids) as string[],
      rowStart: new Int32Array(copy(r.row_start)), cols: new Int32Array(copy(r.cols)), minutes: new Float32Array(copy(r.minutes)),
    },
  };
}

/** Deletes an imported matrix (scenarios that name it fall back to an error naming the missing model). */
export function deleteTravelMatrix(db: Db, id: number): boolean {
  return stmt(db, 'DELETE FROM travel_matrices WHERE id = ?').run(id).changes > 0;
}
