/**
 * Zip-bomb guard for a DOCX letter, run before mammoth (whose jszip inflates every part without a limit).
 * Reads the ZIP's central directory itself (APPNOTE.TXT 6.3, sections 4.3.12, 4.3.16: the end record, then one
 * header per part) the way jszip does (last end record; bytes prepended to the archive shift every offset), then
 *  1. refuses by what the archive declares: too many parts, a part or all parts larger than the limit unpacked,
 *     an absurd compression ratio, ZIP64 sizes (no letter needs them);
 *  2. inflates every part with zlib's `inflateRawSync` and `maxOutputLength` (the remaining budget), because the
 *     declared sizes are not what jszip trusts: it inflates the compressed bytes to their end, whatever they say.
 * Spec: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
import zlib from 'node:zlib';
import type { LocalMessage } from '../common/errors';
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

interface Part { name: string; method: number; flags: number; packed: number; unpacked: number; localOffset: number }

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const corrupt = (detail: string): DocxGuardResult => ({ ok: false, code: 'corrupt', reason: { key: 'let.docx.corrupt', params: { detail } } });
const tooLarge = (reason: LocalMessage): DocxGuardResult => ({ ok: false, code: 'too_large', reason });
const mb = (bytes: number) => Math.round(bytes / 1048576);

/** The central directory's parts, or why it cannot be read. */
function readDirectory(b: Buffer, limits: DocxLimits): { parts: Part[]; shift: number } | DocxGuardResult {
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) { end = i; break; }
  }
  if (end < 0) return corrupt('no end of central directory record');
  const count = b.readUInt16LE(end + 10);
  const size = b.readUInt32LE(end + 12);
  const offset = b.readUInt32LE(end + 16);
  if (count === 0xffff || size === MAX32 || offset === MAX32) return tooLarge({ key: 'let.docx.zip64' });
  if (count > limits.maxDocxEntries) return tooLarge({ key: 'let.docx.entries', params: { n: count, max: limits.maxDocxEntries } });
  const shift = end - (offset + size);
  if (shift < 0) return corrupt('the central directory lies outside the file');
  const parts: Part[] = [];
  let p = offset + shift;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || b.readUInt32LE(p) !== CENTRAL) return corrupt(`central directory header ${k + 1} of ${count} is missing`);
    const nameLen = b.readUInt16LE(p + 28);
    parts.push({
      name: b.toString('utf8', p + 46, Math.min(end, p + 46 + nameLen)),
      flags: b.readUInt16LE(p + 8), method: b.readUInt16LE(p + 10), packed: b.readUInt32LE(p + 20), unpacked: b.readUInt32LE(p + 24),
      localOffset: b.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return { parts, shift };
}

/** Refusal by what the parts declare, or null. */
function judgeDeclared(parts: readonly Part[], limits: DocxLimits): DocxGuardResult | null {
  const max = limits.maxDocxUnpackedBytes;
  let total = 0;
  for (const part of parts) {
    if (part.packed === MAX32 || part.unpacked === MAX32 || part.localOffset === MAX32) return tooLarge({ key: 'let.docx.zip64' });
    if (part.unpacked > max) return tooLarge({ key: 'let.docx.partTooLarge', params: { part: part.name, size: part.unpacked, mb: mb(max) } });
    total += part.unpacked;
    if (total > max) return tooLarge({ key: 'let.docx.totalTooLarge', params: { mb: mb(max) } });
    const ratio = part.unpacked / Math.max(1, part.packed);
    if (part.unpacked > limits.ratioFloorBytes && ratio > limits.maxDocxRatio) {
      return tooLarge({ key: 'let.docx.ratio', params: { part: part.name, ratio: Math.round(ratio), max: limits.maxDocxRatio } });
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
  if (b.length < 22) return corrupt('shorter than a ZIP end record');
  const dir = readDirectory(b, limits);
  if (!('parts' in dir)) return dir;
  const declared = judgeDeclared(dir.parts, limits);
  if (declared) return declared;
  let unpacked = 0;
  for (const part of dir.parts) {
    const at = part.localOffset + dir.shift;
    if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) return corrupt(`the local header of ${part.name} is missing`);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    if (start + part.packed > b.length) return corrupt(`${part.name} runs past the end of the file`);
    // Encrypted parts are not inflated here; mammoth refuses them.
    if (part.flags & 1) continue;
    const data = b.subarray(start, start + part.packed);
    if (part.method === 0) unpacked += data.length;
    else if (part.method === 8) {
      const budget = limits.maxDocxUnpackedBytes - unpacked;
      try {
        unpacked += zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge({ key: 'let.docx.inflated', params: { part: part.name, mb: mb(limits.maxDocxUnpackedBytes) } });
        return corrupt(`${part.name} cannot be inflated (${err instanceof Error ? err.message : String(err)})`);
      }
    } else return corrupt(`${part.name} uses compression method ${part.method} (only stored and deflated parts are read)`);
    if (unpacked > limits.maxDocxUnpackedBytes) return tooLarge({ key: 'let.docx.inflated', params: { part: part.name, mb: mb(limits.maxDocxUnpackedBytes) } });
  }
  return { ok: true, unpackedBytes: unpacked };
}
