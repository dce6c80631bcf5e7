/**
 * Stored shortlists: the header (with the scenario it came from and the frozen snapshot) and the
 * ordered candidates with their site, rationale and status. Plain objects in and out.
 */
import crypto from 'node:crypto';
import type { Db } from './connection';
import { storedScenarioSchema, type ScenarioParams } from '../model/scenario';
import type {
  CandidateSite, CandidateStatus, ShortlistOrigin, ShortlistSnapshot, ShortlistSolver,
} from '../model/shortlist';
import { recordAudit } from './audit-repo';
import { stmt } from './statements';

/** A shortlist's header without its snapshot (for lists). */
export interface ShortlistSummary {
  id: string;
  name: string;
  description: string;
  origin: ShortlistOrigin;
  scenarioId: string | null;
  scenarioName: string;
  solver: ShortlistSolver;
  dataHash: string;
  dataVintage: string;
  answersRevision: string;
  answersSample: boolean;
  inputHash: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  candidateCount: number;
}

/** One candidate as the planner keeps it. */
export interface ShortlistCandidate {
  kommunenummer: string;
  name: string;
  policeDistrict: string;
  policeDistrictNumber: string;
  position: number;
  site: CandidateSite;
  rationale: string;
  status: CandidateStatus;
  updatedBy: string;
  updatedAt: string;
}

/** A full shortlist. */
export interface Shortlist extends ShortlistSummary {
  params: ScenarioParams;
  snapshot: ShortlistSnapshot;
  candidates: ShortlistCandidate[];
}

interface ShortlistRow {
  id: string; name: string; description: string; origin: ShortlistOrigin; scenario_id: string | null; scenario_name: string;
  params_json: string; solver: ShortlistSolver; data_hash: string; data_vintage: string; answers_revision: string;
  answers_sample: number; input_hash: string; snapshot_json: string; created_by: string; created_at: string;
  updated_by: string; updated_at: string; candidate_count: number;
}

interface CandidateRow {
  kommunenummer: string; name: string; police_district: string; police_district_number: string; position: number;
  site_kind: 'centre' | 'place' | 'premises'; site_id: string; site_lon: number; site_lat: number; site_label: string; rationale: string;
  status: CandidateStatus; updated_by: string; updated_at: string;
}

function toSummary(r: ShortlistRow): ShortlistSummary {
  return {
    id: r.id, name: r.name, description: r.description, origin: r.origin, scenarioId: r.scenario_id, scenarioName: r.scenario_name,
    solver: r.solver, dataHash: r.data_hash, dataVintage: r.data_vintage, answersRevision: r.answers_revision,
    answersSample: r.answers_sample === 1, inputHash: r.input_hash, createdBy: r.created_by, createdAt: r.created_at,
    updatedBy: r.updated_by, updatedAt: r.updated_at, candidateCount: r.candidate_count,
  };
}

function toCandidate(r: CandidateRow): ShortlistCandidate {
  return {
    kommunenummer: r.kommunenummer, name: r.name, policeDistrict: r.police_district, policeDistrictNumber: r.police_district_number,
    position: r.position,
    site: { kind: r.site_kind, lon: r.site_lon, lat: r.site_lat, label: r.site_label, ...(r.site_id ? { siteId: r.site_id } : {}) },
    rationale: r.rationale, status: r.status, updatedBy: r.updated_by, updatedAt: r.updated_at,
  };
}

const summarySql = `SELECT s.*, (SELECT count(*) FROM shortlist_candidates c WHERE c.shortlist_id = s.id) AS candidate_count FROM shortlists s`;

/** A new random, URL-safe shortlist id (e.g. `k-3f9a1c2b7d`). */
export function newShortlistId(): string {
  return `k-${crypto.randomBytes(5).toString('hex')}`;
}

/** All shortlists, newest first. */
export function listShortlists(db: Db): ShortlistSummary[] {
  return (stmt(db, `${summarySql} ORDER BY s.created_at DESC, s.id`).all() as ShortlistRow[]).map(toSummary);
}

