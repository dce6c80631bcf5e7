import type { Kommunenummer } from '../common/kommunenummer';
import type { Db } from './connection';
import type { Municipality } from '../model/municipality';
import { stmt } from './statements';

export type { Municipality } from '../model/municipality';

export interface CrimeRate {
  period: string;
  group: string;
  offencesPerYear: number | null;
  per1000: number | null;
  note: string;
}

export interface Station {
  id: string;
  name: string;
  type: string;
  place: string;
  kommunenummer: Kommunenummer;
  policeDistrict: string;
  lon: number;
  lat: number;
  geocoding: string;
  sourceUrl: string;
  note: string;
  passportOfficeKm: number | null;
}

export interface DemandPoint {
  id: string;
  kommunenummer: Kommunenummer;
  lon: number;
  lat: number;
  population: number;
}

interface MunicipalityDbRow {
  kommunenummer: Kommunenummer;
  name: string;
  county_number: string;
  county_name: string;
  police_district_number: string;
  police_district: string;
  population: number;
  area_km2: number;
  admin_centre: string | null;
  centre_lon: number;
  centre_lat: number;
  centre_inside_polygon: number;
  crime_per_1000: number | null;
  violence_per_1000: number | null;
  violence_suppressed: number;
  crime_trend_per_1000: number | null;
  drive_min_mean: number | null;
  residents_beyond_45: number | null;
  share_beyond_45: number | null;
  nearest_station_id: string | null;
  nearest_station_min: number | null;
}

const municipalityColumns = `kommunenummer, name, county_number, county_name, police_district_number, police_district, population,
  area_km2, admin_centre, centre_lon, centre_lat, centre_inside_polygon, crime_per_1000, violence_per_1000, violence_suppressed, crime_trend_per_1000,
  drive_min_mean, residents_beyond_45, share_beyond_45, nearest_station_id, nearest_station_min`;

function toMunicipality(r: MunicipalityDbRow): Municipality {
  return {
    kommunenummer: r.kommunenummer,
    name: r.name,
    county: r.county_name,
    countyNumber: r.county_number,
    policeDistrict: r.police_district,
    policeDistrictNumber: r.police_district_number,
    population: r.population,
    areaKm2: r.area_km2,
    densityPerKm2: r.area_km2 > 0 ? Math.round((r.population / r.area_km2) * 100) / 100 : 0,
    adminCentre: r.admin_centre ?? '',
    centre: { lon: r.centre_lon, lat: r.centre_lat },
    centreInsidePolygon: r.centre_inside_polygon === 1,
    crimePer1000: r.crime_per_1000,
    violencePer1000: r.violence_per_1000,
    violenceSuppressed: r.violence_suppressed === 1,
    crimeTrendPer1000: r.crime_trend_per_1000,
    driveMinMean: r.drive_min_mean,
    residentsBeyond45: r.residents_beyond_45,
    shareBeyond45: r.share_beyond_45,
    nearestStationId: r.nearest_station_id,
    nearestStationMin: r.nearest_station_min,
  };
}

/** All municipalities ordered by kommunenummer. */
/** How many municipalities the loaded data has (the health check). */
export function countMunicipalities(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM municipalities').get() as { n: number }).n;
}

export function listMunicipalities(db: Db): Municipality[] {
  const rows = stmt(db, `SELECT ${municipalityColumns} FROM municipalities ORDER BY kommunenummer`).all() as MunicipalityDbRow[];
  return rows.map(toMunicipality);
}

/** One municipality, or null when the number is unknown. */
export function getMunicipality(db: Db, kommunenummer: string): Municipality | null {
  const row = stmt(db, `SELECT ${municipalityColumns} FROM municipalities WHERE kommunenummer = ?`).get(kommunenummer) as
    | MunicipalityDbRow
    | undefined;
  return row ? toMunicipality(row) : null;
}

