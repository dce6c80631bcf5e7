/**
 * Sign-in throttling: after `maxFailures` failed attempts for the same key within `windowMs`,
 * further attempts are refused until the window has passed. The account name and the client
 * address are separate keys with separate limits: 5 per account (guessing one password), 30 per
 * address (many offices share one outgoing address, so a few typos must not lock a whole
 * ministry out). Failures are stored in SQLite so restarts don't reset the count.
 */
import type { Db } from '../db/connection';

export const throttleDefaults = { maxFailures: 5, windowMs: 15 * 60 * 1000 };
/** The limit for a client address (see the file comment). */
export const addressThrottle = { maxFailures: 30, windowMs: 15 * 60 * 1000 };

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function retryAfterMs(db: Db, key: string, nowMs: number, opts = throttleDefaults): number {
  const since = nowMs - opts.windowMs;
  db.prepare('DELETE FROM login_failures WHERE at_ms < ?').run(since);
  const rows = db.prepare('SELECT at_ms FROM login_failures WHERE key = ? ORDER BY at_ms').all(key) as { at_ms: number }[];
  if (rows.length < opts.maxFailures) return 0;
  return rows[rows.length - opts.maxFailures].at_ms + opts.windowMs - nowMs;
}

export function recordFailure(db: Db, key: string, nowMs: number): void {
  db.prepare('INSERT INTO login_failures (key, at_ms) VALUES (?, ?)').run(key, nowMs);
}

export function clearFailures(db: Db, key: string): void {
  db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
}
