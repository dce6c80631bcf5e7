/**
 * Writes ILLUSTRATIVE sample answers for all municipalities to data/samples/svar-eksempel.csv
 * (semicolon CSV, UTF-8 with BOM, the import template's columns). Deterministic: the same data and
 * seed give a byte-identical file. Usage: npx ts-node --transpile-only scripts/generate-samples.ts [--seed N]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { readDataset } from '../src/data/dataset';
import { answersToCsv } from '../src/import/responses-write';
import { defaultSampleOptions, generateSampleAnswers, type SampleMunicipality } from '../src/samples';

function main(argv: readonly string[]): void {
  const seedIndex = argv.indexOf('--seed');
  const seed = seedIndex >= 0 ? Number(argv[seedIndex + 1]) : defaultSampleOptions.seed;
  if (!Number.isFinite(seed)) throw new Error('--seed must be a number');
  const data = readDataset();
  const share = new Map(data.indicators.map((r) => [r.kommunenummer, r.share_beyond_45]));
  const municipalities: SampleMunicipality[] = data.municipalities.map((m) => ({
    kommunenummer: m.kommunenummer,
    name: m.name,
    adminCentre: m.admin_centre,
    population: m.population,
    centre: { lon: m.centre_lon, lat: m.centre_lat },
    shareBeyond45: share.get(m.kommunenummer) ?? null,
  }));
  const boundaries = new Map<string, Polygon | MultiPolygon>();
  for (const [knr, text] of data.boundaries) boundaries.set(knr, JSON.parse(text) as Polygon | MultiPolygon);
  const answers = generateSampleAnswers(municipalities, boundaries, { seed });
  const names = new Map(municipalities.map((m) => [m.kommunenummer, m.name]));
  const dir = path.resolve(__dirname, '..', 'data', 'samples');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'svar-eksempel.csv');
  fs.writeFileSync(file, answersToCsv(answers, (k) => names.get(k) ?? ''), 'utf8');
  const wants = answers.filter((a) => a.q5.wantsStation === 'yes').length;
  const premises = answers.reduce((n, a) => n + a.q5.premises.length, 0);
  console.log(`Wrote ${answers.length} sample answers (seed ${seed}; ${wants} want a station, ${premises} premises) to ${path.relative(process.cwd(), file)}`);
}

main(process.argv.slice(2));
