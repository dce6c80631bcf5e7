import type { Migration } from './index';

/**
 * Saved scenarios: a planner's weights, method and rules (validated JSON of `ScenarioParams`),
 * with the data vintage and hash they were made on, who made them and when. The id is a stable
 * URL slug-safe string.
 */
export const scenarios: Migration = {
  version: 3,
  name: 'scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE scenarios (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description  TEXT NOT NULL DEFAULT '',
        params_json  TEXT NOT NULL,
        data_hash    TEXT NOT NULL,
        data_vintage TEXT NOT NULL,
        answers_revision TEXT NOT NULL DEFAULT '',
        created_by   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        parent_id    TEXT REFERENCES scenarios(id) ON DELETE SET NULL
      );
      CREATE INDEX scenarios_updated ON scenarios(updated_at DESC);
    `);
  },
};
