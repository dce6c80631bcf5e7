/**
 * Unpacks a ZIP of letters in memory with yauzl (https://github.com/thejoshwolfe/yauzl), which checks each
 * entry's declared size against the bytes it inflates. Guards: number of entries, bytes per entry and bytes in
 * total (a zip bomb stops at the limit), no nested archives. Folders, `__MACOSX/` and hidden files are skipped.
 */
import yauzl from 'yauzl';
import { letterLimits } from '../model/letters';

export interface ZipEntry {
  /** Path inside the archive. */
  name: string;
  bytes: Buffer;
}

export type Unzipped = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

const skip = (name: string) => name.endsWith('/') || /(^|\/)(__MACOSX|\.)/.test(name) || /(^|\/)(Thumbs\.db|desktop\.ini)$/i.test(name);

/** Reads every file of a ZIP archive, or says why it cannot. */
export function unzipLetters(buffer: Buffer, limits = letterLimits): Promise<Unzipped> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return resolve({ ok: false, message: `the ZIP file could not be read (${err?.message ?? 'unknown error'})` });
      const entries: ZipEntry[] = [];
      let total = 0;
      let done = false;
      const fail = (message: string) => {
        if (done) return;
        done = true;
        zip.close();
        resolve({ ok: false, message });
      };
      zip.on('error', (e: Error) => fail(`the ZIP file is damaged (${e.message})`));
      zip.on('end', () => {
        if (!done) {
          done = true;
          resolve({ ok: true, entries });
        }
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (skip(entry.fileName)) return zip.readEntry();
        if (/\.zip$/i.test(entry.fileName)) return fail(`${entry.fileName}: a ZIP inside the ZIP is not read; unpack it first`);
        if (entries.length >= limits.maxBatchFiles) return fail(`the ZIP holds more than ${limits.maxBatchFiles} files`);
        if (entry.uncompressedSize > limits.maxFileBytes) {
          return fail(`${entry.fileName}: ${entry.uncompressedSize} bytes unpacked; a letter may be at most ${limits.maxFileBytes} bytes (10 MB)`);
        }
        total += entry.uncompressedSize;
        if (total > limits.maxUnzippedBytes) return fail(`the ZIP unpacks to more than ${limits.maxUnzippedBytes} bytes`);
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(`${entry.fileName}: ${e?.message ?? 'cannot be read'}`);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', (se: Error) => fail(`${entry.fileName}: ${se.message}`));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