/** The candidates of a shortlist in order. */
export function listCandidates(db: Db, shortlistId: string): ShortlistCandidate[] {
  const rows = stmt(db, `SELECT c.*, m.name, m.police_district, m.police_district_number FROM shortlist_candidates c
       JOIN municipalities m ON m.kommunenummer = c.kommunenummer WHERE c.shortlist_id = ? ORDER BY c.position`,
    )
    .all(shortlistId) as CandidateRow[];
  return rows.map(toCandidate);
}

/** One shortlist with its snapshot and candidates, or null. */
export function getShortlist(db: Db, id: string): Shortlist | null {
  const row = stmt(db, `${summarySql} WHERE s.id = ?`).get(id) as ShortlistRow | undefined;
  if (!row) return null;
  return {
    ...toSummary(row),
    params: storedScenarioSchema.parse(JSON.parse(row.params_json)),
    snapshot: JSON.parse(row.snapshot_json) as ShortlistSnapshot,
    candidates: listCandidates(db, id),
  };
}

export interface InsertShortlistInput {
  id?: string;
  name: string;
  description: string;
  origin: ShortlistOrigin;
  scenarioId: string | null;
  scenarioName: string;
  snapshot: ShortlistSnapshot;
  candidates: { kommunenummer: string; site: CandidateSite; rationale?: string; status?: CandidateStatus }[];
  by: string;
  now: string;
}

/** Inserts a shortlist with its candidates (positions 1…n in the given order) in one transaction. */
export function insertShortlist(db: Db, input: InsertShortlistInput): Shortlist {
  const id = input.id ?? newShortlistId();
  const s = input.snapshot;
  db.transaction(() => {
    stmt(db, `INSERT INTO shortlists (id, name, description, origin, scenario_id, scenario_name, params_json, solver, data_hash, data_vintage,
         answers_revision, answers_sample, input_hash, snapshot_json, created_by, created_at, updated_by, updated_at)
       VALUES (@id, @name, @description, @origin, @scenarioId, @scenarioName, @params, @solver, @dataHash, @dataVintage,
         @answersRevision, @answersSample, @inputHash, @snapshot, @by, @now, @by, @now)`,
    ).run({
      id, name: input.name, description: input.description, origin: input.origin, scenarioId: input.scenarioId,
      scenarioName: input.scenarioName, params: JSON.stringify(s.params), solver: s.solver, dataHash: s.data.hash,
      dataVintage: s.data.vintage, answersRevision: s.answers.revision, answersSample: s.answers.sample ? 1 : 0,
      inputHash: s.inputHash, snapshot: JSON.stringify(s), by: input.by, now: input.now,
    });
    const insert = stmt(db, `INSERT INTO shortlist_candidates (shortlist_id, kommunenummer, position, site_kind, site_id, site_lon, site_lat, site_label, rationale, status, updated_by, updated_at)
       VALUES (@id, @kommunenummer, @position, @kind, @siteId, @lon, @lat, @label, @rationale, @status, @by, @now)`,
    );
    input.candidates.forEach((c, i) =>
      insert.run({
        id, kommunenummer: c.kommunenummer, position: i + 1, kind: c.site.kind, siteId: c.site.siteId ?? '', lon: c.site.lon, lat: c.site.lat,
        label: c.site.label, rationale: c.rationale ?? '', status: c.status ?? 'proposed',
        by: input.by, now: input.now,
      }),
    );
    const created = getShortlist(db, id)!;
    recordAudit(db, { at: input.now, actor: input.by, action: 'create', entity: 'shortlist', entityId: id, after: auditView(created) });
  })();
  return getShortlist(db, id)!;
}

/** What the audit log keeps of a shortlist: its identity, origin and candidates (not the large snapshot). */
function auditView(s: Shortlist): unknown {
  return {
    id: s.id, name: s.name, origin: s.origin, scenarioId: s.scenarioId, inputHash: s.inputHash,
    candidates: s.candidates.map((c) => ({ kommunenummer: c.kommunenummer, position: c.position, status: c.status, rationale: c.rationale, site: c.site })),
  };
}

export interface CandidatePatch {
  status?: CandidateStatus;
  rationale?: string;
  site?: CandidateSite;
  by: string;
  now: string;
}

