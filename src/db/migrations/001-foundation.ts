import type { Migration } from './index';

/** The tables of this migration, as one SQL script (a schema is data: it is kept in one piece). */
const SCHEMA = `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE municipalities (
    kommunenummer          TEXT PRIMARY KEY CHECK (length(kommunenummer) = 4),
    name                   TEXT NOT NULL,
    county_number          TEXT NOT NULL,
    county_name            TEXT NOT NULL,
    police_district_number TEXT NOT NULL,
    police_district        TEXT NOT NULL,
    population             INTEGER NOT NULL CHECK (population >= 0),
    area_km2               REAL NOT NULL,
    admin_centre           TEXT,
    centre_lon             REAL NOT NULL,
    centre_lat             REAL NOT NULL,
    centre_inside_polygon  INTEGER NOT NULL,
    crime_per_1000         REAL,
    violence_per_1000      REAL,
    crime_trend_per_1000   REAL,
    drive_min_mean         REAL,
    residents_beyond_45    INTEGER,
    share_beyond_45        REAL,
    nearest_station_id     TEXT,
    nearest_station_min    REAL,
    boundary_geojson       TEXT NOT NULL
  );
  CREATE INDEX municipalities_district ON municipalities(police_district);
  CREATE TABLE crime_rates (
    kommunenummer     TEXT NOT NULL REFERENCES municipalities(kommunenummer),
    period            TEXT NOT NULL,
    offence_group     TEXT NOT NULL,
    offences_per_year REAL,
    per_1000          REAL,
    note              TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kommunenummer, period, offence_group)
  );
  CREATE TABLE stations (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    type              TEXT NOT NULL,
    place             TEXT NOT NULL,
    kommunenummer     TEXT NOT NULL REFERENCES municipalities(kommunenummer),
    police_district   TEXT NOT NULL,
    lon               REAL NOT NULL,
    lat               REAL NOT NULL,
    geocoding         TEXT NOT NULL,
    source_url        TEXT NOT NULL,
    note              TEXT NOT NULL DEFAULT '',
    passport_office_km REAL
  );
  CREATE TABLE demand_points (
    id                TEXT PRIMARY KEY,
    postnummer        TEXT NOT NULL,
    place             TEXT NOT NULL,
    kommunenummer     TEXT NOT NULL REFERENCES municipalities(kommunenummer),
    lon               REAL NOT NULL,
    lat               REAL NOT NULL,
    population_source INTEGER NOT NULL,
    population        INTEGER NOT NULL
  );
  CREATE INDEX demand_points_kommune ON demand_points(kommunenummer);
`;

/** Reference data derived from public sources (loaded from data/ by `loadDataset`). */
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(SCHEMA);
  },
};
