import type { Migration } from './index';

/** The tables of this migration, as one SQL script (a schema is data: it is kept in one piece). */
const SCHEMA = `
  CREATE TABLE imports (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL CHECK (kind IN ('file', 'sample')),
    source          TEXT NOT NULL,
    format          TEXT NOT NULL,
    file_sha256     TEXT NOT NULL,
    file_bytes      INTEGER NOT NULL,
    imported_by     TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    rows_total      INTEGER NOT NULL,
    rows_new        INTEGER NOT NULL,
    rows_updated    INTEGER NOT NULL,
    rows_unchanged  INTEGER NOT NULL,
    samples_replaced INTEGER NOT NULL DEFAULT 0,
    warnings        INTEGER NOT NULL DEFAULT 0
  );

  -- The current answer of each municipality (at most one).
  CREATE TABLE responses (
    kommunenummer     TEXT PRIMARY KEY REFERENCES municipalities(kommunenummer),
    version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    received_date     TEXT CHECK (received_date IS NULL OR received_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    q1_challenges     TEXT NOT NULL DEFAULT '',
    q1_areas          TEXT NOT NULL DEFAULT '',
    q2_satisfied      TEXT NOT NULL CHECK (q2_satisfied IN ('yes', 'no', 'partly', 'not_answered')),
    q2_reasons        TEXT NOT NULL DEFAULT '',
    q3_cooperation    TEXT NOT NULL DEFAULT '',
    q3_resources      TEXT NOT NULL DEFAULT '',
    q4_station        TEXT NOT NULL CHECK (q4_station IN ('more', 'same', 'less', 'not_answered')),
    q4_presence       TEXT NOT NULL CHECK (q4_presence IN ('more', 'same', 'less', 'not_answered')),
    q4_attendance     TEXT NOT NULL CHECK (q4_attendance IN ('more', 'same', 'less', 'not_answered')),
    q4_telephone      TEXT NOT NULL CHECK (q4_telephone IN ('more', 'same', 'less', 'not_answered')),
    q4_internet       TEXT NOT NULL CHECK (q4_internet IN ('more', 'same', 'less', 'not_answered')),
    q4_comment        TEXT NOT NULL DEFAULT '',
    q5_wants_station  TEXT NOT NULL CHECK (q5_wants_station IN ('yes', 'no', 'not_answered')),
    source            TEXT NOT NULL,
    is_sample         INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    import_id         INTEGER REFERENCES imports(id),
    changed_by        TEXT NOT NULL,
    changed_at        TEXT NOT NULL
  );

  -- Premises offered with an answer (question 5), in the order given.
  CREATE TABLE response_premises (
    kommunenummer    TEXT NOT NULL REFERENCES responses(kommunenummer) ON DELETE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 1),
    address          TEXT NOT NULL,
    lon              REAL,
    lat              REAL,
    co_located_with  TEXT NOT NULL DEFAULT '',
    floor_area_m2    REAL CHECK (floor_area_m2 IS NULL OR floor_area_m2 > 0),
    available_from   TEXT,
    yearly_cost_nok  REAL CHECK (yearly_cost_nok IS NULL OR yearly_cost_nok >= 0),
    notes            TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kommunenummer, position),
    CHECK ((lon IS NULL) = (lat IS NULL))
  );

  -- Every version that was replaced or removed: a full JSON snapshot, who replaced it, when and why.
  CREATE TABLE response_history (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kommunenummer   TEXT NOT NULL REFERENCES municipalities(kommunenummer),
    version         INTEGER NOT NULL,
    snapshot_json   TEXT NOT NULL,
    replaced_by     TEXT NOT NULL,
    replaced_at     TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (reason IN ('import', 'correction', 'sample-load', 'replace')),
    note            TEXT NOT NULL DEFAULT '',
    import_id       INTEGER REFERENCES imports(id)
  );
  CREATE INDEX response_history_kommune ON response_history(kommunenummer, id);
  CREATE TRIGGER response_history_no_update BEFORE UPDATE ON response_history
    BEGIN SELECT RAISE(ABORT, 'response_history is append-only'); END;
  CREATE TRIGGER response_history_no_delete BEFORE DELETE ON response_history
    BEGIN SELECT RAISE(ABORT, 'response_history is append-only'); END;
`;

/**
 * The municipalities' answers to the minister's five questions (letter of 23 Feb 2022), their offered
 * premises, an append-only history of every replaced version, and a log of applied imports.
 * Timestamps are ISO 8601 text supplied by the caller (the shell), never `CURRENT_TIMESTAMP`.
 */
export const responses: Migration = {
  version: 2,
  name: 'responses',
  up(db) {
    db.exec(SCHEMA);
  },
};
