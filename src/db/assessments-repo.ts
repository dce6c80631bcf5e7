/**
 * Police district assessments of shortlist candidates: append-only (every recorded assessment is a
 * row, never updated), so the history of advice is kept. Reading returns plain objects.
 */
import type { Db } from './connection';
import { recordAudit } from './audit-repo';
import { stmt } from './statements';

/** The district's advice on a candidate. */
export type Advice = 'supports' | 'neutral' | 'advisesAgainst';
export const ADVICE_VALUES: readonly Advice[] = ['supports', 'neutral', 'advisesAgainst'];

/** One recorded assessment. */
export interface Assessment {
  id: number;
  /** The shortlist it was recorded against, or null (shortlist deleted, or recorded without one). */
  shortlistId: string | null;
  kommunenummer: string;
  policeDistrict: string;
  advice: Advice;
  reason: string;
  /** The signed-in user who recorded it (a district leader or an admin). */
  assessor: string;
  /** ISO 8601, from the shell. */
  assessedAt: string;
}

interface AssessmentRow {
  id: number; shortlist_id: string | null; kommunenummer: string; police_district: string; advice: Advice;
  reason: string; assessor: string; assessed_at: string;
}

function toAssessment(r: AssessmentRow): Assessment {
  return {
    id: r.id, shortlistId: r.shortlist_id, kommunenummer: r.kommunenummer, policeDistrict: r.police_district,
    advice: r.advice, reason: r.reason, assessor: r.assessor, assessedAt: r.assessed_at,
  };
}

export interface RecordAssessmentInput {
  shortlistId: string | null;
  kommunenummer: string;
  policeDistrict: string;
  advice: Advice;
  reason: string;
  /** Who records it: the signed-in user's name (also the audit entry's actor). */
  assessor: string;
  now: string;
}

/** Appends an assessment and returns it. */
export function recordAssessment(db: Db, input: RecordAssessmentInput): Assessment {
  return db.transaction(() => {
    const previous = listAssessments(db, { kommunenummer: input.kommunenummer }).at(-1) ?? null;
    const info = stmt(db, `INSERT INTO district_assessments (shortlist_id, kommunenummer, police_district, advice, reason, assessor, assessed_at)
       VALUES (@shortlistId, @kommunenummer, @policeDistrict, @advice, @reason, @assessor, @now)`,
    )
    .run({ ...input, reason: input.reason.trim(), assessor: input.assessor.trim() });
    const created = toAssessment(stmt(db, 'SELECT * FROM district_assessments WHERE id = ?').get(info.lastInsertRowid) as AssessmentRow);
    recordAudit(db, { at: input.now, actor: input.assessor.trim(), action: 'create', entity: 'assessment', entityId: input.kommunenummer, before: previous, after: created });
    return created;
  })();
}

export interface AssessmentFilter {
  shortlistId?: string;
  kommunenummer?: string;
  /** Police district name, as a district leader's account holds it. */
  policeDistrict?: string;
}

/** Every assessment, oldest first; optionally only those of one shortlist, municipality or police district. */
export function listAssessments(db: Db, filter: AssessmentFilter = {}): Assessment[] {
  const rows = stmt(db, `SELECT * FROM district_assessments
       WHERE (@shortlistId IS NULL OR shortlist_id = @shortlistId) AND (@kommunenummer IS NULL OR kommunenummer = @kommunenummer)
         AND (@policeDistrict IS NULL OR police_district = @policeDistrict)
       ORDER BY assessed_at, id`,
    )
    .all({ shortlistId: filter.shortlistId ?? null, kommunenummer: filter.kommunenummer ?? null, policeDistrict: filter.policeDistrict ?? null }) as AssessmentRow[];
  return rows.map(toAssessment);
}

/**
 * The latest assessment of each municipality (latest `assessed_at`, then highest id), over all
 * shortlists, keyed by kommunenummer. This is the rule by which several assessments combine.
 */
export function latestAssessments(db: Db): Map<string, Assessment> {
  const out = new Map<string, Assessment>();
  for (const a of listAssessments(db)) out.set(a.kommunenummer, a);
  return out;
}
