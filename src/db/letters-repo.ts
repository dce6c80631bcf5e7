/**
 * Stored letters: original files (by SHA-256), letters with text and analysis, the FTS5 index, codings and the
 * provenance of coded answers. Plain objects out; callers that write several rows wrap them in one transaction.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import type { LetterAnalysis, LetterFormat, SenderMatch } from '../model/letters';

const cache = new WeakMap<Db, Map<string, Statement>>();
function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

export type SenderStatus = SenderMatch['status'] | 'confirmed';
export type CodingStatus = 'uncoded' | 'coded' | 'double';

/** What a letter list shows. */
export interface LetterSummary {
  id: number;
  fileName: string;
  format: LetterFormat;
  sample: boolean;
  kommunenummer: string | null;
  name: string | null;
  county: string | null;
  countyNumber: string | null;
  policeDistrict: string | null;
  policeDistrictNumber: string | null;
  senderStatus: SenderStatus;
  senderConfidence: number;
  codingStatus: CodingStatus;
  coders: string[];
  receivedAt: string;
}

export interface StoredLetter extends LetterSummary {
  sha256: string;
  bytes: number;
  pages: number | null;
  encoding: string | null;
  text: string;
  analysis: Omit<LetterAnalysis, 'text'>;
  receivedBy: string;
  senderSetBy: string | null;
  batchId: number;
}

export interface NewLetter {
  batchId: number;
  fileName: string;
  sha256: string;
  bytes: Buffer;
  format: LetterFormat;
  pages: number | null;
  encoding: string | null;
  text: string;
  stems: string;
  sample: boolean;
  analysis: Omit<LetterAnalysis, 'text'>;
  receivedAt: string;
  receivedBy: string;
}

/** One saved coding (the values a planner confirmed and the sentences behind them). */
export interface CodingRow {
  id: number;
  letterId: number;
  coder: string;
  role: 'primary' | 'second';
  kommunenummer: string;
  coding: unknown;
  responseVersion: number | null;
  codedAt: string;
}

export function insertBatch(db: Db, b: { kind: 'upload' | 'sample'; channel: 'web' | 'api' | 'cli' | 'sample'; files: number; by: string; at: string }): number {
  return Number(stmt(db, 'INSERT INTO letter_batches (kind, channel, files, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)').run(b.kind, b.channel, b.files, b.by, b.at).lastInsertRowid);
}

/** Stores a letter, its original file (once per hash) and its full-text entry. @returns the letter id */
export function insertLetter(db: Db, l: NewLetter): number {
  stmt(db, 'INSERT OR IGNORE INTO letter_files (sha256, bytes, size) VALUES (?, ?, ?)').run(l.sha256, l.bytes, l.bytes.length);
  const sender = l.analysis.sender;
  const id = Number(
    stmt(
      db,
      `INSERT INTO letters (batch_id, file_name, file_sha256, format, pages, encoding, text, is_sample, kommunenummer, sender_status,
         sender_confidence, analysis_json, received_at, received_by)
       VALUES (@batchId, @fileName, @sha256, @format, @pages, @encoding, @text, @sample, @knr, @status, @confidence, @analysis, @receivedAt, @receivedBy)`,
    ).run({
      batchId: l.batchId, fileName: l.fileName, sha256: l.sha256, format: l.format, pages: l.pages, encoding: l.encoding, text: l.text,
      sample: l.sample ? 1 : 0, knr: sender.kommunenummer, status: sender.status, confidence: sender.confidence,
      analysis: JSON.stringify(l.analysis), receivedAt: l.receivedAt, receivedBy: l.receivedBy,
    }).lastInsertRowid,
  );
  stmt(db, 'INSERT INTO letters_fts (rowid, text, stems) VALUES (?, ?, ?)').run(id, l.text, l.stems);
  return id;
}

/** The letter already stored with this file hash, or null. */
export function letterByHash(db: Db, sha256: string): { id: number; fileName: string; sample: boolean } | null {
  const r = stmt(db, 'SELECT id, file_name, is_sample FROM letters WHERE file_sha256 = ?').get(sha256) as { id: number; file_name: string; is_sample: number } | undefined;
  return r ? { id: r.id, fileName: r.file_name, sample: r.is_sample === 1 } : null;
}

