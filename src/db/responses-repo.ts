/**
 * Stored answers to the five questions: reading (plain objects), writing with an append-only
 * history of every replaced version, the import log, and the read model the engine uses.
 * Writers do not open transactions of their own beyond what they need; callers that write many rows
 * wrap them in one `db.transaction`.
 */
import type { LocalMessage } from '../common/errors';
import type { MessageKey } from '../common/i18n';
import type { Kommunenummer } from '../common/kommunenummer';
import type { Db } from './connection';
import { canonicalContent, channels, type Premises, type ResponseContent, type Satisfied, type Wants, type Area, type Trend } from '../model/answers';
import { recordAudit } from './audit-repo';
import { stmt } from './statements';


/** Why a version was replaced. */
export type HistoryReason = 'import' | 'correction' | 'sample-load' | 'replace';

/** What the change log says of a new version, by why it was written. */
const HISTORY_REASON_NOTE: Readonly<Record<HistoryReason, MessageKey>> = {
  import: 'audit.note.reason.import', correction: 'audit.note.reason.correction', 'sample-load': 'audit.note.reason.sample-load', replace: 'audit.note.reason.replace',
};

/** Who wrote a version, when, and from where. */
export interface ResponseMeta {
  /** File name, `entered by hand`, or `sample`. */
  source: string;
  isSample: boolean;
  importId: number | null;
  changedBy: string;
  /** ISO 8601 timestamp supplied by the shell. */
  changedAt: string;
}

/** A stored answer: content plus bookkeeping. `sample` is true for illustrative sample data. */
export interface StoredResponse extends ResponseContent {
  version: number;
  source: string;
  sample: boolean;
  importId: number | null;
  changedBy: string;
  changedAt: string;
}

export interface HistoryEntry {
  id: number;
  kommunenummer: string;
  version: number;
  snapshot: StoredResponse;
  replacedBy: string;
  replacedAt: string;
  reason: HistoryReason;
  /** What the application says about the change (a letter's coding), said in the reader's language; null on older rows. */
  said: LocalMessage | null;
  /** The user's own words (a correction's reason, a coder's note); on older rows also what the application wrote. */
  note: string;
  importId: number | null;
}

export interface ImportLogEntry {
  kind: 'file' | 'sample';
  source: string;
  format: string;
  fileSha256: string;
  fileBytes: number;
  importedBy: string;
  importedAt: string;
  rowsTotal: number;
  rowsNew: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  samplesReplaced: number;
  warnings: number;
}

interface ResponseRow {
  kommunenummer: Kommunenummer;
  version: number;
  received_date: string | null;
  q1_challenges: string;
  q1_areas: string;
  q2_satisfied: Satisfied;
  q2_reasons: string;
  q3_cooperation: string;
  q3_resources: string;
  q4_station: Trend;
  q4_presence: Trend;
  q4_attendance: Trend;
  q4_telephone: Trend;
  q4_internet: Trend;
  q4_comment: string;
  q5_wants_station: Wants;
  source: string;
  is_sample: number;
  import_id: number | null;
  changed_by: string;
  changed_at: string;
}

interface PremisesRow {
  kommunenummer: string;
  position: number;
  address: string;
  lon: number | null;
  lat: number | null;
  co_located_with: string;
  floor_area_m2: number | null;
  available_from: string | null;
  yearly_cost_nok: number | null;
  notes: string;
}

function toPremises(r: PremisesRow): Premises {
  return {
    address: r.address,
    lon: r.lon,
    lat: r.lat,
    coLocatedWith: r.co_located_with,
    floorAreaM2: r.floor_area_m2,
    availableFrom: r.available_from,
    yearlyCostNok: r.yearly_cost_nok,
    notes: r.notes,
  };
}

