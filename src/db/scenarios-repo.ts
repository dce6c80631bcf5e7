import crypto from 'node:crypto';
import type { Db } from './connection';
import { recordAudit } from './audit-repo';
import { storedScenarioSchema, type ScenarioParams } from '../model/scenario';
import { stmt } from './statements';

/** A saved scenario as the API and pages see it. */
export interface Scenario {
  id: string;
  name: string;
  description: string;
  params: ScenarioParams;
  dataHash: string;
  dataVintage: string;
  answersRevision: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  parentId: string | null;
}

interface ScenarioRow {
  id: string; name: string; description: string; params_json: string; data_hash: string; data_vintage: string;
  answers_revision: string; created_by: string; created_at: string; updated_by: string; updated_at: string; parent_id: string | null;
}

function toScenario(r: ScenarioRow): Scenario {
  return {
    id: r.id, name: r.name, description: r.description, params: storedScenarioSchema.parse(JSON.parse(r.params_json)),
    dataHash: r.data_hash, dataVintage: r.data_vintage, answersRevision: r.answers_revision,
    createdBy: r.created_by, createdAt: r.created_at, updatedBy: r.updated_by, updatedAt: r.updated_at, parentId: r.parent_id,
  };
}

/** A new random, URL-safe scenario id (e.g. `s-3f9a1c2b7d`). */
export function newScenarioId(): string {
  return `s-${crypto.randomBytes(5).toString('hex')}`;
}

/** All scenarios, newest change first. */
export function listScenarios(db: Db): Scenario[] {
  return (stmt(db, 'SELECT * FROM scenarios ORDER BY updated_at DESC, id').all() as ScenarioRow[]).map(toScenario);
}

/** One scenario, or null. */
export function getScenario(db: Db, id: string): Scenario | null {
  const row = stmt(db, 'SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
  return row ? toScenario(row) : null;
}

/** Who made a change and when: the signed-in account's name and an ISO time. */
export interface ChangeStamp {
  /** The account the change is recorded against (`actorOf(req)`), not a typed name. */
  by: string;
  now: string;
}

export interface SaveScenarioInput extends ChangeStamp {
  id?: string;
  name: string;
  description?: string;
  params: ScenarioParams;
  dataHash: string;
  dataVintage: string;
  answersRevision: string;
  /** The scenario this one was duplicated from; the audit entry then says `duplicate`. */
  parentId?: string | null;
}

/** What the audit log keeps of a scenario (before and after a change). */
function auditView(s: Scenario): { name: string; description: string; params: ScenarioParams } {
  return { name: s.name, description: s.description, params: s.params };
}

/**
 * Inserts a scenario (a new id unless one is given) and its audit entry (`create`, or `duplicate`
 * when `parentId` is given) in one transaction; returns the scenario.
 */
export function createScenario(db: Db, input: SaveScenarioInput): Scenario {
  const id = input.id ?? newScenarioId();
  return db.transaction(() => {
    stmt(db, `INSERT INTO scenarios (id, name, description, params_json, data_hash, data_vintage, answers_revision, created_by, created_at, updated_by, updated_at, parent_id)
       VALUES (@id, @name, @description, @params_json, @data_hash, @data_vintage, @answers_revision, @by, @now, @by, @now, @parent_id)`,
    ).run({
      id, name: input.name, description: input.description ?? '', params_json: JSON.stringify(input.params),
      data_hash: input.dataHash, data_vintage: input.dataVintage, answers_revision: input.answersRevision,
      by: input.by, now: input.now, parent_id: input.parentId ?? null,
    });
    const created = getScenario(db, id)!;
    recordAudit(db, {
      at: input.now, actor: input.by, action: input.parentId ? 'duplicate' : 'create', entity: 'scenario', entityId: id,
      after: auditView(created), ...(input.parentId ? { said: { key: 'audit.note.copyOf', params: { id: input.parentId } } } : {}),
    });
    return created;
  })();
}

/**
 * Updates name, description and parameters of a scenario and records the change (before and
 * after) in the audit log, in one transaction; returns null when it does not exist.
 */
export function updateScenario(db: Db, id: string, input: Omit<SaveScenarioInput, 'id' | 'parentId'>): Scenario | null {
  return db.transaction(() => {
    const before = getScenario(db, id);
    if (!before) return null;
    stmt(db, `UPDATE scenarios SET name = @name, description = @description, params_json = @params_json, data_hash = @data_hash,
         data_vintage = @data_vintage, answers_revision = @answers_revision, updated_by = @by, updated_at = @now WHERE id = @id`,
    ).run({
      id, name: input.name, description: input.description ?? '', params_json: JSON.stringify(input.params),
      data_hash: input.dataHash, data_vintage: input.dataVintage, answers_revision: input.answersRevision, by: input.by, now: input.now,
    });
    const after = getScenario(db, id)!;
    recordAudit(db, { at: input.now, actor: input.by, action: 'update', entity: 'scenario', entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  })();
}

/** Deletes a scenario and records what it was in the audit log, in one transaction; returns whether it existed. */
export function deleteScenario(db: Db, id: string, stamp: ChangeStamp): boolean {
  return db.transaction(() => {
    const before = getScenario(db, id);
    if (!before) return false;
    stmt(db, 'DELETE FROM scenarios WHERE id = ?').run(id);
    recordAudit(db, { at: stamp.now, actor: stamp.by, action: 'delete', entity: 'scenario', entityId: id, before: auditView(before) });
    return true;
  })();
}
