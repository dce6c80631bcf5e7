/** Public surface of `src/samples`: the seeded sample-answer generator and loading the shipped sample file. */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { importResponses, type ImportReport } from '../import/responses-import';
import type { Locale } from '../common/i18n';

export { defaultSampleOptions, generateSampleAnswers, sampleMark, sitePoint } from './generate';
export type { SampleMunicipality, SampleOptions } from './generate';

/** The committed sample answers (written by `scripts/generate-samples.ts`). */
export const defaultSampleFile = path.resolve(__dirname, '..', '..', 'data', 'samples', 'svar-eksempel.csv');

/**
 * Loads the shipped sample answers through the ordinary import (validated, all or nothing), marked as
 * sample data.
 * @throws SampleConflictError when real answers are loaded
 * @throws Error when the sample file is missing (run the generator)
 */
export async function loadSampleAnswers(
  db: Db,
  opts: { by: string; now: string; locale?: Locale; file?: string },
): Promise<ImportReport> {
  const file = opts.file ?? defaultSampleFile;
  if (!fs.existsSync(file)) throw new Error(`sample answers file ${file} is missing; run: npx ts-node --transpile-only scripts/generate-samples.ts`);
  return importResponses(db, fs.readFileSync(file), { fileName: path.basename(file), dryRun: false, by: opts.by, now: opts.now, kind: 'sample', locale: opts.locale });
}
