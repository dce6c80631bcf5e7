/**
 * Police service locations open on 23.02.2022 (#12), with a cross-check distance to fixed passport offices (#10).
 * Excluded, following shared SOURCES.md #12: Magnormoen (planned, opened only 1.7.2022), the Oslo S politipost
 * (a post under Grønland, 2022 status not verified, not one of the 225 tjenestesteder) and the two `other` rows
 * (Torp airport police; the Stokke publikumssenter), which are not tjenestesteder. Result: 218.
 */
import { haversineKm } from '../../src/engine';
import type { CsvValue } from './csv';
import { round } from './csv';
import type { PassportOffice, StationRow } from './sources';

export interface StationOut extends Record<string, CsvValue> {
  id: string;
  name: string;
  type: string;
  place: string;
  kommunenummer: string;
  police_district: string;
  lon: number;
  lat: number;
  geocoding: string;
  source_url: string;
  note: string;
  passport_office_km: number | null;
}

/** Why a source row is left out, or null to keep it. */
export function exclusionReason(s: StationRow): string | null {
  if (s.merknad.startsWith('planned, not yet open')) return 'planned, not yet open on 23.02.2022';
  if (s.id === 'oslo-s-politipost') return 'politipost under Grønland, not a tjenestested; 2022 status not verified';
  if (s.type === 'other') return 'not a tjenestested (type other)';
  return null;
}

export function buildStations(rows: readonly StationRow[], offices: readonly PassportOffice[]) {
  const fixed = offices.filter((o) => o.type === 'fast' && o.kommunenummer !== '');
  const kept: StationOut[] = [];
  const excluded: { id: string; reason: string }[] = [];
  for (const s of rows) {
    const reason = exclusionReason(s);
    if (reason) {
      excluded.push({ id: s.id, reason });
      continue;
    }
    const same = fixed.filter((o) => o.kommunenummer === s.kommunenummer);
    const km = same.length
      ? Math.min(...same.map((o) => haversineKm([s.lon, s.lat], [o.lon, o.lat])))
      : null;
    if (s.geokoding === 'passkontor' && km === null) throw new Error(`stations: ${s.id} is passkontor-geocoded but no fixed office in ${s.kommunenummer}`);
    kept.push({
      id: s.id, name: s.navn, type: s.type, place: s.sted, kommunenummer: s.kommunenummer,
      police_district: s.politidistrikt, lon: round(s.lon, 5), lat: round(s.lat, 5), geocoding: s.geokoding,
      source_url: s.kilde, note: s.merknad, passport_office_km: km === null ? null : round(km, 2),
    });
  }
  if (new Set(kept.map((s) => s.id)).size !== kept.length) throw new Error('stations: duplicate id');
  return { stations: kept, excluded };
}
