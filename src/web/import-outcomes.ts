/**
 * Post/redirect/get for the import page: the outcome of a POST is kept until the GET that shows it,
 * so a reload shows it again instead of sending the file a second time.
 */
import { randomUUID } from 'node:crypto';
import type { ImportReport } from '../import/responses-import';

/** What an import through the page came to: its report, or the error that stopped it. */
export interface ImportOutcome {
  report: ImportReport | null;
  status: number;
  errorText: string;
}

/**
 * The outcomes of page imports between the POST and the GET that shows them (post/redirect/get):
 * in memory, per user, for 30 minutes; an id is random, so it cannot be guessed.
 */
export const importOutcomes = (() => {
  const kept = new Map<string, { outcome: ImportOutcome; userId: number | undefined; at: number }>();
  const ttlMs = 30 * 60 * 1000;
  return {
    put(outcome: ImportOutcome, userId: number | undefined): string {
      const now = Date.now();
      for (const [k, v] of kept) if (now - v.at > ttlMs) kept.delete(k);
      const id = randomUUID();
      kept.set(id, { outcome, userId, at: now });
      return id;
    },
    take(id: string, userId: number | undefined): ImportOutcome | null {
      const v = kept.get(id);
      return v && v.userId === userId && Date.now() - v.at <= ttlMs ? v.outcome : null;
    },
  };
})();
