import type { Migration } from './index';

/**
 * Stored proposals (issue 11): the proposal the workspace shows, a shortlist holds and every export reads is one
 * stored result, not a re-solve.
 *
 * - `proposals`: one solved proposal per input key (SHA-256 of the scenario parameters, the solver, the data hash,
 *   the answers revision, the travel model and, when the district advice is weighted, the assessments revision and
 *   the viewer's district; see `src/planning/proposal-key.ts`), with the solver's status, value, bound and gap, and
 *   the whole result with its per-site figures as JSON. Least recently used rows beyond a cap are pruned; a pruned
 *   proposal is solved again the same way when asked for.
 * - `proposal_robustness`: the robustness run of a stored proposal (samples, seed, mode), with the proposal as
 *   sample 0.
 * - `shortlist_candidates` gains the chosen site's id and the kind `place` (a populated place of `data/sites.csv`):
 *   the table is rebuilt because SQLite cannot change a CHECK constraint; rows are copied as they are.
 */
export const proposals: Migration = {
  version: 8,
  name: 'proposals',
  up(db) {
    db.exec(`
      CREATE TABLE proposals (
        id                    TEXT PRIMARY KEY,
        input_key             TEXT NOT NULL UNIQUE,
        params_json           TEXT NOT NULL,
        solver                TEXT NOT NULL CHECK (solver IN ('exact', 'greedy')),
        data_hash             TEXT NOT NULL,
        answers_revision      TEXT NOT NULL,
        assessments_revision  TEXT NOT NULL,
        travel_model          TEXT NOT NULL,
        view_district         TEXT,
        status                TEXT NOT NULL CHECK (status IN ('optimal', 'feasible', 'infeasible', 'timedOut')),
        objective_name        TEXT NOT NULL,
        value                 REAL,
        bound                 REAL,
        gap                   REAL,
        result_json           TEXT NOT NULL,
        created_at            TEXT NOT NULL,
        used_at               TEXT NOT NULL
      );
      CREATE INDEX proposals_used ON proposals(used_at);

      CREATE TABLE proposal_robustness (
        proposal_id  TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        samples      INTEGER NOT NULL CHECK (samples >= 1),
        seed         INTEGER NOT NULL,
        mode         TEXT NOT NULL CHECK (mode IN ('around', 'simplex')),
        result_json  TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        PRIMARY KEY (proposal_id, samples, seed, mode)
      );

      CREATE TABLE shortlist_candidates_v8 (
        shortlist_id   TEXT NOT NULL REFERENCES shortlists(id) ON DELETE CASCADE,
        kommunenummer  TEXT NOT NULL REFERENCES municipalities(kommunenummer),
        position       INTEGER NOT NULL CHECK (position >= 1),
        site_kind      TEXT NOT NULL CHECK (site_kind IN ('centre', 'place', 'premises')),
        site_id        TEXT NOT NULL DEFAULT '',
        site_lon       REAL NOT NULL CHECK (site_lon BETWEEN -180 AND 180),
        site_lat       REAL NOT NULL CHECK (site_lat BETWEEN -90 AND 90),
        site_label     TEXT NOT NULL DEFAULT '',
        rationale      TEXT NOT NULL DEFAULT '',
        status         TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'reserve')),
        updated_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (shortlist_id, kommunenummer)
      );
      INSERT INTO shortlist_candidates_v8 (shortlist_id, kommunenummer, position, site_kind, site_lon, site_lat, site_label, rationale, status, updated_by, updated_at)
        SELECT shortlist_id, kommunenummer, position, site_kind, site_lon, site_lat, site_label, rationale, status, updated_by, updated_at FROM shortlist_candidates;
      DROP TABLE shortlist_candidates;
      ALTER TABLE shortlist_candidates_v8 RENAME TO shortlist_candidates;
      CREATE INDEX shortlist_candidates_order ON shortlist_candidates(shortlist_id, position);
    `);
  },
};
