import crypto from 'node:crypto';
import type { Db } from './connection';
import { scenarioParamsSchema, type ScenarioParams } from '../planning/scenario';

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
    id: r.id, name: r.name, description: r.description, params: scenarioParamsSchema.parse(JSON.parse(r.params_json)),
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
  return (db.prepare('SELECT * FROM scenarios ORDER BY updated_at DESC, id').all() as ScenarioRow[]).map(toScenario);
}

/** One scenario, or null. */
export function getScenario(db: Db, id: string): Scenario | null {
  const row = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
  return row ? toScenario(row) : null;
}

export interface SaveScenarioInput {
  id?: string;
  name: string;
  description?: string;
  params: ScenarioParams;
  dataHash: string;
  dataVintage: string;
  answersRevision: string;
  by: string;
  now: string;
  parentId?: string | null;
}

/** Inserts a scenario (a new id unless one is given) and returns it. */
export function createScenario(db: Db, input: SaveScenarioInput): Scenario {
  const id = input.id ?? newScenarioId();
  db.prepare(
    `INSERT INTO scenarios (id, name, description, params_json, data_hash, data_vintage, answers_revision, created_by, created_at, updated_by, updated_at, parent_id)
     VALUES (@id, @name, @description, @params_json, @data_hash, @data_vintage, @answers_revision, @by, @now, @by, @now, @parent_id)`,
  ).run({
    id, name: input.name, description: input.description ?? '', params_json: JSON.stringify(input.params),
    data_hash: input.dataHash, data_vintage: input.dataVintage, answers_revision: input.answersRevision,
    by: input.by, now: input.now, parent_id: input.parentId ?? null,
  });
  return getScenario(db, id)!;
}

/** Updates name, description and parameters of a scenario; returns null when it does not exist. */
export function updateScenario(db: Db, id: string, input: Omit<SaveScenarioInput, 'id' | 'parentId'>): Scenario | null {
  const res = db
    .prepare(
      `UPDATE scenarios SET name = @name, description = @description, params_json = @params_json, data_hash = @data_hash,
         data_vintage = @data_vintage, answers_revision = @answers_revision, updated_by = @by, updated_at = @now WHERE id = @id`,
    )
    .run({
      id, name: input.name, description: input.description ?? '', params_json: JSON.stringify(input.params),
      data_hash: input.dataHash, data_vintage: input.dataVintage, answers_revision: input.answersRevision, by: input.by, now: input.now,
    });
  return res.changes ? getScenario(db, id) : null;
}

/** Deletes a scenario; returns whether it existed. */
export function deleteScenario(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
}
