import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import { parseCsvRecords } from '../common/csv';
import { DataFileError } from './errors';
import { kommunenummerField } from '../common/fields';
import { issueText } from '../common/errors';
import { relativeResidual } from '../engine/beyond-error';

/** Where the committed, derived data files live (see data/SOURCES.md). */
export const defaultDataDir = path.resolve(__dirname, '..', '..', 'data');

const optionalNumber = z
  .string()
  .transform((s) => (s.trim() === '' ? null : Number(s)))
  .refine((n) => n === null || Number.isFinite(n), 'must be a number or empty');
const requiredNumber = z.string().trim().min(1, 'is required').transform(Number).refine(Number.isFinite, 'must be a number');

export const municipalityRow = z.object({
  kommunenummer: kommunenummerField,
  name: z.string().min(1),
  county_number: z.string().min(1),
  county_name: z.string().min(1),
  police_district_number: z.string().regex(/^p\d\d$/),
  police_district: z.string().min(1),
  /** Residents on 1.1.2024 (SSB; the raw file's name says 2025). */
  population: requiredNumber,
  area_km2: requiredNumber,
  admin_centre: z.string(),
  centre_lon: requiredNumber,
  centre_lat: requiredNumber,
  centre_inside_polygon: z.enum(['0', '1']).transform((s) => s === '1'),
});

export const indicatorRow = z.object({
  kommunenummer: kommunenummerField,
  crime_per_1000: optionalNumber,
  violence_per_1000: optionalNumber,
  violence_suppressed: z.enum(['0', '1']).transform((v) => v === '1'),
  crime_trend_per_1000: optionalNumber,
  drive_min_mean: optionalNumber,
  residents_beyond_45: optionalNumber,
  share_beyond_45: optionalNumber,
  nearest_station_id: z.string(),
  nearest_station_min: optionalNumber,
});

export const stationRow = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.string().min(1),
  place: z.string(),
  kommunenummer: kommunenummerField,
  police_district: z.string().min(1),
  lon: requiredNumber,
  lat: requiredNumber,
  geocoding: z.string().min(1),
  source_url: z.string(),
  note: z.string(),
  passport_office_km: optionalNumber,
});

export const demandPointRow = z.object({
  id: z.string().min(1),
  postnummer: z.string(),
  place: z.string(),
  kommunenummer: kommunenummerField,
  lon: requiredNumber,
  lat: requiredNumber,
  population_source: requiredNumber,
  population: requiredNumber,
});

export const siteRow = z.object({
  id: z.string().min(1),
  kommunenummer: kommunenummerField,
  place: z.string(),
  postnummer: z.string(),
  lon: requiredNumber,
  lat: requiredNumber,
  source_lon: requiredNumber,
  source_lat: requiredNumber,
  moved_km: requiredNumber,
  population: requiredNumber,
  postcodes: z.string(),
  far_postcodes: z.string(),
  centre_place: z.enum(['', 'admin_centre', 'kommune_name', 'nearest_weighted_centre']),
});

export const crimeRow = z.object({
  kommunenummer: kommunenummerField,
  period: z.string().regex(/^\d{4}-\d{4}$/),
  group: z.string().min(1),
  offences_per_year: optionalNumber,
  per_1000: optionalNumber,
  note: z.string(),
});

export type MunicipalityRow = z.output<typeof municipalityRow>;
export type IndicatorRow = z.output<typeof indicatorRow>;
export type StationRow = z.output<typeof stationRow>;
export type DemandPointRow = z.output<typeof demandPointRow>;
export type CrimeRow = z.output<typeof crimeRow>;
export type SiteRow = z.output<typeof siteRow>;

export interface Dataset {
  /** Content hash of every file read; a changed hash means the database must be reloaded. */
  hash: string;
  vintage: string;
  municipalities: MunicipalityRow[];
  indicators: IndicatorRow[];
  stations: StationRow[];
  demandPoints: DemandPointRow[];
  /** Candidate sites: populated places on land (data/sites.csv). */
  sites: SiteRow[];
  crime: CrimeRow[];
  /** kommunenummer → GeoJSON geometry (Polygon or MultiPolygon) as JSON text. */
  boundaries: Map<string, string>;
  /** Extra map layers (counties, police districts) as GeoJSON FeatureCollection text. */
  layers: Record<string, string>;
  travelModel: unknown;
  /** The built-in model's matrix as committed (data/travel-times.txt); parsed by the planning context. */
  travelTimes: string;
  /**
   * The built-in model's cross-validated residuals, TØI minus estimate, one per calibration pair
   * (data/travel-calibration.csv: `toi_min − cv_estimated_min`); empty when the file is absent.
   */
  travelResiduals: number[];
  /**
   * The same pairs' relative residuals, TØI over estimate minus 1 (`toi_min / cv_estimated_min − 1`, 4 decimals):
   * the robustness scales a point's drive times by 1 + one of them, so a 15-minute trip is not shifted by an
   * error measured on a 60-minute one. Empty when the file is absent.
   */
  travelRelativeResiduals: number[];
}

