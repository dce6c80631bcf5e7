import type { LocalMessage } from '../common/errors';
import type { Db } from './connection';
import { stmt } from './statements';

/** The kinds of thing whose every change is recorded. */
export type AuditEntity = 'response' | 'premises' | 'scenario' | 'shortlist' | 'assessment' | 'user' | 'token' | 'session' | 'letter' | 'travel_matrix';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: AuditEntity;
  entityId: string;
  before: unknown;
  after: unknown;
  /** What the application says about the change, in the reader's language when shown (null on rows from before migration 9). */
  said: AuditSaid | null;
  /** The user's own words (a correction's reason, a coder's note); on older rows, the application's note in English. */
  note: string;
}

/** A catalogue message about a change, stored as JSON and said in the reader's language (`sayLocal`). */
export type AuditSaid = LocalMessage;

export interface AuditInput {
  at: string;
  actor: string;
  action: string;
  entity: AuditEntity;
  entityId: string;
  before?: unknown;
  after?: unknown;
  said?: AuditSaid;
  note?: string;
}

/**
 * Appends one entry to the audit log (who, when, what, before and after). Call it inside the same
 * transaction as the change, so a change and its record land together or not at all.
 */
export function recordAudit(db: Db, e: AuditInput): void {
  stmt(db, `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, note, note_said)
     VALUES (@at, @actor, @action, @entity, @entityId, @before, @after, @note, @said)`,
  ).run({
    at: e.at, actor: e.actor, action: e.action, entity: e.entity, entityId: e.entityId,
    before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
    after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    note: e.note ?? '',
    said: e.said ? JSON.stringify(e.said) : null,
  });
}

export interface AuditFilter {
  entity?: string;
  actor?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Audit entries, newest first, filtered. */
export function listAudit(db: Db, f: AuditFilter = {}): { total: number; entries: AuditEntry[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.entity) { where.push('entity = @entity'); params.entity = f.entity; }
  if (f.actor) { where.push('actor = @actor'); params.actor = f.actor; }
  if (f.entityId) { where.push('entity_id = @entityId'); params.entityId = f.entityId; }
  if (f.from) { where.push('at >= @from'); params.from = f.from; }
  if (f.to) { where.push('at <= @to'); params.to = f.to; }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit ?? 200, offset: f.offset ?? 0 }) as {
    id: number; at: string; actor: string; action: string; entity: AuditEntity; entity_id: string; before_json: string | null; after_json: string | null; note: string; note_said: string | null;
  }[];
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id,
      before: r.before_json ? JSON.parse(r.before_json) : null, after: r.after_json ? JSON.parse(r.after_json) : null,
      said: r.note_said ? (JSON.parse(r.note_said) as AuditSaid) : null, note: r.note,
    })),
  };
}