function toStored(r: ResponseRow, premises: Premises[]): StoredResponse {
  const content = canonicalContent({
    kommunenummer: r.kommunenummer,
    receivedDate: r.received_date,
    q1: { challenges: r.q1_challenges, areas: r.q1_areas === '' ? [] : (r.q1_areas.split(',') as Area[]) },
    q2: { satisfied: r.q2_satisfied, reasons: r.q2_reasons },
    q3: { cooperation: r.q3_cooperation, resources: r.q3_resources },
    q4: {
      station: r.q4_station,
      presence: r.q4_presence,
      attendance: r.q4_attendance,
      telephone: r.q4_telephone,
      internet: r.q4_internet,
      comment: r.q4_comment,
    },
    q5: { wantsStation: r.q5_wants_station, premises },
  });
  return {
    ...content,
    version: r.version,
    source: r.source,
    sample: r.is_sample === 1,
    importId: r.import_id,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  };
}

/** Strips bookkeeping from a stored answer. */
export function contentOf(s: StoredResponse): ResponseContent {
  return canonicalContent(s);
}

function premisesByKommune(db: Db, knr?: string): Map<string, Premises[]> {
  const rows = (
    knr
      ? stmt(db, 'SELECT * FROM response_premises WHERE kommunenummer = ? ORDER BY position').all(knr)
      : stmt(db, 'SELECT * FROM response_premises ORDER BY kommunenummer, position').all()
  ) as PremisesRow[];
  const out = new Map<string, Premises[]>();
  for (const r of rows) {
    const list = out.get(r.kommunenummer) ?? [];
    list.push(toPremises(r));
    out.set(r.kommunenummer, list);
  }
  return out;
}

/** The current answer of one municipality, or null when it has none. */
export function getResponse(db: Db, kommunenummer: string): StoredResponse | null {
  const row = stmt(db, 'SELECT * FROM responses WHERE kommunenummer = ?').get(kommunenummer) as ResponseRow | undefined;
  if (!row) return null;
  return toStored(row, premisesByKommune(db, kommunenummer).get(kommunenummer) ?? []);
}

/** All current answers ordered by kommunenummer. */
export function listResponses(db: Db): StoredResponse[] {
  const rows = stmt(db, 'SELECT * FROM responses ORDER BY kommunenummer').all() as ResponseRow[];
  const premises = premisesByKommune(db);
  return rows.map((r) => toStored(r, premises.get(r.kommunenummer) ?? []));
}

/** Every replaced version of one municipality's answer, oldest first. */
export function responseHistory(db: Db, kommunenummer: string): HistoryEntry[] {
  const rows = stmt(db, 'SELECT * FROM response_history WHERE kommunenummer = ? ORDER BY id').all(kommunenummer) as {
    id: number; kommunenummer: string; version: number; snapshot_json: string; replaced_by: string; replaced_at: string;
    reason: HistoryReason; note: string; note_said: string | null; import_id: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kommunenummer: r.kommunenummer,
    version: r.version,
    snapshot: JSON.parse(r.snapshot_json) as StoredResponse,
    replacedBy: r.replaced_by,
    replacedAt: r.replaced_at,
    reason: r.reason,
    said: r.note_said ? (JSON.parse(r.note_said) as LocalMessage) : null,
    note: r.note,
    importId: r.import_id,
  }));
}