const summarySelect = `
  SELECT l.id, l.file_name, l.format, l.is_sample, l.kommunenummer, m.name, m.county_name, m.county_number, m.police_district,
         m.police_district_number, l.sender_status, l.sender_confidence, l.received_at,
         (SELECT group_concat(DISTINCT c.coder) FROM letter_codings c WHERE c.letter_id = l.id) AS coders,
         (SELECT count(*) FROM letter_codings c WHERE c.letter_id = l.id AND c.role = 'primary') AS primaries
  FROM letters l LEFT JOIN municipalities m ON m.kommunenummer = l.kommunenummer`;

interface SummaryRow {
  id: number; file_name: string; format: LetterFormat; is_sample: number; kommunenummer: string | null; name: string | null;
  county_name: string | null; county_number: string | null; police_district: string | null; police_district_number: string | null;
  sender_status: SenderStatus; sender_confidence: number; received_at: string; coders: string | null; primaries: number;
}

function toSummary(r: SummaryRow): LetterSummary {
  const coders = r.coders ? r.coders.split(',') : [];
  return {
    id: r.id, fileName: r.file_name, format: r.format, sample: r.is_sample === 1, kommunenummer: r.kommunenummer, name: r.name,
    county: r.county_name, countyNumber: r.county_number, policeDistrict: r.police_district, policeDistrictNumber: r.police_district_number,
    senderStatus: r.sender_status, senderConfidence: r.sender_confidence, receivedAt: r.received_at, coders,
    codingStatus: coders.length >= 2 ? 'double' : r.primaries > 0 || coders.length > 0 ? 'coded' : 'uncoded',
  };
}

/** All letters, newest first. */
export function listLetters(db: Db): LetterSummary[] {
  return (stmt(db, `${summarySelect} ORDER BY l.id DESC`).all() as SummaryRow[]).map(toSummary);
}

/** Summaries of the given letters (in the order of `ids`). */
export function lettersByIds(db: Db, ids: readonly number[]): LetterSummary[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${summarySelect} WHERE l.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.map((id) => byId.get(id)).filter((x): x is LetterSummary => !!x);
}

/** One letter with its text and analysis, or null. */
export function getLetter(db: Db, id: number): StoredLetter | null {
  const r = stmt(db, `${summarySelect} WHERE l.id = ?`).get(id) as SummaryRow | undefined;
  if (!r) return null;
  const extra = stmt(db, 'SELECT l.file_sha256, f.size, l.pages, l.encoding, l.text, l.analysis_json, l.received_by, l.sender_set_by, l.batch_id FROM letters l JOIN letter_files f ON f.sha256 = l.file_sha256 WHERE l.id = ?').get(id) as {
    file_sha256: string; size: number; pages: number | null; encoding: string | null; text: string; analysis_json: string; received_by: string; sender_set_by: string | null; batch_id: number;
  };
  return {
    ...toSummary(r), sha256: extra.file_sha256, bytes: extra.size, pages: extra.pages, encoding: extra.encoding, text: extra.text,
    analysis: JSON.parse(extra.analysis_json), receivedBy: extra.received_by, senderSetBy: extra.sender_set_by, batchId: extra.batch_id,
  };
}

/** The original file of a letter. */
export function letterFile(db: Db, id: number): { fileName: string; format: LetterFormat; bytes: Buffer; sha256: string } | null {
  const r = stmt(db, 'SELECT l.file_name, l.format, l.file_sha256, f.bytes FROM letters l JOIN letter_files f ON f.sha256 = l.file_sha256 WHERE l.id = ?').get(id) as
    | { file_name: string; format: LetterFormat; file_sha256: string; bytes: Buffer } | undefined;
  return r ? { fileName: r.file_name, format: r.format, bytes: r.bytes, sha256: r.file_sha256 } : null;
}

/** Sets (or clears) the sender a planner chose. */
export function setLetterSender(db: Db, id: number, kommunenummer: string | null, by: string): void {
  stmt(db, "UPDATE letters SET kommunenummer = ?, sender_status = ?, sender_set_by = ? WHERE id = ?").run(kommunenummer, kommunenummer ? 'confirmed' : 'unmatched', by, id);
}

/** Full-text matches (FTS5 MATCH, best bm25 first). */
export function ftsMatch(db: Db, query: string, limit = 500): { id: number; rank: number }[] {
  return stmt(db, 'SELECT rowid AS id, bm25(letters_fts, 1.0, 0.6) AS rank FROM letters_fts WHERE letters_fts MATCH ? ORDER BY rank LIMIT ?').all(query, limit) as { id: number; rank: number }[];
}

