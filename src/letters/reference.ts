/**
 * Loads the reference data of letter analysis from the committed files in data/ (the thin shell around
 * `sender.ts`): municipalities.csv, gazetteer.csv and municipality-history.csv (see data/SOURCES.md). Read once
 * per process and cached; `letters suggest` uses it without opening the database.
 */
import { describeZodError } from '../common/errors';
import { kommunenummerField } from '../common/fields';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defaultDataDir } from '../data/dataset';
import { parseCsvRecords } from '../common/csv';
import { buildSenderIndex, type LetterReference, type SenderIndex } from './sender';

const municipalityRow = z.object({
  kommunenummer: kommunenummerField,
  name: z.string().min(1),
  county_name: z.string().min(1),
  police_district: z.string().min(1),
  centre_lon: z.coerce.number(),
  centre_lat: z.coerce.number(),
});
const gazetteerRow = z.object({
  name: z.string().min(1),
  kind: z.enum(['kommune', 'admin_centre', 'former_kommune', 'postal_place', 'postcode', 'web_domain']),
  kommunenummer: kommunenummerField,
});
const historyRow = z.object({
  code: kommunenummerField,
  name: z.string().min(1),
  county: z.string().min(1),
  period: z.enum(['before-2020', '2020-2023']),
  kommunenummer: kommunenummerField,
});

function readRows<S extends z.ZodTypeAny>(file: string, schema: S): z.output<S>[] {
  if (!fs.existsSync(file)) throw new Error(`letters: reference file ${file} is missing (run scripts/build-gazetteer.ts)`);
  return parseCsvRecords(fs.readFileSync(file, 'utf8'), { delimiter: ',' }).records.map((r) => {
    const parsed = schema.safeParse(r.values);
    if (!parsed.success) throw new Error(`${path.basename(file)} line ${r.line}: ${describeZodError(parsed.error)}`);
    return parsed.data;
  });
}

/** Reads the reference files of a data directory. @throws Error naming the file and line of a bad row */
export function readLetterReference(dir: string = defaultDataDir): LetterReference {
  return {
    municipalities: readRows(path.join(dir, 'municipalities.csv'), municipalityRow).map((m) => ({
      kommunenummer: m.kommunenummer, name: m.name, countyName: m.county_name, policeDistrict: m.police_district, lon: m.centre_lon, lat: m.centre_lat,
    })),
    gazetteer: readRows(path.join(dir, 'gazetteer.csv'), gazetteerRow),
    history: readRows(path.join(dir, 'municipality-history.csv'), historyRow),
  };
}

let cached: { dir: string; index: SenderIndex } | null = null;

/** The sender index of a data directory, built once per process. */
export function senderIndexFor(dir: string = defaultDataDir): SenderIndex {
  if (!cached || cached.dir !== dir) cached = { dir, index: buildSenderIndex(readLetterReference(dir)) };
  return cached.index;
}
