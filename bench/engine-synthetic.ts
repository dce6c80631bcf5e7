/**
 * A seeded synthetic instance shaped like Norway (for benches until the real data files exist):
 * municipalities strung along the country's long axis, lognormal populations, demand points around
 * each centre, existing stations at population-weighted random centres, 12 districts along the axis.
 */
import { createRng, type DemandPoint, type MunicipalityInput, type SitePoint } from '../src/engine';

export interface SyntheticInstance {
  municipalities: MunicipalityInput[];
  demand: DemandPoint[];
  existing: SitePoint[];
  travelMinutes: (km: number) => number;
}

/** Straight-line km → minutes: 1.3 detour factor at 70 km/h plus 5 minutes. */
export const syntheticTravelMinutes = (km: number): number => 5 + (km * 1.3 * 60) / 70;

function axis(t: number, rng: { next(): number; normal(): number }): [number, number] {
  const lat = 58 + 13 * t + rng.normal() * 0.15;
  const lon = t < 0.35 ? 5 + rng.next() * 7 : 10 + (20 * (t - 0.35)) / 0.65 + rng.normal() * 1.2;
  return [lon, lat];
}

/**
 * @param nMunicipalities default 357; @param demandPerMunicipality default 8 (~2,900 points);
 * @param nExisting default 218; @param seed default 2022; @param withAnswers default true
 */
export function syntheticNorway(
  { nMunicipalities = 357, demandPerMunicipality = 8, nExisting = 218, seed = 2022, withAnswers = true } = {},
): SyntheticInstance {
  const rng = createRng(seed);
  const municipalities: MunicipalityInput[] = [];
  const demand: DemandPoint[] = [];
  for (let i = 0; i < nMunicipalities; i++) {
    const t = i / nMunicipalities;
    const centre = axis(t, rng);
    const population = Math.round(Math.exp(8.3 + 1.2 * rng.normal())) + 200;
    const maybe = (v: number): number | null => (rng.next() < 0.04 ? null : v);
    const wish = rng.next();
    municipalities.push({
      kommunenummer: String(1000 + i).padStart(4, '0'), name: `Kommune ${i}`, policeDistrict: `District ${1 + Math.floor(t * 12)}`,
      population, centre,
      crimePer1000: maybe(30 + 15 * rng.normal()), violencePer1000: maybe(5 + 2 * rng.normal()),
      crimeTrendPer1000: maybe(rng.normal()), driveMinMean: maybe(10 + 40 * rng.next() ** 2), residentsBeyond45: Math.round(population * rng.next() ** 4),
      answer: withAnswers
        ? {
            wantsStation: wish < 0.35 ? 'yes' : wish < 0.9 ? 'no' : null,
            premises: rng.next() < 0.5 ? 'none' : rng.next() < 0.5 ? 'offered' : 'colocated',
            satisfied: rng.next() < 0.4 ? 'no' : rng.next() < 0.5 ? 'partly' : 'yes',
          }
        : null,
    });
    for (let d = 0; d < demandPerMunicipality; d++) {
      demand.push({ id: `${i}-${d}`, lon: centre[0] + rng.normal() * 0.3, lat: centre[1] + rng.normal() * 0.12, weight: Math.round(population / demandPerMunicipality) });
    }
  }
  const existing: SitePoint[] = [];
  for (let s = 0; s < nExisting; s++) {
    const m = municipalities[Math.floor(rng.next() * municipalities.length)];
    existing.push({ id: `S${s}`, lon: m.centre[0] + rng.normal() * 0.05, lat: m.centre[1] + rng.normal() * 0.02 });
  }
  return { municipalities, demand, existing, travelMinutes: syntheticTravelMinutes };
}
