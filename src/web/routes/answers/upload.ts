/** Receiving an uploaded answers file (multer, in memory, size-limited) and running the import as the signed-in user. */
import { receiveUpload } from '../../upload';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Db } from '../../../db/connection';
import type { Locale } from '../../../common/i18n';
import { ValidationError } from '../../../common/errors';
import { importLimits } from '../../../model/answers';
import { importResponses, type ImportReport } from '../../../import/responses-import';
import { actorOf } from '../../actor';
import { importFields } from './schemas';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: importLimits.maxFileBytes, files: 1, fields: 10 },
  defParamCharset: 'utf8',
}).single('file');

/** Receives the one file of an answers import (413 over the limit). */
function receiveFile(req: Request, res: Response): Promise<void> {
  return receiveUpload(upload, req, res, importLimits.maxFileBytes);
}

/**
 * Runs an uploaded import as the signed-in user. The report's `status` (`rejected`, …) is a value;
 * the caller decides the HTTP status and how to show it.
 */
export async function runUpload(db: Db, req: Request, res: Response): Promise<ImportReport> {
  await receiveFile(req, res);
  const fields = importFields.safeParse({ dryRun: req.body?.dryRun ?? req.query.dryRun });
  if (!fields.success) throw new ValidationError({ key: 'err.dryRun' });
  if (!req.file) throw new ValidationError({ key: 'err.noFile' }, undefined, 'no_file');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(req.file.originalname)) throw new ValidationError({ key: 'err.fileName' }, undefined, 'invalid_file_name');
  return importResponses(db, req.file.buffer, {
    fileName: req.file.originalname || 'upload',
    dryRun: fields.data.dryRun,
    by: actorOf(req),
    now: new Date().toISOString(),
    locale: res.locals.locale as Locale,
  });
}

/** The HTTP status of an import report: 422 when the file was rejected, else 200. */
export function importStatus(report: ImportReport): number {
  return report.status === 'rejected' ? 422 : 200;
}
