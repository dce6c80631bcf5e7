/**
 * Receiving a multipart upload: runs a multer handler, then the CSRF check that waits for the parsed form
 * (the token travels in a form field, never in the address). Multer's and busboy's errors become the error
 * family's, in the reader's language: a file over the limit is 413, anything else about the request is 400.
 * The answers, letters and travel-matrix uploads all receive their files through here.
 */
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { PayloadTooLargeError, ValidationError, shownValue } from '../common/errors';
import { checkDeferredCsrf } from './csrf';

/** @param maxBytes the handler's per-file limit, said in the 413 message */
export function receiveUpload(handler: RequestHandler, req: Request, res: Response, maxBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    void handler(req, res, (err: unknown) => {
      if (!err) {
        try {
          checkDeferredCsrf(req);
        } catch (e) {
          return reject(e);
        }
        return resolve();
      }
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
        return reject(new PayloadTooLargeError({ key: 'err.uploadTooLarge', params: { max: maxBytes, mb: Math.round(maxBytes / 1048576) } }));
      }
      // Anything else multer or busboy says (no or a bad boundary, too many files, a truncated body) is about the request, not a bug.
      const detail = err instanceof multer.MulterError ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
      reject(new ValidationError({ key: 'err.multipart', params: { detail: shownValue(detail) } }));
    });
  });
}
