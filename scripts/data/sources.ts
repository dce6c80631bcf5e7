/**
 * Readers for the raw files in `shared/data` (see its SOURCES.md). Each returns plain typed rows with
 * 4-character kommunenummer strings; no joining happens here.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parseCsv } from './csv';

const read = (dir: string, file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');
const pad4 = (v: string | number): string => String(v).trim().padStart(4, '0');

/** #3 aprestmo municipalities 2025. */
export interface AprestmoKommune {
  id: string;
  name: string;
  name_no: string;
  adm_center: string;
  population: number;
  area: number;
}
export function readAprestmo(dir: string): AprestmoKommune[] {
  const raw = JSON.parse(read(dir, 'aprestmo-municipalities-2025.json')) as AprestmoKommune[];
  return raw.map((k) => ({ ...k, id: pad4(k.id) }));
}

/** #5 postnummer → kommunenummer (2026). */
export function readPostalCodes(dir: string): Map<string, string> {
  const raw = JSON.parse(read(dir, 'aprestmo-postal-codes-2026.json')) as { code: string; id: string }[];
  return new Map(raw.map((p) => [p.code.padStart(4, '0'), pad4(p.id)]));
}

/** #9 kommune → police district. */
export interface DistrictRow {
  kommunenummer: string;
  kommunenavn: string;
  fylkesnummer: string;
  politidistriktnummer: string;
  politidistriktnavn: string;
}
export function readDistricts(dir: string): DistrictRow[] {
  return parseCsv(read(dir, 'kommune-politidistrikt-2024.csv')).map((r) => ({
    kommunenummer: pad4(r.kommunenummer),
    kommunenavn: r.kommunenavn,
    fylkesnummer: r.fylkesnummer.padStart(2, '0'),
    politidistriktnummer: r.politidistriktnummer,
    politidistriktnavn: r.politidistriktnavn,
  }));
}

/** #7 derived weighted centres (used only as a cross-check). */
export interface DerivedCentre {
  kommunenummer: string;
  lat: number;
  lon: number;
  inside: boolean;
}
export function readDerivedCentres(dir: string): DerivedCentre[] {
  return parseCsv(read(dir, 'kommune-befolkningsvekta-senter-avleda.csv')).map((r) => ({
    kommunenummer: pad4(r.kommunenummer),
    lat: Number(r.lat),
    lon: Number(r.lon),
    inside: r.punkt_innanfor_kommunepolygon === '1',
  }));
}

/** #6 Bolstad postcode points (all rows; callers filter on population). */
export interface BolstadRow {
  postnummer: string;
  place: string;
  folketal: number;
  kommnr2020: string;
  kommune: string;
  fylke: string;
  lat: number;
  lon: number;
}
export function readBolstad(dir: string): BolstadRow[] {
  return parseCsv(read(dir, 'bolstad-postnummer-koordinatar-2020.tsv'), '\t').map((r) => ({
    postnummer: r.POSTNR.padStart(4, '0'),
    place: r.POSTSTAD,
    folketal: r.FOLKETAL === '' ? 0 : Number(r.FOLKETAL),
    kommnr2020: pad4(r.KOMMNR),
    kommune: r.KOMMUNE,
    fylke: r.FYLKE,
    lat: Number(r.LAT),
    lon: Number(r.LON),
  }));
}

/** #8 crime counts; `null` for SSB-suppressed NA cells. */
export const CRIME_SOURCE_COLUMNS = [
  'alt',
  'eiendomstyveri',
  'vold_mishandling',
  'rusmidler',
  'orden_integritet',
  'trafikk',
  'annet',
] as const;
export type CrimeSourceColumn = (typeof CRIME_SOURCE_COLUMNS)[number];
export interface CrimeRow {
  kommunenummer: string;
  navn: string;
  period: string;
  values: Record<CrimeSourceColumn, number | null>;
}
export function readCrime(dir: string): CrimeRow[] {
  return parseCsv(read(dir, 'anmeldte-lovbrudd-kommune-2020-2024-snitt.csv')).map((r) => {
    const values = {} as Record<CrimeSourceColumn, number | null>;
    for (const c of CRIME_SOURCE_COLUMNS) {
      const v = r[c];
      if (v === 'NA' || v === '') values[c] = null;
      else if (Number.isFinite(Number(v))) values[c] = Number(v);
      else throw new Error(`crime: unexpected value ${JSON.stringify(v)} in ${c} for ${r.komnr}`);
    }
    return { kommunenummer: pad4(r.komnr), navn: r.navn, period: r['år'], values };
  });
}

/** #11 TØI BA-regions (decimal comma). */
export interface BaRow {
  kommunenummer: string;
  kommunenavn: string;
  region: string;
  reisetidMin: number;
  inclusion: string;
}
export function readBaRegions(dir: string): BaRow[] {
  return parseCsv(read(dir, 'tou-ba-regioner-reisetid-2024.csv'), ';').map((r) => ({
    kommunenummer: pad4(r.kommunenr_2024),
    kommunenavn: r.kommunenavn_2024,
    region: r['BA-region'],
    reisetidMin: Number(r.Reisetid.replace(',', '.')),
    inclusion: r.Inkluderingsgrunnlag,
  }));
}

/** #12 police service locations 2022. */
export interface StationRow {
  id: string;
  navn: string;
  type: string;
  sted: string;
  kommunenummer: string;
  politidistrikt: string;
  lat: number;
  lon: number;
  geokoding: string;
  kilde: string;
  merknad: string;
}
export function readStations(dir: string): StationRow[] {
  return parseCsv(read(dir, 'politi-tjenestesteder-2022.csv')).map((r) => ({
    id: r.id,
    navn: r.navn,
    type: r.type,
    sted: r.sted,
    kommunenummer: pad4(r.kommunenummer),
    politidistrikt: r.politidistrikt,
    lat: Number(r.lat),
    lon: Number(r.lon),
    geokoding: r.geokoding,
    kilde: r.kilde,
    merknad: r.merknad,
  }));
}

/** #10 passport/ID offices (fixed ones only are used). */
export interface PassportOffice {
  navn: string;
  type: string;
  kommunenummer: string;
  lat: number;
  lon: number;
}
export function readPassportOffices(dir: string): PassportOffice[] {
  return parseCsv(read(dir, 'politiet-pass-id-kontor-2022.csv')).map((r) => ({
    navn: r.navn,
    type: r.type,
    kommunenummer: r.kommunenummer_fra_postnr === '' ? '' : pad4(r.kommunenummer_fra_postnr),
    lat: Number(r.lat_postnummer),
    lon: Number(r.lon_postnummer),
  }));
}

/** #1/#2 boundary files. */
export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
export function readGeoJson(dir: string, file: string): AreaCollection {
  return JSON.parse(read(dir, file)) as AreaCollection;
}
