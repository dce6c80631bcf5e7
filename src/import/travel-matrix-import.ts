/**
 * Importing a router's travel-time matrix: read (`travel-matrix-read.ts`), check it against the current data
 * (every demand point reaches a station; every site and station has a time), apply the same cut-off rule as the
 * built-in matrix (`planning/travel-matrix.ts`) and store it with its provenance, all or nothing: any problem
 * means nothing is written and the report lists the problems by file, row and column.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/connection';
import { recordAudit } from '../db/audit-repo';
import { getMeta } from '../db/load-dataset';
import { listDemandPoints, listSites, listStations } from '../db/municipalities-repo';
import { insertTravelMatrix, type TravelMatrixInfo } from '../db/travel-matrices-repo';
import { applyCutoff, DEFAULT_MARGIN_MIN, matrixFromRows } from '../model/travel-matrix';
import { readMatrixCsv, readMatrixOsrm, type MatrixProblem, type MatrixTargets, type ReadPairs } from './travel-matrix-read';

export type MatrixFormat = 'csv' | 'osrm';

export interface MatrixImportOptions {
  fileName: string;
  /** A name for the matrix (default: the file name). */
  name?: string;
  /** Default: from the file name (`.json` → osrm) or the content (`{` → osrm), else csv. */
  format?: MatrixFormat;
  dryRun?: boolean;
  by: string;
  now: string;
}

export interface MatrixImportReport {
  status: 'dry-run' | 'imported' | 'rejected';
  fileName: string;
  format: MatrixFormat;
  problems: MatrixProblem[];
  /** Problems beyond the listed ones. */
  moreProblems: number;
  summary: { rowsInFile: number; demandPoints: number; targets: number; pairsRead: number; pairsKept: number } | null;
  matrix: TravelMatrixInfo | null;
}

/** The points a router must be asked for, in order: demand points (sources), then sites and stations (destinations). */
export function matrixPoints(db: Db): MatrixTargets & { roles: { id: string; role: 'source' | 'site' | 'station'; kommunenummer: string; name: string }[] } {
  const demand = listDemandPoints(db);
  const sites = listSites(db);
  const stations = listStations(db).sort((a, b) => a.id.localeCompare(b.id));
  return {
    demand: demand.map((d) => ({ id: d.id, lon: d.lon, lat: d.lat })),
    targets: [...sites.map((s) => ({ id: s.id, lon: s.lon, lat: s.lat })), ...stations.map((s) => ({ id: s.id, lon: s.lon, lat: s.lat }))],
    roles: [
      ...demand.map((d) => ({ id: d.id, role: 'source' as const, kommunenummer: d.kommunenummer, name: '' })),
      ...sites.map((s) => ({ id: s.id, role: 'site' as const, kommunenummer: s.kommunenummer, name: `${s.place} (${s.postnummer})` })),
      ...stations.map((s) => ({ id: s.id, role: 'station' as const, kommunenummer: s.kommunenummer, name: s.name })),
    ],
  };
}

function detectFormat(fileName: string, text: string): MatrixFormat {
  if (/\.json$/i.test(fileName)) return 'osrm';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text.trimStart().startsWith('{') ? 'osrm' : 'csv';
}

/** Completeness against the data: each demand point reaches a station, each target has a time. */
function completeness(pairs: ReadPairs, t: MatrixTargets, nSites: number, file: string): MatrixProblem[] {
  const reachesStation = new Uint8Array(t.demand.length);
  const hasTime = new Uint8Array(t.targets.length);
  for (let i = 0; i < pairs.row.length; i++) {
    hasTime[pairs.col[i]] = 1;
    if (pairs.col[i] >= nSites) reachesStation[pairs.row[i]] = 1;
  }
  const out: MatrixProblem[] = [];
  t.demand.forEach((d, i) => { if (!reachesStation[i]) out.push({ file, row: '(all)', column: 'from_id', message: `demand point ${d.id} has no time to any station` }); });
  t.targets.forEach((x, k) => { if (!hasTime[k]) out.push({ file, row: '(all)', column: 'to_id', message: `${k < nSites ? 'site' : 'station'} ${x.id} has no time from any demand point` }); });
  return out;
}

/**
 * Reads, checks and (unless a dry run, and only when there is no problem) stores a matrix.
 * @returns the report; `status: 'rejected'` lists every problem and nothing is written
 */
export function importTravelMatrix(db: Db, file: Buffer, options: MatrixImportOptions): MatrixImportReport {
  const text = file.toString('utf8');
  const format = options.format ?? detectFormat(options.fileName, text);
  const points = matrixPoints(db);
  const nSites = points.targets.length - listStations(db).length;
  const read = format === 'osrm' ? readMatrixOsrm(text, options.fileName, points) : readMatrixCsv(text, options.fileName, points);
  const base = { fileName: options.fileName, format, matrix: null };
  if ('problems' in read) return { ...base, status: 'rejected', problems: read.problems, moreProblems: read.more, summary: null };
  const missing = completeness(read.pairs, points, nSites, options.fileName);
  if (missing.length) return { ...base, status: 'rejected', problems: missing.slice(0, 100), moreProblems: Math.max(0, missing.length - 100), summary: null };
  const rows = points.demand.map(() => ({ cols: [] as number[], minutes: [] as number[] }));
  for (let i = 0; i < read.pairs.row.length; i++) {
    rows[read.pairs.row[i]].cols.push(read.pairs.col[i]);
    rows[read.pairs.row[i]].minutes.push(Math.round(read.pairs.minutes[i] * 10) / 10);
  }
  const full = matrixFromRows(points.demand.map((d) => d.id), points.targets.map((x) => x.id), rows);
  const { matrix } = applyCutoff(full, (c) => c >= nSites, DEFAULT_MARGIN_MIN);
  const summary = { rowsInFile: read.pairs.rowsInFile, demandPoints: points.demand.length, targets: points.targets.length, pairsRead: read.pairs.row.length, pairsKept: matrix.cols.length };
  if (options.dryRun) return { ...base, status: 'dry-run', problems: [], moreProblems: 0, summary };
  const info: Omit<TravelMatrixInfo, 'id'> = {
    name: (options.name ?? '').trim() || options.fileName, fileName: options.fileName, fileSha256: crypto.createHash('sha256').update(file).digest('hex'),
    format, importedBy: options.by, importedAt: options.now, dataHash: getMeta(db, 'data_hash') ?? '', rowsInFile: summary.rowsInFile,
    demandPoints: summary.demandPoints, targets: summary.targets, pairsKept: summary.pairsKept,
    notes: `pairs read ${summary.pairsRead}; kept ${summary.pairsKept} within the nearest station + ${DEFAULT_MARGIN_MIN} min (and the 3 nearest stations)`,
  };
  const id = db.transaction(() => {
    const newId = insertTravelMatrix(db, info, matrix);
    recordAudit(db, { at: options.now, actor: options.by, action: 'import', entity: 'travel_matrix', entityId: String(newId), after: { ...info, id: newId } });
    return newId;
  })();
  return { ...base, status: 'imported', problems: [], moreProblems: 0, summary, matrix: { ...info, id } };
}