/** The crime series (all periods and offence groups) of one municipality. */
export function getCrimeRates(db: Db, kommunenummer: string): CrimeRate[] {
  return (
    stmt(db, `SELECT period, offence_group, offences_per_year, per_1000, note FROM crime_rates WHERE kommunenummer = ? ORDER BY period, offence_group`,
      )
      .all(kommunenummer) as { period: string; offence_group: string; offences_per_year: number | null; per_1000: number | null; note: string }[]
  ).map((r) => ({ period: r.period, group: r.offence_group, offencesPerYear: r.offences_per_year, per1000: r.per_1000, note: r.note }));
}

/** Boundary geometries keyed by kommunenummer (parsed GeoJSON geometry objects). */
export function listBoundaries(db: Db): Map<string, unknown> {
  const rows = stmt(db, 'SELECT kommunenummer, boundary_geojson FROM municipalities').all() as { kommunenummer: Kommunenummer; boundary_geojson: string }[];
  return new Map(rows.map((r) => [r.kommunenummer, JSON.parse(r.boundary_geojson)]));
}

/** The existing police service locations (early 2022 baseline). */
export function listStations(db: Db): Station[] {
  return (
    stmt(db, 'SELECT * FROM stations ORDER BY police_district, name').all() as {
      id: string; name: string; type: string; place: string; kommunenummer: Kommunenummer; police_district: string;
      lon: number; lat: number; geocoding: string; source_url: string; note: string; passport_office_km: number | null;
    }[]
  ).map((r) => ({
    id: r.id, name: r.name, type: r.type, place: r.place, kommunenummer: r.kommunenummer, policeDistrict: r.police_district,
    lon: r.lon, lat: r.lat, geocoding: r.geocoding, sourceUrl: r.source_url, note: r.note, passportOfficeKm: r.passport_office_km,
  }));
}

/** The demand points (postcode points with population rescaled to 1.1.2024). */
export function listDemandPoints(db: Db): DemandPoint[] {
  return stmt(db, 'SELECT id, kommunenummer, lon, lat, population FROM demand_points ORDER BY id').all() as DemandPoint[];
}

/** How the kommune's main populated place was chosen (`''` on other sites). */
export type CentrePlaceRule = '' | 'admin_centre' | 'kommune_name' | 'nearest_weighted_centre';

/** A candidate site: a populated place (merged postcode points) on land in its kommune. */
export interface Site {
  id: string;
  kommunenummer: Kommunenummer;
  place: string;
  postnummer: string;
  lon: number;
  lat: number;
  /** Km the postcode point was moved to lie on land in its kommune. */
  movedKm: number;
  /** Residents of the postcode points merged into the site. */
  population: number;
  postcodes: string[];
  centrePlace: CentrePlaceRule;
}

/** All candidate sites ordered by kommunenummer and id (the order of data/sites.csv). */
export function listSites(db: Db): Site[] {
  return (
    stmt(db, 'SELECT id, kommunenummer, place, postnummer, lon, lat, moved_km, population, postcodes, centre_place FROM sites ORDER BY kommunenummer, id').all() as {
      id: string; kommunenummer: Kommunenummer; place: string; postnummer: string; lon: number; lat: number; moved_km: number; population: number; postcodes: string; centre_place: string;
    }[]
  ).map((r) => ({
    id: r.id, kommunenummer: r.kommunenummer, place: r.place, postnummer: r.postnummer, lon: r.lon, lat: r.lat, movedKm: r.moved_km,
    population: r.population, postcodes: r.postcodes.split(' ').filter(Boolean), centrePlace: r.centre_place as CentrePlaceRule,
  }));
}

/** Police district names in a stable order. */
export function listPoliceDistricts(db: Db): { number: string; name: string }[] {
  return stmt(db, 'SELECT DISTINCT police_district_number AS number, police_district AS name FROM municipalities ORDER BY police_district_number')
    .all() as { number: string; name: string }[];
}
