import { setSampler, type SampleSite } from '../../src/engine/robust-sets';
import { createRng } from '../../src/engine/random';
import type { SelectionOptions } from '../../src/engine/selection';

/** 40 municipalities in 4 districts, 1–3 sites each; every fifth municipality not eligible. */
function instance() {
  const nM = 40;
  const districts = Array.from({ length: nM }, (_, i) => `D${i % 4}`);
  const eligible = Uint8Array.from({ length: nM }, (_, i) => (i % 5 === 4 ? 0 : 1));
  const sites: SampleSite[] = [];
  for (let i = 0; i < nM; i++) for (let s = 0; s <= i % 3; s++) sites.push({ id: `${String(i).padStart(4, '0')}-${s}`, kommunenummer: String(i).padStart(4, '0'), municipality: i });
  return { nM, districts, eligible, sites };
}

const rankedBy = (scores: Float64Array): Int32Array => Int32Array.from(Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]));

describe('set samples for the score objective', () => {
  const { nM, districts, eligible, sites } = instance();
  const rules: Partial<SelectionOptions>[] = [
    { objective: 'score' },
    { objective: 'score', maxPerGroup: 2 },
    { objective: 'score', districtMax: { D0: 1, D2: 2 } },
    { objective: 'score', maxPerGroup: 3, districtMax: { D1: 0 }, exclude: ['0003'] },
    { objective: 'score', districtMin: { D3: 4 } },
  ];

  test.each(rules.map((r, i) => [i, r] as const))('When the set is read off the ranking (rules %i), then it is the set the general greedy chooses', (_, selection) => {
    const sampler = setSampler(sites, eligible, districts, 8, selection, undefined, null, null);
    const rng = createRng(5);
    const scores = new Float64Array(nM);
    for (let k = 0; k < 200; k++) {
      for (let i = 0; i < nM; i++) scores[i] = 100 * rng.next();
      // Some samples with near-ties (within 1e-9, where the id decides) and exact ties between municipalities.
      if (k % 4 === 1) scores[7] = scores[3] + 1e-10;
      if (k % 4 === 2) scores[11] = scores[2];
      const general = sampler.choose(scores, null, false);
      const walked = sampler.choose(scores, null, false, rankedBy(scores));
      expect(walked).toHaveLength(8);
      expect([...walked].sort((a, b) => a - b)).toEqual([...general].sort((a, b) => a - b));
    }
  });
});
