/**
 * Zip-bomb guard for a DOCX letter, run before mammoth (whose jszip inflates every part without a limit).
 * Reads the ZIP's central directory with `common/zip-directory.ts` (APPNOTE.TXT 4.3.12, 4.3.16: the end record,
 * then one header per part, the way jszip does), then
 *  1. refuses by what the archive declares: too many parts, a part or all parts larger than the limit unpacked,
 *     an absurd compression ratio, ZIP64 sizes (no letter needs them);
 *  2. inflates every part with zlib's `inflateRawSync` and `maxOutputLength` (the remaining budget), because the
 *     declared sizes are not what jszip trusts: it inflates the compressed bytes to their end, whatever they say.
 * Two parts with the same name refuse the file as damaged: the guard would judge one and mammoth might read the
 * other. Part names are only looked up, never used as paths, so other odd names are left to mammoth; names shown
 * in a refusal have their control characters written out (`printableZipName`).
 * Spec: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
import zlib from 'node:zlib';
import type { LocalMessage } from '../common/errors';
import { firstDuplicateZipName, printableZipName, ZIP_NAME_PROBLEM_TEXT, readZipDirectory, zipEntryData, type ZipDirectoryEntry } from '../common/zip-directory';
import { letterLimits } from '../model/letters';

export interface DocxLimits {
  /** Most bytes all parts may unpack to together. */
  maxDocxUnpackedBytes: number;
  /** Most parts in the archive. */
  maxDocxEntries: number;
  /** Largest unpacked/packed ratio of a part that unpacks to more than `ratioFloorBytes`. */
  maxDocxRatio: number;
  /** Parts smaller than this unpacked are not judged by their ratio (tiny XML parts compress well). */
  ratioFloorBytes: number;
}

export const defaultDocxLimits: DocxLimits = {
  maxDocxUnpackedBytes: letterLimits.maxDocxUnpackedBytes,
  maxDocxEntries: letterLimits.maxDocxEntries,
  maxDocxRatio: letterLimits.maxDocxRatio,
  ratioFloorBytes: 1024 * 1024,
};

/** Why the guard refuses: the archive unpacks too large (`too_large`) or cannot be read as a ZIP (`corrupt`). */
export type DocxGuardResult = { ok: true; unpackedBytes: number } | { ok: false; code: 'too_large' | 'corrupt'; reason: LocalMessage };

const corrupt = (detail: LocalMessage): DocxGuardResult => ({ ok: false, code: 'corrupt', reason: { key: 'let.docx.corrupt', params: { detail } } });
const tooLarge = (reason: LocalMessage): DocxGuardResult => ({ ok: false, code: 'too_large', reason });
const mb = (bytes: number) => Math.round(bytes / 1048576);

/** The central directory's parts (`common/zip-directory.ts`), or why this guard refuses it. */
function readDirectory(b: Buffer, limits: DocxLimits): { parts: ZipDirectoryEntry[]; shift: number } | DocxGuardResult {
  const dir = readZipDirectory(b, { maxEntries: limits.maxDocxEntries });
  if (dir.ok) {
    const duplicate = firstDuplicateZipName(dir.entries.map((e) => e.name));
    if (duplicate !== null) return corrupt({ key: 'let.zip.badName', params: { name: printableZipName(duplicate), problem: { key: ZIP_NAME_PROBLEM_TEXT.duplicate } } });
    return { parts: dir.entries, shift: dir.shift };
  }
  if (dir.problem === 'zip64') return tooLarge({ key: 'let.docx.zip64' });
  if (dir.problem === 'too_many_entries') return tooLarge({ key: 'let.docx.entries', params: { n: dir.count, max: dir.max } });
  return corrupt(dir.said);
}

/** Refusal by what the parts declare, or null. */
function judgeDeclared(parts: readonly ZipDirectoryEntry[], limits: DocxLimits): DocxGuardResult | null {
  const max = limits.maxDocxUnpackedBytes;
  let total = 0;
  for (const part of parts) {
    if (part.uncompressedSize > max) return tooLarge({ key: 'let.docx.partTooLarge', params: { part: printableZipName(part.name), size: part.uncompressedSize, mb: mb(max) } });
    total += part.uncompressedSize;
    if (total > max) return tooLarge({ key: 'let.docx.totalTooLarge', params: { mb: mb(max) } });
    const ratio = part.uncompressedSize / Math.max(1, part.compressedSize);
    if (part.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxDocxRatio) {
      return tooLarge({ key: 'let.docx.ratio', params: { part: printableZipName(part.name), ratio: Math.round(ratio), max: limits.maxDocxRatio } });
    }
  }
  return null;
}

/**
 * Checks a DOCX (a ZIP) before it is unpacked. Pure apart from zlib; never throws for bad input.
 * @param limits defaults: `letterLimits` (20 MB unpacked, 1,000 parts, ratio 200 for parts above 1 MB)
 * @returns `ok` with the bytes actually unpacked, or a refusal with its catalogue reason
 */
export function checkDocxArchive(bytes: Uint8Array, limits: DocxLimits = defaultDocxLimits): DocxGuardResult {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dir = readDirectory(b, limits);
  if (!('parts' in dir)) return dir;
  const declared = judgeDeclared(dir.parts, limits);
  if (declared) return declared;
  let unpacked = 0;
  for (const part of dir.parts) {
    const at = zipEntryData(b, part, dir.shift);
    if (!at.ok) return corrupt(at.said);
    // Encrypted parts are not inflated here; mammoth refuses them.
    if (part.flags & 1) continue;
    const data = b.subarray(at.start, at.end);
    if (part.method === 0) unpacked += data.length;
    else if (part.method === 8) {
      const budget = limits.maxDocxUnpackedBytes - unpacked;
      try {
        unpacked += zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge({ key: 'let.docx.inflated', params: { part: printableZipName(part.name), mb: mb(limits.maxDocxUnpackedBytes) } });
        return corrupt({ key: 'let.zip.inflate', params: { name: printableZipName(part.name), detail: err instanceof Error ? err.message : String(err) } });
      }
    } else return corrupt({ key: 'let.zip.method', params: { name: printableZipName(part.name), method: part.method } });
    if (unpacked > limits.maxDocxUnpackedBytes) return tooLarge({ key: 'let.docx.inflated', params: { part: printableZipName(part.name), mb: mb(limits.maxDocxUnpackedBytes) } });
  }
  return { ok: true, unpackedBytes: unpacked };
}
