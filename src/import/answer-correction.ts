/**
 * Correcting one municipality's answer by hand: the form's fields are checked by the same rules as an
 * import row (`validateRecord`), and a changed answer is stored as a new version with the note
 * (the replaced version goes to the history, audited by the repository). The outcome is a value:
 * `invalid` with the problems, `unchanged`, or `saved` with the new version; the shell decides how
 * to answer each.
 */
import type { Db } from '../db/connection';
import { contentOf, getResponse, saveResponse } from '../db/responses-repo';
import { MANUAL_SOURCE, contentKey } from '../model/answers';
import { referenceFromDb } from './responses-import';
import { validateRecord, type Problem } from './responses-validate';

export type CorrectionOutcome =
  | { status: 'invalid'; problems: Problem[] }
  | { status: 'unchanged' }
  | { status: 'saved'; version: number };

/**
 * Checks and stores a correction.
 * @param values the answer row's fields as strings (`kommunenummer` is set from `knr`)
 * @param note why the answer was changed (kept with the version)
 */
export function correctAnswer(db: Db, knr: string, values: Record<string, string>, note: string, by: string, now: string): CorrectionOutcome {
  const problems: Problem[] = [];
  const content = validateRecord(0, { ...values, kommunenummer: knr, kommunenavn: '' }, referenceFromDb(db), problems);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!content || errors.length > 0) return { status: 'invalid', problems: errors };
  const current = getResponse(db, knr);
  if (current && contentKey(contentOf(current)) === contentKey(content)) return { status: 'unchanged' };
  const version = saveResponse(
    db, content,
    { source: MANUAL_SOURCE, isSample: current?.sample ?? false, importId: null, changedBy: by, changedAt: now },
    'correction', note,
  );
  return { status: 'saved', version };
}
