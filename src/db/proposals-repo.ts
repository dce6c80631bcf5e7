/**
 * Stored proposals and their robustness runs (migration 008). Plain objects in and out; the result JSON is the
 * `Proposal` / `ProposalRobustness` as computed (numbers unrounded), so a stored proposal read back equals the one
 * that was shown.
 */
import type { Db } from './connection';
import type { Proposal, ProposalRobustness } from '../model/proposal';
import { stmt } from './statements';

/**
 * Proposals kept per solver before the least recently used of that solver are pruned (a pruned one is solved again
 * when asked for). Counted per solver so that free greedy previews, which any signed-in account may store, never push
 * out the exact proposals that shortlists, robustness runs and exports name.
 */
export const MAX_STORED_PROPOSALS = 2000;

interface ProposalRow { id: string; result_json: string }

/** The stored proposal with this input key, or null (marks it as used). */
export function getProposalByKey(db: Db, key: string, now: string): Proposal | null {
  const row = db.prepare('SELECT id, result_json FROM proposals WHERE input_key = ?').get(key) as ProposalRow | undefined;
  if (!row) return null;
  db.prepare('UPDATE proposals SET used_at = ? WHERE id = ?').run(now, row.id);
  return JSON.parse(row.result_json) as Proposal;
}

/** A stored proposal by id, or null. */
export function getProposal(db: Db, id: string): Proposal | null {
  const row = db.prepare('SELECT id, result_json FROM proposals WHERE id = ?').get(id) as ProposalRow | undefined;
  return row ? (JSON.parse(row.result_json) as Proposal) : null;
}

/** The K of a stored proposal by id (read without parsing the whole record), or null. */
export function getProposalK(db: Db, id: string): number | null {
  const row = stmt(db, "SELECT json_extract(result_json, '$.params.k') AS k FROM proposals WHERE id = ?").get(id) as { k: unknown } | undefined;
  return typeof row?.k === 'number' ? row.k : null;
}

/**
 * Stores a proposal (its `id` and `key` set) unless one with the same key exists, prunes beyond the cap, and
 * returns the stored one (the first writer wins when two requests solved the same inputs at once).
 */
export function storeProposal(db: Db, p: Proposal & { id: string }, now: string, cap = MAX_STORED_PROPOSALS): Proposal {
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO proposals (id, input_key, params_json, solver, data_hash, answers_revision, assessments_revision, travel_model,
         view_district, status, objective_name, value, bound, gap, result_json, created_at, used_at)
       VALUES (@id, @key, @params, @solver, @dataHash, @answersRevision, @assessmentsRevision, @travelModel,
         @viewDistrict, @status, @objectiveName, @value, @bound, @gap, @result, @now, @now)
       ON CONFLICT(input_key) DO NOTHING`,
    ).run({
      id: p.id, key: p.key, params: JSON.stringify(p.params), solver: p.solver, dataHash: p.revision.dataHash,
      answersRevision: p.revision.answersRevision, assessmentsRevision: p.revision.assessmentsRevision, travelModel: p.travelModel.ref,
      viewDistrict: p.revision.viewDistrict, status: p.status, objectiveName: p.objectiveName, value: p.objective, bound: p.bound, gap: p.gap,
      result: JSON.stringify(p), now,
    });
    db.prepare(
      `DELETE FROM proposals WHERE id IN (SELECT id FROM proposals WHERE solver = ? ORDER BY used_at DESC, id LIMIT -1 OFFSET ?)`,
    ).run(p.solver, cap);
    return getProposalByKey(db, p.key, now)!;
  })();
}

/** The stored robustness run of a proposal with these settings, or null. */
export function getProposalRobustness(db: Db, proposalId: string, s: { samples: number; seed: number; mode: string }): ProposalRobustness | null {
  const row = db.prepare('SELECT result_json FROM proposal_robustness WHERE proposal_id = ? AND samples = ? AND seed = ? AND mode = ?')
    .get(proposalId, s.samples, s.seed, s.mode) as { result_json: string } | undefined;
  return row ? (JSON.parse(row.result_json) as ProposalRobustness) : null;
}

/** Stores a robustness run of a stored proposal (kept when one with the same settings exists). */
export function storeProposalRobustness(db: Db, r: ProposalRobustness, now: string): ProposalRobustness {
  // The proposal may have been pruned meanwhile: then the run is returned without being kept.
  if (!db.prepare('SELECT 1 FROM proposals WHERE id = ?').get(r.proposalId)) return r;
  db.prepare(
    `INSERT INTO proposal_robustness (proposal_id, samples, seed, mode, result_json, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(proposal_id, samples, seed, mode) DO NOTHING`,
  ).run(r.proposalId, r.samples, r.seed, r.mode, JSON.stringify(r), now);
  return getProposalRobustness(db, r.proposalId, r) ?? r;
}
