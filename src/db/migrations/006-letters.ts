import type { Migration } from './index';

/** The tables of this migration, as one SQL script (a schema is data: it is kept in one piece). */
const SCHEMA = `
  CREATE TABLE letter_batches (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL CHECK (kind IN ('upload', 'sample')),
    channel      TEXT NOT NULL CHECK (channel IN ('web', 'api', 'cli', 'sample')),
    files        INTEGER NOT NULL CHECK (files >= 0),
    imported_by  TEXT NOT NULL,
    imported_at  TEXT NOT NULL
  );

  -- The original files, once per content (SHA-256 of the bytes).
  CREATE TABLE letter_files (
    sha256  TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    bytes   BLOB NOT NULL,
    size    INTEGER NOT NULL CHECK (size >= 0)
  );

  CREATE TABLE letters (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id           INTEGER NOT NULL REFERENCES letter_batches(id),
    file_name          TEXT NOT NULL,
    file_sha256        TEXT NOT NULL UNIQUE REFERENCES letter_files(sha256),
    format             TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'txt')),
    pages              INTEGER,
    encoding           TEXT,
    text               TEXT NOT NULL,
    is_sample          INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    kommunenummer      TEXT REFERENCES municipalities(kommunenummer),
    sender_status      TEXT NOT NULL CHECK (sender_status IN ('matched', 'unsure', 'unmatched', 'confirmed')),
    sender_confidence  REAL NOT NULL CHECK (sender_confidence BETWEEN 0 AND 1),
    sender_set_by      TEXT,
    analysis_json      TEXT NOT NULL,
    received_at        TEXT NOT NULL,
    received_by        TEXT NOT NULL
  );
  CREATE INDEX letters_kommune ON letters(kommunenummer);

  CREATE VIRTUAL TABLE letters_fts USING fts5(text, stems, tokenize = 'unicode61 remove_diacritics 0');

  -- Each coding a planner saved (the latest per letter and coder counts); role 'second' is an independent
  -- second coding for agreement and is never applied to the answers.
  CREATE TABLE letter_codings (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    letter_id         INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    coder             TEXT NOT NULL,
    role              TEXT NOT NULL CHECK (role IN ('primary', 'second')),
    kommunenummer     TEXT NOT NULL REFERENCES municipalities(kommunenummer),
    coding_json       TEXT NOT NULL,
    response_version  INTEGER,
    coded_at          TEXT NOT NULL
  );
  CREATE INDEX letter_codings_letter ON letter_codings(letter_id, coder, id);

  -- Which letter and sentences an answer version was coded from (append-only).
  CREATE TABLE response_provenance (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kommunenummer     TEXT NOT NULL REFERENCES municipalities(kommunenummer),
    response_version  INTEGER NOT NULL,
    letter_id         INTEGER,
    letter_sha256     TEXT NOT NULL,
    coding_id         INTEGER,
    field             TEXT NOT NULL,
    value_json        TEXT NOT NULL,
    sentence          TEXT,
    sentence_start    INTEGER,
    sentence_end      INTEGER,
    confirmed_by      TEXT NOT NULL,
    confirmed_at      TEXT NOT NULL
  );
  CREATE INDEX response_provenance_kommune ON response_provenance(kommunenummer, response_version);
  CREATE TRIGGER response_provenance_no_update BEFORE UPDATE ON response_provenance
    BEGIN SELECT RAISE(ABORT, 'response_provenance is append-only'); END;
  CREATE TRIGGER response_provenance_no_delete BEFORE DELETE ON response_provenance
    BEGIN SELECT RAISE(ABORT, 'response_provenance is append-only'); END;
`;

/**
 * The municipalities' letters (issue 13): every received file once (bytes and SHA-256), the letters with their
 * extracted text and analysis, a full-text index (FTS5) over text and Snowball stems, the planners' codings
 * (append-only: a new coding is a new row), and the provenance that ties a stored answer version to the letter
 * and the sentences it was coded from. Timestamps are ISO 8601 text from the shell.
 */
export const letters: Migration = {
  version: 6,
  name: 'letters',
  up(db) {
    db.exec(SCHEMA);
  },
};
