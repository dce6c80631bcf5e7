import type { Migration } from './index';

/**
 * Shortlists and police district assessments.
 *
 * - `shortlists`: a named shortlist with the scenario it came from (full parameters, data hash and
 *   vintage, answers revision) and a frozen JSON snapshot of every figure at creation
 *   (`src/shortlist/snapshot.ts`), so it reproduces after the data or the answers change.
 * - `shortlist_candidates`: the ordered candidates with the chosen site, rationale and status.
 * - `district_assessments`: append-only; every recorded assessment is a row. The current advice of
 *   a municipality is its latest row (see `src/db/advice.ts`). Deleting a shortlist keeps its
 *   assessments (the shortlist reference becomes NULL).
 * Timestamps are ISO 8601 text supplied by the caller (the shell).
 */
export const shortlists: Migration = {
  version: 4,
  name: 'shortlists',
  up(db) {
    db.exec(`
      CREATE TABLE shortlists (
        id                TEXT PRIMARY KEY,
        name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description       TEXT NOT NULL DEFAULT '',
        origin            TEXT NOT NULL CHECK (origin IN ('scenario', 'params', 'manual')),
        scenario_id       TEXT REFERENCES scenarios(id) ON DELETE SET NULL,
        scenario_name     TEXT NOT NULL DEFAULT '',
        params_json       TEXT NOT NULL,
        solver            TEXT NOT NULL CHECK (solver IN ('exact', 'greedy', 'manual')),
        data_hash         TEXT NOT NULL,
        data_vintage      TEXT NOT NULL,
        answers_revision  TEXT NOT NULL,
        answers_sample    INTEGER NOT NULL CHECK (answers_sample IN (0, 1)),
        input_hash        TEXT NOT NULL,
        snapshot_json     TEXT NOT NULL,
        created_by        TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        updated_by        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      );
      CREATE INDEX shortlists_created ON shortlists(created_at DESC);

      CREATE TABLE shortlist_candidates (
        shortlist_id   TEXT NOT NULL REFERENCES shortlists(id) ON DELETE CASCADE,
        kommunenummer  TEXT NOT NULL REFERENCES municipalities(kommunenummer),
        position       INTEGER NOT NULL CHECK (position >= 1),
        site_kind      TEXT NOT NULL CHECK (site_kind IN ('centre', 'premises')),
        site_lon       REAL NOT NULL CHECK (site_lon BETWEEN -180 AND 180),
        site_lat       REAL NOT NULL CHECK (site_lat BETWEEN -90 AND 90),
        site_label     TEXT NOT NULL DEFAULT '',
        rationale      TEXT NOT NULL DEFAULT '',
        status         TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'reserve')),
        updated_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (shortlist_id, kommunenummer)
      );
      CREATE INDEX shortlist_candidates_order ON shortlist_candidates(shortlist_id, position);

      CREATE TABLE district_assessments (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        shortlist_id    TEXT REFERENCES shortlists(id) ON DELETE SET NULL,
        kommunenummer   TEXT NOT NULL REFERENCES municipalities(kommunenummer),
        police_district TEXT NOT NULL,
        advice          TEXT NOT NULL CHECK (advice IN ('supports', 'neutral', 'advisesAgainst')),
        reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        assessor        TEXT NOT NULL CHECK (length(trim(assessor)) > 0),
        assessed_at     TEXT NOT NULL
      );
      CREATE INDEX district_assessments_kommune ON district_assessments(kommunenummer, assessed_at, id);
      CREATE INDEX district_assessments_shortlist ON district_assessments(shortlist_id);
    `);
  },
};
