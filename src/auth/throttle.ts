/**
 * Sign-in throttling, stored in SQLite so restarts don't reset the count. Two keys per attempt:
 *
 * - the account name: the first `freeFailures` (5) failures within `windowMs` (1 hour) cost
 *   nothing; after that each failure locks the name for twice as long as the one before, starting
 *   at 30 seconds and capped at 15 minutes (progressive, so a person who mistypes is back in a
 *   minute, and someone who knows a name cannot lock its owner out for long with a few tries;
 *   guessing stays slow: at most about 100 guesses an hour after the first five).
 * - the client address: at most 30 failures in 15 minutes (many offices share one outgoing
 *   address, so a few typos must not lock a whole ministry out).
 * A successful sign-in clears the account's failures.
 */
import type { Db } from '../db/connection';
import { statements } from '../db/statements';

/** The statements of the failure log, prepared once per connection. */
const sql = statements({
  prune: 'DELETE FROM login_failures WHERE key = @key AND at_ms < @since',
  failures: 'SELECT at_ms FROM login_failures WHERE key = @key ORDER BY at_ms',
  insert: 'INSERT INTO login_failures (key, at_ms) VALUES (@key, @nowMs)',
  clear: 'DELETE FROM login_failures WHERE key = @key',
});

/** Progressive lock of one account name. */
export const accountThrottle = { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 15 * 60_000, windowMs: 60 * 60_000 };
/** The limit for a client address (see the file comment). */
export const addressThrottle = { maxFailures: 30, windowMs: 15 * 60 * 1000 };

function failures(db: Db, key: string, since: number): number[] {
  sql(db).prune.run({ key, since });
  return (sql(db).failures.all({ key }) as { at_ms: number }[]).map((r) => r.at_ms);
}

/** How long an account name is locked after `count` failures in the window: 0 for the first five, then 30 s, 1, 2, 4, 8, 15 min. */
export function accountLockMs(count: number, opts = accountThrottle): number {
  if (count < opts.freeFailures) return 0;
  return Math.min(opts.maxLockMs, opts.baseLockMs * 2 ** (count - opts.freeFailures));
}

/** Milliseconds until the account name may try again, or 0 when it may try now. */
export function accountRetryAfterMs(db: Db, key: string, nowMs: number, opts = accountThrottle): number {
  const rows = failures(db, key, nowMs - opts.windowMs);
  if (rows.length === 0) return 0;
  return Math.max(0, rows[rows.length - 1] + accountLockMs(rows.length, opts) - nowMs);
}

/** Milliseconds until the address may try again, or 0 when it may try now. */
export function addressRetryAfterMs(db: Db, key: string, nowMs: number, opts = addressThrottle): number {
  const rows = failures(db, key, nowMs - opts.windowMs);
  if (rows.length < opts.maxFailures) return 0;
  return rows[rows.length - opts.maxFailures] + opts.windowMs - nowMs;
}

export function recordFailure(db: Db, key: string, nowMs: number): void {
  sql(db).insert.run({ key, nowMs });
}

export function clearFailures(db: Db, key: string): void {
  sql(db).clear.run({ key });
}
