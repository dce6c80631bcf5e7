/**
 * Golden fixtures for the engine: each input in `test/fixtures/in/engine/` is ranked and the result is
 * compared with the stored output in `test/fixtures/out/engine/` (numbers rounded to 9 decimals, so
 * the files read well and a last-bit difference of a platform does not count). A change to the engine
 * that moves any score, rank or contribution shows here as a diff.
 *
 * After a deliberate change, regenerate and review the diff: `REGEN=1 npx jest test/engine/golden`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rankMatrix, rankMunicipalities, type MunicipalityInput, type RankOptions } from '../../src/engine';
import type { AggregationMethod } from '../../src/engine';
import type { DecisionMatrix, Normalization } from '../../src/engine';

const inDir = path.resolve(__dirname, '../fixtures/in/engine');
const outDir = path.resolve(__dirname, '../fixtures/out/engine');
const regen = process.env.REGEN === '1';

type Fixture =
  | { kind: 'ranking'; municipalities: MunicipalityInput[]; options: RankOptions }
  | {
      kind: 'matrix';
      ids: string[];
      criteria: DecisionMatrix['criteria'];
      /** Row-major values; null is a missing value. */
      values: (number | null)[];
      weights: number[];
      options: { method?: AggregationMethod; normalization?: Normalization };
    };

/** Rounds every number to 9 decimals (and -0 to 0) so the stored files are stable and readable. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 1e9) / 1e9 + 0 : String(value);
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

function run(f: Fixture): unknown {
  if (f.kind === 'ranking') return rankMunicipalities(f.municipalities, f.options);
  const matrix: DecisionMatrix = { ids: f.ids, criteria: f.criteria, values: Float64Array.from(f.values, (v) => (v === null ? NaN : v)) };
  return rankMatrix(matrix, f.weights, f.options);
}

const cases = fs.readdirSync(inDir).filter((f) => f.endsWith('.json')).sort();

describe('engine golden fixtures', () => {
  it('has inputs to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('%s gives the stored result', (file) => {
    const fixture = JSON.parse(fs.readFileSync(path.join(inDir, file), 'utf8')) as Fixture;
    const actual = rounded(run(fixture));
    const outFile = path.join(outDir, file);
    if (regen) fs.writeFileSync(outFile, JSON.stringify(actual, null, 1) + '\n');
    expect(fs.existsSync(outFile)).toBe(true);
    expect(actual).toEqual(JSON.parse(fs.readFileSync(outFile, 'utf8')));
  });
});
