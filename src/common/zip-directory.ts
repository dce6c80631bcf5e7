/**
 * The central directory of a ZIP archive, read without unpacking anything: the end record, then one header per
 * entry (APPNOTE.TXT 4.3.12 central directory header, 4.3.16 end of central directory record, 4.3.7 local file
 * header). Read the way jszip and yauzl do: the last end record wins, and bytes prepended to the archive (a
 * self-extractor stub) shift every offset by the same amount (`shift`).
 *
 * ZIP64 (APPNOTE 4.3.14, 4.5.3: a count of 0xFFFF or a size or offset of 0xFFFFFFFF standing for a value kept
 * elsewhere) is refused: no letter, Word file or workbook this app reads needs it, and its real values would have
 * to be trusted from another record. A malformed directory is an outcome, not a throw; each caller turns it into
 * its own refusal and applies its own limits to the entries. What is wrong is said through the catalogue
 * (`zip.dir.*`, in `i18n/letter-intake.ts`), in English with `sayLocal('en', …)`.
 *
 * Spec: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
import type { LocalMessage } from './errors';
import type { MessageKey } from './i18n';

/** One entry of the central directory, as it is declared (nothing is unpacked or checked against the data). */
export interface ZipDirectoryEntry {
  /** Path inside the archive, decoded as UTF-8 (the name's raw bytes are in `rawName`). */
  name: string;
  /** The name's bytes as stored: CP437 unless bit 11 of `flags` says UTF-8 (APPNOTE 4.4.4, appendix D). */
  rawName: Buffer;
  /** General purpose bit flags (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8 names). */
  flags: number;
  /** Compression method: 0 stored, 8 deflated, others are not read by this app. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header as the directory states it; add the directory's `shift` to find it. */
  localOffset: number;
  /** The extra field (APPNOTE 4.5), e.g. the Info-ZIP Unicode Path field 0x7075. */
  extra: Buffer;
}

/** Why a directory cannot be read (each with `said`, what is wrong and where, in the catalogue). */
export type ZipDirectoryProblem =
  /** No end of central directory record in the last 64 KB + 22 bytes: cut off, or not a ZIP. */
  | { problem: 'no_end_record'; said: LocalMessage }
  /** A ZIP64 count, size or offset (in the end record, or in the entry named by `entry`). */
  | { problem: 'zip64'; said: LocalMessage; entry?: string }
  /** More entries than the caller's `maxEntries`. */
  | { problem: 'too_many_entries'; said: LocalMessage; count: number; max: number }
  /** The end record places the directory before the start of the file. */
  | { problem: 'outside_file'; said: LocalMessage }
  /** Header `index` (1-based) of the `count` the end record declares is missing or runs past the directory. */
  | { problem: 'entry_missing'; said: LocalMessage; index: number; count: number };

export type ZipDirectory =
  | { ok: true; entries: ZipDirectoryEntry[]; shift: number }
  | ({ ok: false } & ZipDirectoryProblem);

/** Where an entry's (compressed) data lies in the file, or why it cannot be found. */
export type ZipEntryData =
  | { ok: true; start: number; end: number }
  | { ok: false; problem: 'local_header_missing' | 'cut_off'; said: LocalMessage };

export interface ZipDirectoryOptions {
  /** Most entries read; more is `too_many_entries` before any header is read. Default: no limit (65,534). */
  maxEntries: number;
}

