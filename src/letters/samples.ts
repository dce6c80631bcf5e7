/**
 * The shipped sample letters (data/samples/brev, invented and marked "EKSEMPELBREV"): loaded through the ordinary
 * intake, flagged as samples, refused while real letters are stored. A real letter import replaces them.
 */
import { ConflictError } from '../common/errors';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { lettersStatus } from '../db/letters-repo';
import { intakeLetters, type IntakeReport } from './intake';

export const sampleLettersDir = path.resolve(__dirname, '..', '..', 'data', 'samples', 'brev');

/** Thrown when sample letters would be mixed with real ones. */
export class SampleLettersConflictError extends ConflictError {
  constructor(readonly realLetters: number) {
    super('real_letters_loaded', `${realLetters} real letters are stored; sample letters are only loaded when there are none`);
  }
}

/** Loads the sample letters (a no-op report when they are loaded already). @throws SampleLettersConflictError */
export async function loadSampleLetters(db: Db, opts: { by: string; now: string; dir?: string }): Promise<IntakeReport> {
  const status = lettersStatus(db);
  if (status.count > status.samples) throw new SampleLettersConflictError(status.count - status.samples);
  const dir = opts.dir ?? sampleLettersDir;
  const files = fs.readdirSync(dir).filter((n) => /\.(txt|pdf|docx)$/i.test(n)).sort().map((n) => ({ name: n, bytes: fs.readFileSync(path.join(dir, n)) }));
  return intakeLetters(db, files, { dryRun: false, by: opts.by, now: opts.now, channel: 'sample', sample: true });
}