/** The text of the given letters (for snippets). */
export function letterTexts(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare(`SELECT id, text FROM letters WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { id: number; text: string }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

export function insertCoding(db: Db, c: Omit<CodingRow, 'id'>): number {
  return Number(stmt(db, 'INSERT INTO letter_codings (letter_id, coder, role, kommunenummer, coding_json, response_version, coded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(c.letterId, c.coder, c.role, c.kommunenummer, JSON.stringify(c.coding), c.responseVersion, c.codedAt).lastInsertRowid);
}

interface CodingDbRow { id: number; letter_id: number; coder: string; role: 'primary' | 'second'; kommunenummer: string; coding_json: string; response_version: number | null; coded_at: string }
const toCoding = (r: CodingDbRow): CodingRow => ({
  id: r.id, letterId: r.letter_id, coder: r.coder, role: r.role, kommunenummer: r.kommunenummer, coding: JSON.parse(r.coding_json), responseVersion: r.response_version, codedAt: r.coded_at,
});

/** Every coding of a letter, oldest first. */
export function codingsOf(db: Db, letterId: number): CodingRow[] {
  return (stmt(db, 'SELECT * FROM letter_codings WHERE letter_id = ? ORDER BY id').all(letterId) as CodingDbRow[]).map(toCoding);
}

/** The latest coding of each coder on each letter. */
export function latestCodings(db: Db): CodingRow[] {
  return (stmt(db, 'SELECT * FROM letter_codings c WHERE id = (SELECT max(id) FROM letter_codings d WHERE d.letter_id = c.letter_id AND d.coder = c.coder) ORDER BY letter_id, id').all() as CodingDbRow[]).map(toCoding);
}

export interface ProvenanceRow {
  kommunenummer: string;
  responseVersion: number;
  letterId: number;
  letterSha256: string;
  codingId: number;
  field: string;
  value: unknown;
  sentence: string | null;
  sentenceStart: number | null;
  sentenceEnd: number | null;
  confirmedBy: string;
  confirmedAt: string;
}

export function insertProvenance(db: Db, rows: readonly ProvenanceRow[]): void {
  const s = stmt(db, `INSERT INTO response_provenance (kommunenummer, response_version, letter_id, letter_sha256, coding_id, field, value_json, sentence,
    sentence_start, sentence_end, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const r of rows) s.run(r.kommunenummer, r.responseVersion, r.letterId, r.letterSha256, r.codingId, r.field, JSON.stringify(r.value), r.sentence, r.sentenceStart, r.sentenceEnd, r.confirmedBy, r.confirmedAt);
}

/** Provenance of every coded answer version of a municipality, newest version first. */
export function provenanceOf(db: Db, kommunenummer: string): ProvenanceRow[] {
  const rows = stmt(db, 'SELECT * FROM response_provenance WHERE kommunenummer = ? ORDER BY response_version DESC, id').all(kommunenummer) as {
    kommunenummer: string; response_version: number; letter_id: number; letter_sha256: string; coding_id: number; field: string; value_json: string;
    sentence: string | null; sentence_start: number | null; sentence_end: number | null; confirmed_by: string; confirmed_at: string;
  }[];
  return rows.map((r) => ({
    kommunenummer: r.kommunenummer, responseVersion: r.response_version, letterId: r.letter_id, letterSha256: r.letter_sha256, codingId: r.coding_id,
    field: r.field, value: JSON.parse(r.value_json), sentence: r.sentence, sentenceStart: r.sentence_start, sentenceEnd: r.sentence_end,
    confirmedBy: r.confirmed_by, confirmedAt: r.confirmed_at,
  }));
}

/** How many letters there are and whether sample letters are among them. */
export function lettersStatus(db: Db): { count: number; samples: number } {
  const r = stmt(db, 'SELECT count(*) AS n, coalesce(sum(is_sample), 0) AS s FROM letters').get() as { n: number; s: number };
  return { count: r.n, samples: r.s };
}

/** Removes the sample letters, their codings, index entries and files. @returns their ids */
export function deleteSampleLetters(db: Db): number[] {
  const ids = (stmt(db, 'SELECT id FROM letters WHERE is_sample = 1').all() as { id: number }[]).map((r) => r.id);
  for (const id of ids) stmt(db, 'DELETE FROM letters_fts WHERE rowid = ?').run(id);
  stmt(db, 'DELETE FROM letters WHERE is_sample = 1').run();
  stmt(db, 'DELETE FROM letter_files WHERE sha256 NOT IN (SELECT file_sha256 FROM letters)').run();
  return ids;
}