export const defaultZipDirectoryOptions: ZipDirectoryOptions = { maxEntries: 0xfffe };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const END_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Offset of the last end of central directory record (it may be followed by a comment of up to 64 KB), or -1. */
function findEndRecord(b: Buffer): number {
  for (let i = b.length - END_BYTES; i >= Math.max(0, b.length - END_BYTES - MAX16); i--) {
    if (b.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/**
 * Reads the central directory of a ZIP archive. Pure; never throws for bad input.
 * @param bytes the whole archive
 * @param options `maxEntries` (default 65,534: no limit below ZIP64)
 * @returns the entries in directory order and the `shift` of prepended bytes, or the problem
 */
export function readZipDirectory(bytes: Uint8Array, options: Partial<ZipDirectoryOptions> = {}): ZipDirectory {
  const { maxEntries } = { ...defaultZipDirectoryOptions, ...options };
  const b = asBuffer(bytes);
  const end = b.length >= END_BYTES ? findEndRecord(b) : -1;
  if (end < 0) {
    return { ok: false, problem: 'no_end_record', said: { key: b.length < END_BYTES ? 'zip.dir.short' : 'zip.dir.noEndRecord' } };
  }
  const count = b.readUInt16LE(end + 10);
  const size = b.readUInt32LE(end + 12);
  const offset = b.readUInt32LE(end + 16);
  if (count === MAX16 || size === MAX32 || offset === MAX32) return { ok: false, problem: 'zip64', said: { key: 'zip.dir.zip64' } };
  if (count > maxEntries) return { ok: false, problem: 'too_many_entries', said: { key: 'zip.dir.tooMany', params: { count, max: maxEntries } }, count, max: maxEntries };
  const shift = end - (offset + size);
  if (shift < 0) return { ok: false, problem: 'outside_file', said: { key: 'zip.dir.outside' } };
  const entries: ZipDirectoryEntry[] = [];
  let p = offset + shift;
  for (let k = 0; k < count; k++) {
    if (p + CENTRAL_BYTES > end || b.readUInt32LE(p) !== CENTRAL) {
      return { ok: false, problem: 'entry_missing', said: { key: 'zip.dir.entryMissing', params: { index: k + 1, count } }, index: k + 1, count };
    }
    const entry = readEntry(b, p, end);
    if (entry.compressedSize === MAX32 || entry.uncompressedSize === MAX32 || entry.localOffset === MAX32) {
      return { ok: false, problem: 'zip64', said: { key: 'zip.dir.zip64Entry', params: { name: entry.name } }, entry: entry.name };
    }
    entries.push(entry);
    p += CENTRAL_BYTES + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return { ok: true, entries, shift };
}

/** The central directory header at `p` (its variable parts cut at the end record `end`). */
function readEntry(b: Buffer, p: number, end: number): ZipDirectoryEntry {
  const nameStart = p + CENTRAL_BYTES;
  const nameEnd = Math.min(end, nameStart + b.readUInt16LE(p + 28));
  const extraEnd = Math.min(end, nameEnd + b.readUInt16LE(p + 30));
  const rawName = b.subarray(nameStart, nameEnd);
  return {
    name: rawName.toString('utf8'), rawName, flags: b.readUInt16LE(p + 8), method: b.readUInt16LE(p + 10),
    compressedSize: b.readUInt32LE(p + 20), uncompressedSize: b.readUInt32LE(p + 24), localOffset: b.readUInt32LE(p + 42),
    extra: b.subarray(nameEnd, extraEnd),
  };
}

/**
 * Finds an entry's compressed data through its local header (whose name and extra field may differ in length
 * from the directory's). Pure; never throws for bad input.
 * @param shift the directory's `shift`
 */
export function zipEntryData(bytes: Uint8Array, entry: ZipDirectoryEntry, shift: number): ZipEntryData {
  const b = asBuffer(bytes);
  const at = entry.localOffset + shift;
  if (at + LOCAL_BYTES > b.length || b.readUInt32LE(at) !== LOCAL) return { ok: false, problem: 'local_header_missing', said: { key: 'zip.dir.localMissing', params: { name: entry.name } } };
  const start = at + LOCAL_BYTES + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  if (stop > b.length) return { ok: false, problem: 'cut_off', said: { key: 'zip.dir.cutOff', params: { name: entry.name } } };
  return { ok: true, start, end: stop };
}

/**
 * Why an entry's name could not be used as a relative path inside one folder (the "zip slip" names, as
 * APPNOTE 4.4.17.1 forbids them: "MUST NOT contain a drive or device letter, or a leading slash. All slashes MUST be
 * forward slashes"), or a name that repeats another entry's. The directory reader only reports names; each caller
 * decides whether such a name refuses the archive.
 */
export type ZipNameProblem = 'absolute' | 'dot_segment' | 'backslash' | 'control' | 'duplicate';

/** What each name problem says (the catalogue's `zip.name.*`, a phrase after the entry's name). */
export const ZIP_NAME_PROBLEM_TEXT: Readonly<Record<ZipNameProblem, MessageKey>> = {
  absolute: 'zip.name.absolute', dot_segment: 'zip.name.dot_segment', backslash: 'zip.name.backslash', control: 'zip.name.control', duplicate: 'zip.name.duplicate',
};

// C0 and C1 controls (NUL included), DEL, and the bidirectional overrides that can make a name read as another.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The problem of one entry name by itself (not `duplicate`), or null when it is a plain relative path. */
export function zipNameProblem(name: string): Exclude<ZipNameProblem, 'duplicate'> | null {
  if (CONTROL.test(name)) return 'control';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute';
  if (name.includes('\\')) return 'backslash';
  if (name.split('/').some((segment) => segment === '..')) return 'dot_segment';
  return null;
}

/** The first name that repeats an earlier one (compared in Unicode NFC, so two spellings of «ø» are one name), or null. */
export function firstDuplicateZipName(names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.normalize('NFC');
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return null;
}

/** The first name with a problem by itself, else the first that repeats another (`firstDuplicateZipName`), or null. */
export function firstUnsafeZipName(names: readonly string[]): { name: string; problem: ZipNameProblem } | null {
  for (const name of names) {
    const problem = zipNameProblem(name);
    if (problem) return { name, problem };
  }
  const duplicate = firstDuplicateZipName(names);
  return duplicate === null ? null : { name: duplicate, problem: 'duplicate' };
}

/**
 * A name as it may be shown in a message: control and bidirectional characters written as `\u{…}`, cut to `max`
 * characters with «…». HTML escaping is still the view's work.
 */
export function printableZipName(name: string, max = 120): string {
  const shown = [...name].map((ch) => (CONTROL.test(ch) ? `\\u{${ch.codePointAt(0)!.toString(16)}}` : ch));
  return shown.length > max ? `${shown.slice(0, max).join('')}…` : shown.join('');
}
