/**
 * Unpacks a ZIP of letters in memory: the central directory is read by `common/zip-directory.ts`, each entry is
 * inflated with zlib and must unpack to exactly the size its header declares (as yauzl's `validateEntrySizes` did;
 * zlib's `maxOutputLength` stops a part that lies about its size one byte past it). Guards: number of entries,
 * bytes per entry and bytes in total, judged by the declared sizes before anything is unpacked (a zip bomb stops at
 * the limit), no nested archives, no encrypted entries. Folders, `__MACOSX/` and hidden files are skipped. A name
 * that is absolute (`/x`, `C:x`), climbs out (`..`), uses backslashes, holds a control character (NUL, bidi
 * overrides) or repeats another entry's refuses the whole ZIP, as every other refusal here does (APPNOTE 4.4.17.1);
 * the refusal shows the name with its control characters written out (`printableZipName`).
 * Names are UTF-8 when the entry says so (APPNOTE 4.4.4 bit 11) or carries an Info-ZIP Unicode Path field
 * (APPNOTE 4.6.9, 0x7075), else CP437 (APPNOTE appendix D), as yauzl decoded them.
 * Spec: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { firstUnsafeZipName, printableZipName, ZIP_NAME_PROBLEM_TEXT, readZipDirectory, zipEntryData, type ZipDirectoryEntry } from '../common/zip-directory';
import { sayLocal, type LocalMessage } from '../common/errors';
import { letterLimits } from '../model/letters';

export interface ZipEntry {
  /** Path inside the archive. */
  name: string;
  bytes: Buffer;
}

/** A refusal says what is wrong and where through the catalogue (`said`); `message` is its English text (API, CLI, logs). */
export type Unzipped = { ok: true; entries: ZipEntry[] } | { ok: false; message: string; said: LocalMessage };

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

const refuse = (said: LocalMessage): Unzipped => ({ ok: false, message: sayLocal('en', said), said });

/** Refusal by what the entries declare (count, sizes, nested archives), or null; `entries` are those to read. */
function judgeDeclared(entries: readonly { entry: ZipDirectoryEntry; name: string }[], limits: typeof letterLimits): LocalMessage | null {
  let total = 0;
  let files = 0;
  for (const { entry, name } of entries) {
    if (/\.zip$/i.test(name)) return { key: 'let.zip.nested', params: { name } };
    if (files >= limits.maxBatchFiles) return { key: 'let.zip.tooManyFiles', params: { max: limits.maxBatchFiles } };
    files++;
    if (entry.uncompressedSize > limits.maxFileBytes) {
      return { key: 'let.zip.entryTooLarge', params: { name, size: entry.uncompressedSize, max: limits.maxFileBytes } };
    }
    total += entry.uncompressedSize;
    if (total > limits.maxUnzippedBytes) return { key: 'let.zip.totalTooLarge', params: { max: limits.maxUnzippedBytes } };
  }
  return null;
}

/** The bytes of one entry, exactly as many as it declares, or why not. */
async function unpack(buffer: Buffer, entry: ZipDirectoryEntry, name: string, shift: number): Promise<Buffer | LocalMessage> {
  const at = zipEntryData(buffer, entry, shift);
  if (!at.ok) return { key: 'let.zip.damaged', params: { detail: at.said } };
  if (entry.flags & 1) return { key: 'let.zip.encrypted', params: { name } };
  const data = buffer.subarray(at.start, at.end);
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method === 8) {
    try {
      out = await inflateRaw(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { key: 'let.zip.sizeOver', params: { name, size: entry.uncompressedSize } };
      return { key: 'let.zip.inflate', params: { name, detail: err instanceof Error ? err.message : String(err) } };
    }
  } else return { key: 'let.zip.method', params: { name, method: entry.method } };
  if (out.length !== entry.uncompressedSize) return { key: 'let.zip.sizeUnder', params: { name, actual: out.length, size: entry.uncompressedSize } };
  return out;
}

/** Reads every file of a ZIP archive, or says why it cannot. Never throws for bad input. */
export async function unzipLetters(buffer: Buffer, limits = letterLimits): Promise<Unzipped> {
  const dir = readZipDirectory(buffer);
  if (!dir.ok) return refuse({ key: 'let.zip.unreadable', params: { detail: dir.said } });
  const named = dir.entries.map((entry) => ({ entry, name: entryName(entry) }));
  // Before skipping: `../x` and `/.x` would otherwise pass as hidden files.
  const unsafe = firstUnsafeZipName(named.map((e) => e.name));
  if (unsafe) return refuse({ key: 'let.zip.badName', params: { name: printableZipName(unsafe.name), problem: { key: ZIP_NAME_PROBLEM_TEXT[unsafe.problem] } } });
  const wanted = named.filter((e) => !skip(e.name));
  const refused = judgeDeclared(wanted, limits);
  if (refused) return refuse(refused);
  const entries: ZipEntry[] = [];
  for (const { entry, name } of wanted) {
    const bytes = await unpack(buffer, entry, name, dir.shift);
    if (!Buffer.isBuffer(bytes)) return refuse(bytes);
    entries.push({ name, bytes });
  }
  return { ok: true, entries };
}