export { DataFileError };

function readCsv<T extends z.ZodTypeAny>(dir: string, file: string, schema: T): z.output<T>[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const { records } = parseCsvRecords(text, { delimiter: ',' });
  return records.map(({ line, values }) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DataFileError(file, line, `column ${issue.path.join('.')}: ${issueText(issue, 'en')}`);
    }
    return parsed.data;
  });
}

function readText(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/**
 * What the loader derives from the same files: bumped when it derives something new (2: the relative residuals),
 * so a database loaded by older code is reloaded once (in one transaction, as for changed files).
 */
const LOADER_FORMAT = 2;

/** The data files in the order they enter the content hash; optional ones are skipped when absent. */
const HASHED_FILES: readonly { file: string; optional?: boolean }[] = [
  { file: 'municipalities.csv' }, { file: 'indicators.csv' }, { file: 'stations.csv' }, { file: 'demand-points.csv' },
  { file: 'sites.csv' }, { file: 'crime.csv' }, { file: 'kommuner.geojson' }, { file: 'fylker.geojson', optional: true },
  { file: 'politidistrikter.geojson', optional: true }, { file: 'travel-model.json' }, { file: 'travel-times.txt' }, { file: 'vintage.json' },
  { file: 'travel-calibration.csv', optional: true },
];

/**
 * The content hash of the data files, exactly as `readDataset` computes it, without parsing them:
 * lets a start-up skip reading and validating ~15,000 rows when the database already holds them.
 */
export function datasetHash(dir: string = defaultDataDir): string {
  const hash = crypto.createHash('sha256').update(`loader ${LOADER_FORMAT}\n`);
  for (const { file, optional } of HASHED_FILES) {
    const full = path.join(dir, file);
    if (optional && !fs.existsSync(full)) continue;
    hash.update(file).update(fs.readFileSync(full, 'utf8'));
  }
  return hash.digest('hex');
}

/**
 * Reads and validates the project's derived data files.
 * @throws DataFileError naming the file, line and column of the first invalid value
 */
export function readDataset(dir: string = defaultDataDir): Dataset {
  const municipalities = readCsv(dir, 'municipalities.csv', municipalityRow);
  const indicators = readCsv(dir, 'indicators.csv', indicatorRow);
  const stations = readCsv(dir, 'stations.csv', stationRow);
  const demandPoints = readCsv(dir, 'demand-points.csv', demandPointRow);
  const sites = readCsv(dir, 'sites.csv', siteRow);
  const crime = readCsv(dir, 'crime.csv', crimeRow);
  const kommuner = JSON.parse(readText(dir, 'kommuner.geojson')) as {
    features: { properties: { kommunenummer: string }; geometry: unknown }[];
  };
  const boundaries = new Map(kommuner.features.map((f) => [f.properties.kommunenummer, JSON.stringify(f.geometry)]));
  const layers: Record<string, string> = {};
  for (const name of ['fylker', 'politidistrikter']) {
    const file = `${name}.geojson`;
    if (fs.existsSync(path.join(dir, file))) layers[name] = readText(dir, file);
  }
  const travelModel = JSON.parse(readText(dir, 'travel-model.json'));
  const vintageFile = JSON.parse(readText(dir, 'vintage.json')) as { dataVintage?: string };
  return {
    hash: datasetHash(dir),
    vintage: vintageFile.dataVintage ?? 'unknown',
    municipalities,
    indicators,
    stations,
    demandPoints,
    sites,
    crime,
    boundaries,
    layers,
    travelModel,
    travelTimes: readText(dir, 'travel-times.txt'),
    ...readResiduals(dir),
  };
}

/** Cross-validated residuals of the built-in travel model, in minutes and relative (see `Dataset.travelResiduals`). */
function readResiduals(dir: string): { travelResiduals: number[]; travelRelativeResiduals: number[] } {
  const file = 'travel-calibration.csv';
  if (!fs.existsSync(path.join(dir, file))) return { travelResiduals: [], travelRelativeResiduals: [] };
  const { records } = parseCsvRecords(readText(dir, file), { delimiter: ',' });
  const pairs = records.map(({ line, values }) => {
    const toi = Number(values.toi_min);
    const cv = Number(values.cv_estimated_min);
    if (!Number.isFinite(toi) || !Number.isFinite(cv) || values.toi_min === '' || values.cv_estimated_min === '') {
      throw new DataFileError(file, line, 'columns toi_min and cv_estimated_min must be numbers');
    }
    if (!(cv > 0) || !(toi > 0)) throw new DataFileError(file, line, 'columns toi_min and cv_estimated_min must be > 0');
    return { minutes: Math.round((toi - cv) * 100) / 100, relative: relativeResidual(toi, cv) };
  });
  return { travelResiduals: pairs.map((p) => p.minutes), travelRelativeResiduals: pairs.map((p) => p.relative) };
}
