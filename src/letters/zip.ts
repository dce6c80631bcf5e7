/**
 * Unpacks a ZIP of letters in memory: the central directory is read by `common/zip-directory.ts`, each entry is
 * inflated with zlib and must unpack to exactly the size its header declares (as yauzl's `validateEntrySizes` did;
 * zlib's `maxOutputLength` stops a part that lies about its size one byte past it). Guards: number of entries,
 * bytes per entry and bytes in total, judged by the declared sizes before anything is unpacked (a zip bomb stops at
 * the limit), no nested archives, no encrypted entries. Folders, `__MACOSX/` and hidden files are skipped.
 * Names are UTF-8 when the entry says so (APPNOTE 4.4.4 bit 11) or carries an Info-ZIP Unicode Path field
 * (APPNOTE 4.6.9, 0x7075), else CP437 (APPNOTE appendix D), as yauzl decoded them.
 * Spec: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { readZipDirectory, zipEntryData, type ZipDirectoryEntry } from '../common/zip-directory';
import { letterLimits } from '../model/letters';

export interface ZipEntry {
  /** Path inside the archive. */
  name: string;
  bytes: Buffer;
}

export type Unzipped = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

const inflateRaw = promisify(zlib.inflateRaw);

const skip = (name: string) => name.endsWith('/') || /(^|\/)(__MACOSX|\.)/.test(name) || /(^|\/)(Thumbs\.db|desktop\.ini)$/i.test(name);

/** The entry's name: UTF-8 by flag, else from an Info-ZIP Unicode Path field that matches the stored name, else CP437. */
export function entryName(entry: ZipDirectoryEntry): string {
  if (entry.flags & 0x800) return entry.rawName.toString('utf8');
  const x = entry.extra;
  for (let i = 0; i + 4 <= x.length;) {
    const id = x.readUInt16LE(i);
    const size = x.readUInt16LE(i + 2);
    if (id === 0x7075 && size >= 5 && i + 4 + size <= x.length && x[i + 4] === 1 && x.readUInt32LE(i + 5) === zlib.crc32(entry.rawName)) {
      return x.toString('utf8', i + 9, i + 4 + size);
    }
    i += 4 + size;
  }
  return iconv.decode(entry.rawName, 'cp437');
}

/** Refusal by what the entries declare (count, sizes, nested archives), or null; `entries` are those to read. */
function judgeDeclared(entries: readonly { entry: ZipDirectoryEntry; name: string }[], limits: typeof letterLimits): string | null {
  let total = 0;
  let files = 0;
  for (const { entry, name } of entries) {
    if (/\.zip$/i.test(name)) return `${name}: a ZIP inside the ZIP is not read; unpack it first`;
    if (files >= limits.maxBatchFiles) return `the ZIP holds more than ${limits.maxBatchFiles} files`;
    files++;
    if (entry.uncompressedSize > limits.maxFileBytes) {
      return `${name}: ${entry.uncompressedSize} bytes unpacked; a letter may be at most ${limits.maxFileBytes} bytes (10 MB)`;
    }
    total += entry.uncompressedSize;
    if (total > limits.maxUnzippedBytes) return `the ZIP unpacks to more than ${limits.maxUnzippedBytes} bytes`;
  }
  return null;
}

/** The bytes of one entry, exactly as many as it declares, or why not. */
async function unpack(buffer: Buffer, entry: ZipDirectoryEntry, name: string, shift: number): Promise<Buffer | string> {
  const at = zipEntryData(buffer, entry, shift);
  if (!at.ok) return `the ZIP file is damaged (${at.detail})`;
  if (entry.flags & 1) return `${name}: the file is encrypted inside the ZIP; pack it without a password`;
  const data = buffer.subarray(at.start, at.end);
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method === 8) {
    try {
      out = await inflateRaw(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return `${name}: too many bytes in the stream. expected ${entry.uncompressedSize}`;
      return `${name}: ${err instanceof Error ? err.message : String(err)}`;
    }
  } else return `${name}: unsupported compression method: ${entry.method}`;
  if (out.length !== entry.uncompressedSize) return `${name}: ${out.length} bytes in the stream; expected ${entry.uncompressedSize}`;
  return out;
}

/** Reads every file of a ZIP archive, or says why it cannot. Never throws for bad input. */
export async function unzipLetters(buffer: Buffer, limits = letterLimits): Promise<Unzipped> {
  const dir = readZipDirectory(buffer);
  if (!dir.ok) return { ok: false, message: `the ZIP file could not be read (${dir.detail})` };
  const wanted = dir.entries.map((entry) => ({ entry, name: entryName(entry) })).filter((e) => !skip(e.name));
  const refused = judgeDeclared(wanted, limits);
  if (refused) return { ok: false, message: refused };
  const entries: ZipEntry[] = [];
  for (const { entry, name } of wanted) {
    const bytes = await unpack(buffer, entry, name, dir.shift);
    if (typeof bytes === 'string') return { ok: false, message: bytes };
    entries.push({ name, bytes });
  }
  return { ok: true, entries };
}
