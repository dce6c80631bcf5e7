import type { Db } from './connection';
import { stmt } from './statements';

/**
 * A cheap fingerprint of the municipalities' answers: it changes whenever an answer or its
 * premises is imported, corrected or removed (every such change bumps a version or writes history).
 * Used as a cache key for the planning context and stored with scenarios.
 */
export function answersRevision(db: Db): string {
  const r = stmt(db, `SELECT count(*) AS n, coalesce(sum(version), 0) AS v, coalesce(max(changed_at), '') AS t,
              (SELECT count(*) FROM response_history) AS h FROM responses`,
    )
    .get() as { n: number; v: number; t: string; h: number };
  return `${r.n}.${r.v}.${r.h}.${r.t}`;
}
