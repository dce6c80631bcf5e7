/**
 * Bench input: the real data files when they exist (data/municipalities.csv, demand-points.csv,
 * stations.csv, indicators.csv, travel-model.json), else the seeded synthetic Norway instance.
 * Answers are not part of the data files, so with real data everyone is eligible.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSites, type CandidateSiteInput, type DemandPoint, type MunicipalityInput, type SitePoint } from '../src/engine';
import { estimateDriveMin, type TravelModel } from '../src/geo/travel';
import { parseCsvRecords } from '../src/import/csv';
import { syntheticNorway } from './engine-synthetic';

export interface BenchData {
  label: string;
  municipalities: MunicipalityInput[];
  demand: DemandPoint[];
  /** Kommunenummer of each demand point (same order as `demand`). */
  demandKommune: string[];
  existing: SitePoint[];
  travelMinutes: (km: number) => number;
  /** Travel-model residuals (observed − modelled minutes) for robustness benches (in-sample, bench use only). */
  residuals: number[];
}

/**
 * Candidate sites at municipality level and below: each municipality's own site (centre or premises)
 * plus every demand point (postcode point) as a site of its municipality, like the several sites per
 * municipality the geography model will provide.
 */
export function multiSites(data: BenchData): CandidateSiteInput[] {
  return [
    ...defaultSites(data.municipalities),
    ...data.demand.map((d, i) => ({ id: `pt-${d.id ?? i}`, kommunenummer: data.demandKommune[i], lon: d.lon, lat: d.lat, kind: 'place' })),
  ];
}

const DATA = join(__dirname, '..', 'data');
const FILES = ['municipalities.csv', 'demand-points.csv', 'stations.csv', 'indicators.csv', 'travel-model.json'];

const records = (file: string) => parseCsvRecords(readFileSync(join(DATA, file), 'utf8')).records.map((r) => r.values);
const num = (v: string | undefined): number | null => (v === undefined || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** Loads the real data if all files exist, otherwise the synthetic instance. */
export function loadBenchData(): BenchData {
  if (!FILES.every((f) => existsSync(join(DATA, f)))) {
    const synthetic = syntheticNorway({ withAnswers: false });
    return {
      label: 'synthetic Norway (seed 2022; real data files not found)', ...synthetic,
      demandKommune: synthetic.demand.map((d) => synthetic.municipalities[Number(String(d.id).split('-')[0])].kommunenummer),
      residuals: [-20, -8, -4, -2, 0, 0, 1, 3, 6, 12, 25, 40],
    };
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
  const demandRows = records('demand-points.csv');
  const demand = demandRows.map((r) => ({ id: r.id, lon: Number(r.lon), lat: Number(r.lat), weight: Number(r.population) }));
  const existing = records('stations.csv').map((r) => ({ id: r.id, lon: Number(r.lon), lat: Number(r.lat) }));
  const residuals = records('travel-calibration.csv').map((r) => Number(r.toi_min) - Number(r.estimated_min));
  return {
    label: 'real data (data/*.csv)', municipalities, demand, demandKommune: demandRows.map((r) => r.kommunenummer), existing,
    travelMinutes: (km) => estimateDriveMin(km, model), residuals,
  };
}

/** Median of timings in ms. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
