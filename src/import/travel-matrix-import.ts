/**
 * Importing a router's travel-time matrix: the heavy half (read, check completeness, cut off, hash:
 * `travel-matrix-prepare.ts`) runs where the caller says (a worker thread in the web server), then this stores it
 * with its provenance, all or nothing: any problem means nothing is written and the report lists the problems by
 * file, row and column, in the reader's language.
 */
import type { Db } from '../db/connection';
import { recordAudit } from '../db/audit-repo';
import { getMeta } from '../db/load-dataset';
import { listDemandPoints, listSites, listStations } from '../db/municipalities-repo';
import { insertTravelMatrix, type TravelMatrixInfo } from '../db/travel-matrices-repo';
import { DEFAULT_MARGIN_MIN } from '../model/travel-matrix';
import { formatNumber, say, type Locale, type MessageKey } from '../common/i18n';
import type { MatrixProblem, MatrixProblemCode, MatrixTargets } from './travel-matrix-read';
import { prepareMatrix, type MatrixFormat, type MatrixPrepareJob, type MatrixPrepared, type MatrixSummary } from './travel-matrix-prepare';

export type { MatrixFormat } from './travel-matrix-prepare';

export interface MatrixImportOptions {
  fileName: string;
  /** A name for the matrix (default: the file name). */
  name?: string;
  /** Default: from the file name (`.json` → osrm) or the content (`{` → osrm), else csv. */
  format?: MatrixFormat;
  dryRun?: boolean;
  by: string;
  now: string;
  /** The language of the problems' texts (default English: the command line). */
  locale?: Locale;
  /** Where the heavy half runs (default: in this thread). */
  prepare?: (job: MatrixPrepareJob) => Promise<MatrixPrepared>;
}

/** A problem as reported: where, its code, and its text in the reader's language. */
export type MatrixProblemReport = MatrixProblem & { message: string };

export interface MatrixImportReport {
  status: 'dry-run' | 'imported' | 'rejected';
  fileName: string;
  format: MatrixFormat;
  problems: MatrixProblemReport[];
  /** Problems beyond the listed ones. */
  moreProblems: number;
  summary: MatrixSummary | null;
  matrix: TravelMatrixInfo | null;
}

const PROBLEM_TEXT: Record<MatrixProblemCode, MessageKey> = {
  header: 'tm.problem.header', fields: 'tm.problem.fields', unknownFrom: 'tm.problem.unknownFrom', unknownTo: 'tm.problem.unknownTo',
  badMinutes: 'tm.problem.badMinutes', duplicatePair: 'tm.problem.duplicatePair', notJson: 'tm.problem.notJson', notTable: 'tm.problem.notTable',
  osrmCode: 'tm.problem.osrmCode', noDurations: 'tm.problem.noDurations', rowCount: 'tm.problem.rowCount', rowShape: 'tm.problem.rowShape',
  badSeconds: 'tm.problem.badSeconds', listLength: 'tm.problem.listLength', snapped: 'tm.problem.snapped', noStationTime: 'tm.problem.noStationTime',
  siteNoTime: 'tm.problem.siteNoTime', stationNoTime: 'tm.problem.stationNoTime',
};

/** A problem's text in `locale`; counts and limits written as numbers are in the locale («2 880», "3,022"). */
export function matrixProblemText(locale: Locale, p: MatrixProblem): string {
  const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(locale, v) : v]));
  return say(locale, PROBLEM_TEXT[p.code], params);
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

/**
 * Reads, checks and (unless a dry run, and only when there is no problem) stores a matrix.
 * @returns the report; `status: 'rejected'` lists every problem and nothing is written
 */
export async function importTravelMatrix(db: Db, file: Uint8Array, options: MatrixImportOptions): Promise<MatrixImportReport> {
  const points = matrixPoints(db);
  // The targets are the sites, then the stations (`matrixPoints`): no second read of the stations.
  const nSites = points.roles.filter((r) => r.role === 'site').length;
  const prepare = options.prepare ?? (async (job: MatrixPrepareJob) => prepareMatrix(job));
  const done = await prepare({ bytes: file, fileName: options.fileName, format: options.format, points: { demand: points.demand, targets: points.targets }, nSites });
  const base = { fileName: options.fileName, format: done.format, matrix: null };
  if (done.status === 'rejected') {
    const locale = options.locale ?? 'en';
    return { ...base, status: 'rejected', problems: done.problems.map((p) => ({ ...p, message: matrixProblemText(locale, p) })), moreProblems: done.moreProblems, summary: null };
  }
  const { matrix, summary } = done;
  if (options.dryRun) return { ...base, status: 'dry-run', problems: [], moreProblems: 0, summary };
  const info: Omit<TravelMatrixInfo, 'id'> = {
    name: (options.name ?? '').trim() || options.fileName, fileName: options.fileName, fileSha256: done.fileSha256,
    format: done.format, importedBy: options.by, importedAt: options.now, dataHash: getMeta(db, 'data_hash') ?? '', rowsInFile: summary.rowsInFile,
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
