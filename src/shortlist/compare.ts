/**
 * Comparing a shortlist's frozen snapshot with the same scenario recomputed on today's data (pure).
 * The shortlist keeps showing the snapshot's figures; this lists what would differ today.
 */
import { INDICATOR_KEYS, type ShortlistSnapshot } from '../model/shortlist';

/** One figure that differs between the snapshot and today. */
export interface FigureChange {
  kommunenummer: string;
  name: string;
  /** `score`, `rank`, `eligible`, `value.<criterion>`, `indicator.<key>`, `site`, `answer`, `advice`. */
  field: string;
  then: string | number | boolean | null;
  now: string | number | boolean | null;
}

/** What differs between a snapshot and today. */
export interface SnapshotComparison {
  identical: boolean;
  dataChanged: boolean;
  answersChanged: boolean;
  assessmentsChanged: boolean;
  inputHashThen: string;
  inputHashNow: string;
  changes: FigureChange[];
}

/** Options for `compareSnapshots`. */
export interface CompareOptions {
  /** Numbers closer than this count as equal (default 1e-9). */
  tolerance: number;
}
export const defaultCompareOptions: CompareOptions = { tolerance: 1e-9 };

function differs(a: unknown, b: unknown, tol: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) > tol;
  return a !== b;
}

/**
 * Lists what differs between `then` (the stored snapshot) and `now` (a snapshot of the same
 * candidates and parameters on current data). Candidates missing from `now` are reported as `site`.
 */
export function compareSnapshots(then: ShortlistSnapshot, now: ShortlistSnapshot, options: Partial<CompareOptions> = {}): SnapshotComparison {
  const { tolerance } = { ...defaultCompareOptions, ...options };
  // A district's assessment changes the figures only when its criterion has weight; otherwise a new
  // assessment is news (\`assessmentsChanged\`), not a reason to call the shortlist out of date.
  const adviceMatters = (then.params.weights.districtAdvice ?? 0) > 0;
  const current = new Map(now.candidates.map((c) => [c.kommunenummer, c]));
  const changes: FigureChange[] = [];
  for (const a of then.candidates) {
    const b = current.get(a.kommunenummer);
    const add = (field: string, x: FigureChange['then'], y: FigureChange['now']) => {
      if (differs(x, y, tolerance)) changes.push({ kommunenummer: a.kommunenummer, name: a.name, field, then: x, now: y });
    };
    if (!b) {
      add('candidate', true, false);
      continue;
    }
    add('score', a.score, b.score);
    add('rank', a.rank, b.rank);
    add('eligible', a.eligible, b.eligible);
    for (const key of Object.keys(a.values)) if (key !== 'districtAdvice' || adviceMatters) add(`value.${key}`, a.values[key] ?? null, b.values[key] ?? null);
    for (const key of INDICATOR_KEYS) add(`indicator.${key}`, a.indicators[key], b.indicators[key]);
    add('site', `${a.site.kind} ${a.site.lon},${a.site.lat}`, `${b.site.kind} ${b.site.lon},${b.site.lat}`);
    add('answer', a.answer ? JSON.stringify(a.answer.content) : null, b.answer ? JSON.stringify(b.answer.content) : null);
    if (adviceMatters) add('advice', a.districtAdvice, b.districtAdvice);
  }
  const dataChanged = then.data.hash !== now.data.hash;
  const answersChanged = then.answers.revision !== now.answers.revision;
  const assessmentsChanged = then.assessmentsRevision !== now.assessmentsRevision;
  return {
    identical: changes.length === 0 && !dataChanged && !answersChanged,
    dataChanged, answersChanged, assessmentsChanged,
    inputHashThen: then.inputHash, inputHashNow: now.inputHash, changes,
  };
}
