/**
 * Travel-time matrices from a router: the points to route (CSV), import (page, JSON API), list, delete. The
 * access table's defaults apply: reading for every signed-in user, importing and deleting for planners and
 * admins. An import is all or nothing (422 with every problem by file, row and column).
 */
import { appRouter } from '../router';
import { type Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { receiveUpload } from '../upload';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { Db } from '../../db/connection';
import { recordAudit } from '../../db/audit-repo';
import { deleteTravelMatrix, getTravelMatrixInfo, listTravelMatrices } from '../../db/travel-matrices-repo';
import { importTravelMatrix, matrixPoints, type MatrixImportReport } from '../../import/travel-matrix-import';
import { describeTravelModel, travelModelLabel } from '../../planning/travel-models';
import { heavyRunner } from '../../planning/heavy';
import { canPlan } from '../../auth/policy';
import { actorOf } from '../actor';
import { AppError, BusyError, ValidationError, NotFoundError, messageOf } from '../../common/errors';
import { parse } from '../validate';
import { optionalNameText } from '../../common/fields';
import type { Locale } from '../../common/i18n';

/** Upload limit: a full OSRM table for ~3,000 × ~1,700 points is about 60 MB of JSON. */
export const MATRIX_MAX_BYTES = 200 * 1024 * 1024;

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MATRIX_MAX_BYTES, files: 1, fields: 10 }, defParamCharset: 'utf8' }).single('file');

const fields = z.object({
  // No control characters: the name is printed in CSV comment lines, PDF reports and page titles.
  name: optionalNameText(120).default(''),
  format: z.enum(['csv', 'osrm', '']).default('').transform((v) => (v === '' ? undefined : v)),
  dryRun: z.enum(['true', 'false', '1', '0', 'on', '']).default('').transform((v) => v === 'true' || v === '1' || v === 'on'),
});
const idParam = z.coerce.number().int().positive();

/** Receives the one matrix file (413 over the limit). */
function receiveFile(req: Request, res: Response): Promise<void> {
  return receiveUpload(upload, req, res, MATRIX_MAX_BYTES);
}

/** Seconds a refused second import is told to wait. */
const IMPORT_RETRY_SEC = 30;
/** Whether an import is running in this process (each holds its file, up to 200 MB, and a worker's seconds of work). */
let importing = false;

/**
 * Receives and imports one matrix. One import runs at a time: another is refused (503, Retry-After) before its file
 * is read, so concurrent uploads cannot hold gigabytes of memory.
 */
async function runImport(db: Db, req: Request, res: Response): Promise<MatrixImportReport> {
  if (importing) throw new BusyError({ key: 'err.matrixImportBusy', params: { seconds: IMPORT_RETRY_SEC } }, IMPORT_RETRY_SEC, 'matrix_import_busy');
  importing = true;
  try {
    return await receiveAndImport(db, req, res);
  } finally {
    importing = false;
  }
}

async function receiveAndImport(db: Db, req: Request, res: Response): Promise<MatrixImportReport> {
  await receiveFile(req, res);
  const f = parse(fields, { name: req.body?.name ?? '', format: req.body?.format ?? '', dryRun: req.body?.dryRun ?? req.query.dryRun ?? '' });
  if (!req.file) throw new ValidationError({ key: 'err.noMatrixFile' });
  return importTravelMatrix(db, req.file.buffer, {
    fileName: req.file.originalname || 'upload', name: f.name, format: f.format, dryRun: f.dryRun,
    by: actorOf(req), now: new Date().toISOString(), locale: res.locals.locale as Locale,
    // Seconds of work for a full matrix: in a worker thread, so the server keeps answering.
    prepare: (job) => heavyRunner().prepareMatrix(job),
  });
}

const csvCell = (v: string | number): string => (/[",;\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** The points to route, in the order a matrix must have them (sources first, then targets), as CSV. */
function pointsCsv(db: Db): string {
  const p = matrixPoints(db);
  const coords = new Map([...p.demand, ...p.targets].map((x) => [x.id, x]));
  const lines = ['order,role,id,lon,lat,kommunenummer,name'];
  p.roles.forEach((r, i) => {
    const c = coords.get(r.id)!;
    const order = r.role === 'source' ? i : i - p.demand.length;
    lines.push([order, r.role, r.id, c.lon, c.lat, r.kommunenummer, r.name].map(csvCell).join(','));
  });
  return lines.join('\n') + '\n';
}

/** The HTTP status of an import report (a value of the use case): 422 rejected, 201 stored, 200 a dry run. */
function importStatus(report: MatrixImportReport): number {
  return report.status === 'rejected' ? 422 : report.status === 'imported' ? 201 : 200;
}

/** Renders the travel-matrices page: the imported matrices, a report or an error. */
function renderPage(db: Db, res: Response, report: MatrixImportReport | null, error: string | null): void {
  const locale = res.locals.locale as Locale;
  const imported = listTravelMatrices(db).map((m) => ({ ...m, label: travelModelLabel({ kind: 'imported', imported: m }, locale) }));
  res.render('travel-matrices', {
    title: res.locals.t('tm.title'), imported, report, error, canImport: canPlan(res.locals.user),
    builtinLabel: travelModelLabel(describeTravelModel(db, 'builtin'), locale), maxBytes: MATRIX_MAX_BYTES,
  });
}

function remove(db: Db): RequestHandler {
  return (req, res) => {
    const id = parse(idParam, req.params.id, 'id: ');
    const info = getTravelMatrixInfo(db, id);
    if (!info) throw new NotFoundError({ key: 'err.matrixMissing', params: { id } });
    db.transaction(() => {
      deleteTravelMatrix(db, id);
      recordAudit(db, { at: new Date().toISOString(), actor: actorOf(req), action: 'delete', entity: 'travel_matrix', entityId: String(id), before: info });
    })();
    res.status(204).end();
  };
}

/** `POST /travel-matrices`: the report on the page (422 when rejected); a refused upload is shown on the page too. */
function importForm(db: Db): RequestHandler {
  return async (req, res) => {
    try {
      const report = await runImport(db, req, res);
      res.status(report.status === 'rejected' ? 422 : 200);
      renderPage(db, res, report, null);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      res.status(err.httpStatus);
      renderPage(db, res, null, messageOf(err, res.locals.locale as Locale));
    }
  };
}

export function travelMatrixRoutes({ db }: AppDeps): Router {
  const router = appRouter();
  router.get('/travel-matrices/points.csv', (_req, res) => {
    res.type('text/csv; charset=utf-8').attachment('stedsvalg-matrix-points.csv').send(pointsCsv(db));
  });
  router.get('/api/travel-matrices', (_req, res) => {
    res.json({ builtin: { ref: 'builtin' }, imported: listTravelMatrices(db) });
  });
  router.post('/api/travel-matrices', async (req, res) => {
    const report = await runImport(db, req, res);
    res.status(importStatus(report)).json(report);
  });
  router.delete('/api/travel-matrices/:id', remove(db));
  router.get('/travel-matrices', (_req, res) => renderPage(db, res, null, null));
  router.post('/travel-matrices', importForm(db));
  return router;
}
