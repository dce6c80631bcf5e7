import type { Migration } from './index';

/**
 * Candidate sites (populated places, from data/sites.csv), the flag on a municipality's violence rate when SSB
 * suppressed the count (0–4, the midpoint is used), and imported travel-time matrices with their provenance.
 * An imported matrix is stored sparse (compressed rows: row ids, column ids and three typed-array blobs).
 */
export const travel: Migration = {
  version: 7,
  name: 'travel',
  up(db) {
    db.exec(`
      CREATE TABLE sites (
        id             TEXT PRIMARY KEY,
        kommunenummer  TEXT NOT NULL REFERENCES municipalities(kommunenummer),
        place          TEXT NOT NULL,
        postnummer     TEXT NOT NULL,
        lon            REAL NOT NULL,
        lat            REAL NOT NULL,
        source_lon     REAL NOT NULL,
        source_lat     REAL NOT NULL,
        moved_km       REAL NOT NULL,
        population     INTEGER NOT NULL,
        postcodes      TEXT NOT NULL,
        far_postcodes  TEXT NOT NULL DEFAULT '',
        centre_place   TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX sites_kommune ON sites(kommunenummer);
      ALTER TABLE municipalities ADD COLUMN violence_suppressed INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE travel_matrices (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        file_name     TEXT NOT NULL,
        file_sha256   TEXT NOT NULL,
        format        TEXT NOT NULL CHECK (format IN ('csv', 'osrm')),
        imported_by   TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        data_hash     TEXT NOT NULL,
        rows_in_file  INTEGER NOT NULL,
        demand_points INTEGER NOT NULL,
        targets       INTEGER NOT NULL,
        pairs_kept    INTEGER NOT NULL,
        notes         TEXT NOT NULL DEFAULT '',
        row_ids       TEXT NOT NULL,
        col_ids       TEXT NOT NULL,
        row_start     BLOB NOT NULL,
        cols          BLOB NOT NULL,
        minutes       BLOB NOT NULL
      );
    `);
  },
};
