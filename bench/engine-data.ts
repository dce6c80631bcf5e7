/**
 * Bench input: the real data files when they exist (data/municipalities.csv, demand-points.csv,
 * stations.csv, indicators.csv, travel-model.json), else the seeded synthetic Norway instance.
 * Answers are not part of the data files, so with real data everyone is eligible.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemandPoint, MunicipalityInput, SitePoint } from '../src/engine';
import { estimateDriveMin, type TravelModel } from '../src/geo/travel';
import { parseCsvRecords } from '../src/import/csv';
import { syntheticNorway } from './engine-synthetic';

export interface BenchData {
  label: string;
  municipalities: MunicipalityInput[];
  demand: DemandPoint[];
  existing: SitePoint[];
  travelMinutes: (km: number) => number;
}

const DATA = join(__dirname, '..', 'data');
const FILES = ['municipalities.csv', 'demand-points.csv', 'stations.csv', 'indicators.csv', 'travel-model.json'];

const records = (file: string) => parseCsvRecords(readFileSync(join(DATA, file), 'utf8')).records.map((r) => r.values);
const num = (v: string | undefined): number | null => (v === undefined || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** Loads the real data if all files exist, otherwise the synthetic instance. */
export function loadBenchData(): BenchData {
  if (!FILES.every((f) => existsSync(join(DATA, f)))) {
    return { label: 'synthetic Norway (seed 2022; real data files not found)', ...syntheticNorway({ withAnswers: false }) };
  }
  const model = JSON.parse(readFileSync(join(DATA, 'travel-model.json'), 'utf8')) as TravelModel;
  const indicators = new Map(records('indicators.csv').map((r) => [r.kommunenummer, r]));
  const municipalities = records('municipalities.csv').map((r): MunicipalityInput => {
    const ind = indicators.get(r.kommunenummer) ?? {};
    return {
      kommunenummer: r.kommunenummer, name: r.name, policeDistrict: r.police_district, population: Number(r.population_2025),
      centre: [Number(r.centre_lon), Number(r.centre_lat)],
      crimePer1000: num(ind.crime_per_1000), violencePer1000: num(ind.violence_per_1000), crimeTrendPer1000: num(ind.crime_trend_per_1000),
      driveMinMean: num(ind.drive_min_mean), residentsBeyond45: num(ind.residents_beyond_45),
    };
  });
  const demand = records('demand-points.csv').map((r) => ({ id: r.id, lon: Number(r.lon), lat: Number(r.lat), weight: Number(r.population) }));
  const existing = records('stations.csv').map((r) => ({ id: r.id, lon: Number(r.lon), lat: Number(r.lat) }));
  return { label: 'real data (data/*.csv)', municipalities, demand, existing, travelMinutes: (km) => estimateDriveMin(km, model) };
}

/** Median of timings in ms. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
