/**
 * The one-time setup link of a new installation: while no user exists, `npm start` prints a link
 * whose token (stored only as its SHA-256 hash) lets the first person create the first admin. The
 * link expires after 24 hours and stops working once any user exists.
 */
import type { Db } from '../db/connection';
import { statements } from '../db/statements';
import { countUsers } from '../db/users-repo';
import { hashSecret, newSecret } from './passwords';

/** Validity of the one-time setup link printed on first start. */
export const SETUP_TTL_MS = 24 * 3600 * 1000;

const sql = statements({
  clear: 'DELETE FROM setup_tokens',
  insert: 'INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (@hash, @createdAt, @expiresAt)',
  find: 'SELECT expires_at FROM setup_tokens WHERE token_hash = @hash',
});

/**
 * Creates a one-time setup link token when no user exists yet (printed by `npm start`).
 * @returns the token, or null when users already exist
 */
export function createSetupToken(db: Db, nowMs: number): string | null {
  if (countUsers(db) > 0) return null;
  const { token, hash } = newSecret();
  sql(db).clear.run();
  sql(db).insert.run({ hash, createdAt: new Date(nowMs).toISOString(), expiresAt: new Date(nowMs + SETUP_TTL_MS).toISOString() });
  return token;
}

/** Whether a setup token is known, unexpired, and no user exists yet. */
export function setupTokenValid(db: Db, token: string, nowMs: number): boolean {
  const row = sql(db).find.get({ hash: hashSecret(token) }) as { expires_at: string } | undefined;
  return !!row && Date.parse(row.expires_at) > nowMs && countUsers(db) === 0;
}

/** Spends the setup link (after the first admin is created). */
export function clearSetupTokens(db: Db): void {
  sql(db).clear.run();
}