function archive(db: Db, old: StoredResponse, by: string, at: string, reason: HistoryReason, note: string, importId: number | null, said: LocalMessage | null = null): void {
  stmt(
    db,
    `INSERT INTO response_history (kommunenummer, version, snapshot_json, replaced_by, replaced_at, reason, note, import_id, note_said)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(old.kommunenummer, old.version, JSON.stringify(old), by, at, reason, note, importId, said ? JSON.stringify(said) : null);
}

function writeRow(db: Db, c: ResponseContent, meta: ResponseMeta, version: number): void {
  const q4 = Object.fromEntries(channels.map((ch) => [`q4_${ch}`, c.q4[ch]]));
  stmt(
    db,
    `INSERT INTO responses (kommunenummer, version, received_date, q1_challenges, q1_areas, q2_satisfied, q2_reasons, q3_cooperation,
       q3_resources, q4_station, q4_presence, q4_attendance, q4_telephone, q4_internet, q4_comment, q5_wants_station, source, is_sample,
       import_id, changed_by, changed_at)
     VALUES (@kommunenummer, @version, @received_date, @q1_challenges, @q1_areas, @q2_satisfied, @q2_reasons, @q3_cooperation,
       @q3_resources, @q4_station, @q4_presence, @q4_attendance, @q4_telephone, @q4_internet, @q4_comment, @q5_wants_station, @source,
       @is_sample, @import_id, @changed_by, @changed_at)`,
  ).run({
    kommunenummer: c.kommunenummer,
    version,
    received_date: c.receivedDate,
    q1_challenges: c.q1.challenges,
    q1_areas: c.q1.areas.join(','),
    q2_satisfied: c.q2.satisfied,
    q2_reasons: c.q2.reasons,
    q3_cooperation: c.q3.cooperation,
    q3_resources: c.q3.resources,
    ...q4,
    q4_comment: c.q4.comment,
    q5_wants_station: c.q5.wantsStation,
    source: meta.source,
    is_sample: meta.isSample ? 1 : 0,
    import_id: meta.importId,
    changed_by: meta.changedBy,
    changed_at: meta.changedAt,
  });
  const insertPremises = stmt(
    db,
    `INSERT INTO response_premises (kommunenummer, position, address, lon, lat, co_located_with, floor_area_m2, available_from, yearly_cost_nok, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  c.q5.premises.forEach((p, i) =>
    insertPremises.run(c.kommunenummer, i + 1, p.address, p.lon, p.lat, p.coLocatedWith, p.floorAreaM2, p.availableFrom, p.yearlyCostNok, p.notes),
  );
}

/**
 * Saves an answer. When the municipality already has one, the old version goes to history first
 * (with `reason`, who and when from `meta`) and the new one gets the next version number.
 * @returns the new version number
 */
export function saveResponse(db: Db, content: ResponseContent, meta: ResponseMeta, reason: HistoryReason, note = '', said: LocalMessage | null = null): number {
  return db.transaction(() => {
    const old = getResponse(db, content.kommunenummer);
    if (old) {
      archive(db, old, meta.changedBy, meta.changedAt, reason, note, meta.importId, said);
      stmt(db, 'DELETE FROM responses WHERE kommunenummer = ?').run(content.kommunenummer);
    }
    const last = stmt(db, 'SELECT max(version) AS v FROM response_history WHERE kommunenummer = ?')
      .get(content.kommunenummer) as { v: number | null };
    const version = Math.max(old?.version ?? 0, last.v ?? 0) + 1;
    writeRow(db, content, meta, version);
    const after = getResponse(db, content.kommunenummer);
    const action = old ? (reason === 'correction' ? 'correct' : 'update') : 'create';
    recordAudit(db, { at: meta.changedAt, actor: meta.changedBy, action, entity: 'response', entityId: content.kommunenummer, before: old, after, said: said ?? { key: HISTORY_REASON_NOTE[reason] }, note });
    const premisesBefore = JSON.stringify(old?.q5.premises ?? []);
    const premisesAfter = JSON.stringify(after?.q5.premises ?? []);
    if (premisesBefore !== premisesAfter) {
      recordAudit(db, { at: meta.changedAt, actor: meta.changedBy, action, entity: 'premises', entityId: content.kommunenummer, before: old?.q5.premises ?? [], after: after?.q5.premises ?? [], said: { key: HISTORY_REASON_NOTE[reason] } });
    }
    return version;
  })();
}

/**
 * Moves every sample answer to history (reason `replace`) and removes it from the current answers.
 * @returns how many were removed
 */
export function removeSampleResponses(db: Db, by: string, at: string, importId: number | null): number {
  return db.transaction(() => {
    const samples = listResponses(db).filter((r) => r.sample);
    for (const s of samples) {
      archive(db, s, by, at, 'replace', '', importId);
      recordAudit(db, { at, actor: by, action: 'delete', entity: 'response', entityId: s.kommunenummer, before: s, said: { key: 'audit.note.sampleAnswersReplaced' } });
    }
    stmt(db, 'DELETE FROM responses WHERE is_sample = 1').run();
    return samples.length;
  })();
}

/** Appends an applied import to the log. @returns its id */
export function insertImport(db: Db, e: ImportLogEntry): number {
  const info = stmt(
    db,
    `INSERT INTO imports (kind, source, format, file_sha256, file_bytes, imported_by, imported_at, rows_total, rows_new, rows_updated,
       rows_unchanged, samples_replaced, warnings)
     VALUES (@kind, @source, @format, @fileSha256, @fileBytes, @importedBy, @importedAt, @rowsTotal, @rowsNew, @rowsUpdated,
       @rowsUnchanged, @samplesReplaced, @warnings)`,
  ).run(e);
  return Number(info.lastInsertRowid);
}

/** Fills in the counts of an import once they are known (same transaction as the import). */
export function updateImportCounts(db: Db, id: number, counts: Pick<ImportLogEntry, 'rowsNew' | 'rowsUpdated' | 'rowsUnchanged' | 'samplesReplaced'>): void {
  stmt(
    db,
    'UPDATE imports SET rows_new = @rowsNew, rows_updated = @rowsUpdated, rows_unchanged = @rowsUnchanged, samples_replaced = @samplesReplaced WHERE id = @id',
  ).run({ ...counts, id });
}

/** The applied imports, newest first. */
export function listImports(db: Db, limit = 20): (ImportLogEntry & { id: number })[] {
  return stmt(
    db,
    `SELECT id, kind, source, format, file_sha256 AS fileSha256, file_bytes AS fileBytes, imported_by AS importedBy, imported_at AS importedAt,
       rows_total AS rowsTotal, rows_new AS rowsNew, rows_updated AS rowsUpdated, rows_unchanged AS rowsUnchanged,
       samples_replaced AS samplesReplaced, warnings FROM imports ORDER BY id DESC LIMIT ?`,
  ).all(limit) as (ImportLogEntry & { id: number })[];
}

// ---------------------------------------------------------------- read model for the engine

/** Whether answers are loaded, whether they are sample data, and how many there are. */
export function answersStatus(db: Db): { loaded: boolean; sample: boolean; count: number } {
  const row = stmt(db, 'SELECT count(*) AS n, coalesce(sum(is_sample), 0) AS s FROM responses').get() as { n: number; s: number };
  return { loaded: row.n > 0, sample: row.s > 0, count: row.n };
}

/** What the engine's `wish`, `premises` and `dissatisfied` criteria read per municipality. */
export interface EngineAnswer {
  wantsStation: Wants;
  /** `co_located`: at least one offered premises is co-located with other municipal services. */
  premises: 'none' | 'offered' | 'co_located';
  satisfied: Satisfied;
  /** The first offered premises with coordinates, or null. */
  site: { lon: number; lat: number } | null;
}

/** The engine's view of the answers, keyed by kommunenummer (municipalities without an answer are absent). */
export function engineAnswers(db: Db): Map<string, EngineAnswer> {
  const out = new Map<string, EngineAnswer>();
  for (const r of listResponses(db)) {
    const list = r.q5.premises;
    const withSite = list.find((p) => p.lon !== null && p.lat !== null);
    out.set(r.kommunenummer, {
      wantsStation: r.q5.wantsStation,
      premises: list.length === 0 ? 'none' : list.some((p) => p.coLocatedWith.trim() !== '') ? 'co_located' : 'offered',
      satisfied: r.q2.satisfied,
      site: withSite ? { lon: withSite.lon as number, lat: withSite.lat as number } : null,
    });
  }
  return out;
}
