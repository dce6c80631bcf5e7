import type { Db } from './connection';
import { DataFileError, datasetHash, readDataset, type Dataset } from '../data/dataset';
import { statements, stmt } from './statements';

export interface LoadOutcome {
  status: 'loaded' | 'unchanged';
  hash: string;
  counts: { municipalities: number; stations: number; demandPoints: number; sites: number; crimeRows: number };
}

/** The loader's statements, prepared once per connection (`getMeta` runs on many requests). */
const sql = statements({
  getMeta: 'SELECT value FROM meta WHERE key = @key',
  setMeta: 'INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  upsertMunicipality: `
    INSERT INTO municipalities (kommunenummer, name, county_number, county_name, police_district_number, police_district,
      population, area_km2, admin_centre, centre_lon, centre_lat, centre_inside_polygon, crime_per_1000, violence_per_1000, violence_suppressed,
      crime_trend_per_1000, drive_min_mean, residents_beyond_45, share_beyond_45, nearest_station_id, nearest_station_min, boundary_geojson)
    VALUES (@kommunenummer, @name, @county_number, @county_name, @police_district_number, @police_district,
      @population, @area_km2, @admin_centre, @centre_lon, @centre_lat, @centre_inside_polygon, @crime_per_1000, @violence_per_1000, @violence_suppressed,
      @crime_trend_per_1000, @drive_min_mean, @residents_beyond_45, @share_beyond_45, @nearest_station_id, @nearest_station_min, @boundary_geojson)
    ON CONFLICT(kommunenummer) DO UPDATE SET
      name = excluded.name, county_number = excluded.county_number, county_name = excluded.county_name,
      police_district_number = excluded.police_district_number, police_district = excluded.police_district,
      population = excluded.population, area_km2 = excluded.area_km2, admin_centre = excluded.admin_centre,
      centre_lon = excluded.centre_lon, centre_lat = excluded.centre_lat, centre_inside_polygon = excluded.centre_inside_polygon,
      crime_per_1000 = excluded.crime_per_1000, violence_per_1000 = excluded.violence_per_1000, violence_suppressed = excluded.violence_suppressed,
      crime_trend_per_1000 = excluded.crime_trend_per_1000, drive_min_mean = excluded.drive_min_mean,
      residents_beyond_45 = excluded.residents_beyond_45, share_beyond_45 = excluded.share_beyond_45,
      nearest_station_id = excluded.nearest_station_id, nearest_station_min = excluded.nearest_station_min,
      boundary_geojson = excluded.boundary_geojson`,
  insertStation: `INSERT INTO stations (id, name, type, place, kommunenummer, police_district, lon, lat, geocoding, source_url, note, passport_office_km)
    VALUES (@id, @name, @type, @place, @kommunenummer, @police_district, @lon, @lat, @geocoding, @source_url, @note, @passport_office_km)`,
  insertDemand: `INSERT INTO demand_points (id, postnummer, place, kommunenummer, lon, lat, population_source, population)
    VALUES (@id, @postnummer, @place, @kommunenummer, @lon, @lat, @population_source, @population)`,
  insertSite: `INSERT INTO sites (id, kommunenummer, place, postnummer, lon, lat, source_lon, source_lat, moved_km, population, postcodes, far_postcodes, centre_place)
    VALUES (@id, @kommunenummer, @place, @postnummer, @lon, @lat, @source_lon, @source_lat, @moved_km, @population, @postcodes, @far_postcodes, @centre_place)`,
  insertCrime: `INSERT INTO crime_rates (kommunenummer, period, offence_group, offences_per_year, per_1000, note)
    VALUES (@kommunenummer, @period, @group, @offences_per_year, @per_1000, @note)`,
  clearCrime: 'DELETE FROM crime_rates',
  clearStations: 'DELETE FROM stations',
  clearDemand: 'DELETE FROM demand_points',
  clearSites: 'DELETE FROM sites',
});

/** Reads a meta value, or null. */
export function getMeta(db: Db, key: string): string | null {
  const row = sql(db).getMeta.get({ key }) as { value: string } | undefined;
  return row ? row.value : null;
}

function setMeta(db: Db, key: string, value: string): void {
  sql(db).setMeta.run({ key, value });
}

/** Row counts of the reference tables (a fixed list of table names). */
function counts(db: Db): LoadOutcome['counts'] {
  const n = (table: 'municipalities' | 'stations' | 'demand_points' | 'sites' | 'crime_rates') =>
    (stmt(db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { municipalities: n('municipalities'), stations: n('stations'), demandPoints: n('demand_points'), sites: n('sites'), crimeRows: n('crime_rates') };
}

/** Upserts every municipality with its indicators and boundary. @throws DataFileError when one lacks either */
function upsertMunicipalities(db: Db, data: Dataset): void {
  const indicators = new Map(data.indicators.map((r) => [r.kommunenummer, r]));
  for (const m of data.municipalities) {
    const boundary = data.boundaries.get(m.kommunenummer);
    if (!boundary) throw new DataFileError('kommuner.geojson', null, `no boundary for municipality ${m.kommunenummer}`);
    const ind = indicators.get(m.kommunenummer);
    if (!ind) throw new DataFileError('indicators.csv', null, `no indicator row for municipality ${m.kommunenummer}`);
    sql(db).upsertMunicipality.run({
      ...m,
      ...ind,
      population: m.population,
      centre_inside_polygon: m.centre_inside_polygon ? 1 : 0,
      violence_suppressed: ind.violence_suppressed ? 1 : 0,
      nearest_station_id: ind.nearest_station_id || null,
      boundary_geojson: boundary,
    });
  }
}

/** Replaces stations, demand points, sites and crime rows, and the layers and travel data in `meta`. */
function replaceReferenceRows(db: Db, data: Dataset): void {
  const q = sql(db);
  for (const clear of [q.clearCrime, q.clearStations, q.clearDemand, q.clearSites]) clear.run();
  for (const s of data.stations) q.insertStation.run(s);
  for (const d of data.demandPoints) q.insertDemand.run(d);
  for (const s of data.sites) q.insertSite.run(s);
  for (const c of data.crime) q.insertCrime.run(c);
  for (const [name, text] of Object.entries(data.layers)) setMeta(db, `layer:${name}`, text);
  setMeta(db, 'travel_model', JSON.stringify(data.travelModel));
  setMeta(db, 'travel_times', data.travelTimes);
  setMeta(db, 'travel_residuals', JSON.stringify(data.travelResiduals));
  setMeta(db, 'travel_relative_residuals', JSON.stringify(data.travelRelativeResiduals));
}

/**
 * Loads the reference data set into the database in ONE transaction: a failure part-way leaves the
 * previous contents intact. Skips the work when the data files' hash equals the loaded one, so a
 * second start neither duplicates nor loses rows. Municipalities are upserted (answers and other
 * user data refer to them); stations, demand points and crime rows are replaced.
 * @throws DataFileError when the files disagree with each other (e.g. a municipality without a boundary)
 */
export function loadDataset(db: Db, data: Dataset, options: { force?: boolean } = {}): LoadOutcome {
  if (!options.force && getMeta(db, 'data_hash') === data.hash) {
    return { status: 'unchanged', hash: data.hash, counts: counts(db) };
  }
  db.transaction(() => {
    upsertMunicipalities(db, data);
    replaceReferenceRows(db, data);
    setMeta(db, 'data_vintage', data.vintage);
    setMeta(db, 'data_hash', data.hash);
  })();
  return { status: 'loaded', hash: data.hash, counts: counts(db) };
}

/**
 * Makes sure the database holds the data files in `dir`: reads and loads them only when their
 * content hash differs from the loaded one (first start, or new data), so a normal start or CLI
 * call does not parse the files at all.
 */
export function ensureDataset(db: Db, dir?: string): LoadOutcome {
  const hash = datasetHash(dir);
  if (getMeta(db, 'data_hash') === hash) return { status: 'unchanged', hash, counts: counts(db) };
  return loadDataset(db, readDataset(dir));
}
