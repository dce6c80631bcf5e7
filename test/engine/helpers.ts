/** Seeded small instances for the engine tests. */
import { createRng, type MunicipalityInput } from '../../src/engine';

/** n small municipalities with seeded indicators; answers when `withAnswers`. */
export function smallMunicipalities(n: number, seed: number, withAnswers = false): MunicipalityInput[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    kommunenummer: String(3000 + i),
    name: `K${i}`,
    policeDistrict: `D${i % 3}`,
    population: 1000 + Math.floor(rng.next() * 50000),
    centre: [10 + rng.next() * 5, 60 + rng.next() * 5] as const,
    crimePer1000: rng.next() < 0.1 ? null : 20 + rng.next() * 40,
    violencePer1000: 2 + rng.next() * 8,
    crimeTrendPer1000: rng.normal(),
    driveMinMean: 5 + rng.next() * 60,
    residentsBeyond45: Math.floor(rng.next() * 3000),
    answer: withAnswers
      ? { wantsStation: rng.next() < 0.6 ? 'yes' : 'no', premises: rng.next() < 0.5 ? 'offered' : 'none', satisfied: rng.next() < 0.5 ? 'no' : 'yes' }
      : null,
  }));
}