/** Updates one candidate's status, rationale and/or site; returns false when it does not exist. */
export function updateCandidate(db: Db, shortlistId: string, kommunenummer: string, patch: CandidatePatch): boolean {
  return db.transaction(() => {
    const before = listCandidates(db, shortlistId).find((c) => c.kommunenummer === kommunenummer);
    const res = stmt(db, `UPDATE shortlist_candidates SET status = coalesce(@status, status), rationale = coalesce(@rationale, rationale),
           site_kind = coalesce(@kind, site_kind), site_id = coalesce(@siteId, site_id), site_lon = coalesce(@lon, site_lon), site_lat = coalesce(@lat, site_lat),
           site_label = coalesce(@label, site_label), updated_by = @by, updated_at = @now
         WHERE shortlist_id = @shortlistId AND kommunenummer = @kommunenummer`,
      )
      .run({
        shortlistId, kommunenummer, status: patch.status ?? null, rationale: patch.rationale ?? null,
        kind: patch.site?.kind ?? null, siteId: patch.site ? patch.site.siteId ?? '' : null, lon: patch.site?.lon ?? null, lat: patch.site?.lat ?? null, label: patch.site?.label ?? null,
        by: patch.by, now: patch.now,
      });
    if (res.changes) {
      touch(db, shortlistId, patch.by, patch.now);
      const after = listCandidates(db, shortlistId).find((c) => c.kommunenummer === kommunenummer);
      recordAudit(db, { at: patch.now, actor: patch.by, action: 'update-candidate', entity: 'shortlist', entityId: `${shortlistId}/${kommunenummer}`, before, after });
    }
    return res.changes > 0;
  })();
}

/** Moves a candidate one place up (`-1`) or down (`+1`); returns false when it cannot move. */
export function moveCandidate(db: Db, shortlistId: string, kommunenummer: string, delta: -1 | 1, by: string, now: string): boolean {
  return db.transaction(() => {
    const list = listCandidates(db, shortlistId);
    const i = list.findIndex((c) => c.kommunenummer === kommunenummer);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= list.length) return false;
    const set = stmt(db, 'UPDATE shortlist_candidates SET position = ? WHERE shortlist_id = ? AND kommunenummer = ?');
    set.run(list[j].position, shortlistId, list[i].kommunenummer);
    set.run(list[i].position, shortlistId, list[j].kommunenummer);
    touch(db, shortlistId, by, now);
    recordAudit(db, {
      at: now, actor: by, action: 'move-candidate', entity: 'shortlist', entityId: `${shortlistId}/${kommunenummer}`,
      before: { position: list[i].position }, after: { position: list[j].position },
    });
    return true;
  })();
}

function touch(db: Db, id: string, by: string, now: string): void {
  stmt(db, 'UPDATE shortlists SET updated_by = ?, updated_at = ? WHERE id = ?').run(by, now, id);
}

/** Deletes a shortlist (its candidates go with it; its assessments stay), audited. Returns whether it existed. */
export function deleteShortlist(db: Db, id: string, by: string, now: string): boolean {
  return db.transaction(() => {
    const before = getShortlist(db, id);
    if (!before) return false;
    stmt(db, 'DELETE FROM shortlists WHERE id = ?').run(id);
    recordAudit(db, { at: now, actor: by, action: 'delete', entity: 'shortlist', entityId: id, before: auditView(before) });
    return true;
  })();
}

/** One candidate's changes in a whole-list edit. */
export type CandidateEdit = Omit<CandidatePatch, 'by' | 'now'> & { kommunenummer: string };

/**
 * Applies a whole-list edit in one transaction: every candidate's changes, then an optional move.
 * All or nothing: when a candidate is not on the list, nothing is written and the function throws.
 * @returns how many candidates changed
 */
export function updateCandidates(db: Db, shortlistId: string, edits: readonly CandidateEdit[], move: { kommunenummer: string; delta: -1 | 1 } | null, by: string, now: string): number {
  return db.transaction(() => {
    let changed = 0;
    for (const { kommunenummer, ...patch } of edits) {
      if (!updateCandidate(db, shortlistId, kommunenummer, { ...patch, by, now })) throw new Error(`${kommunenummer} is not on shortlist ${shortlistId}`);
      changed++;
    }
    if (move) moveCandidate(db, shortlistId, move.kommunenummer, move.delta, by, now);
    return changed;
  })();
}
