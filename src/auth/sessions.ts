/**
 * Server-side sessions stored in SQLite: the cookie carries a random id, the table holds only its
 * SHA-256 hash, a per-session CSRF token (synchronizer token pattern, OWASP CSRF Prevention Cheat
 * Sheet) and an expiry. API tokens are stored the same way (hash only) and shown once.
 */
import type { Db } from '../db/connection';
import { getUser, type User } from '../db/users-repo';
import { recordAudit } from '../db/audit-repo';
import { statements } from '../db/statements';
import { hashSecret, newSecret } from './passwords';

/** The statements of sessions and tokens, prepared once per connection (the session lookup runs on every request). */
const sql = statements({
  insertSession: `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)
                  VALUES (@idHash, @userId, @csrfToken, @createdAt, @expiresAt)`,
  findSession: 'SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = @idHash',
  deleteSession: 'DELETE FROM sessions WHERE id_hash = @idHash',
  insertToken: 'INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES (@userId, @hash, @label, @now)',
  revokeToken: 'UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL',
  listTokens: `SELECT t.id, u.name AS user, t.label, t.created_at AS createdAt, t.revoked_at AS revokedAt, t.last_used_at AS lastUsedAt
               FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id`,
  findToken: 'SELECT id, user_id FROM api_tokens WHERE token_hash = @hash AND revoked_at IS NULL',
  touchToken: 'UPDATE api_tokens SET last_used_at = @now WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @minuteAgo)',
});

/** Session lifetime: 12 hours. */
export const SESSION_TTL_MS = 12 * 3600 * 1000;

export interface Session {
  idHash: string;
  user: User;
  csrfToken: string;
  expiresAt: string;
}

/** Starts a session; returns the cookie value (shown once) and the session. */
export function createSession(db: Db, user: User, nowMs: number): { cookie: string; session: Session } {
  const { token, hash } = newSecret();
  const csrfToken = newSecret(24).token;
  const expiresAt = new Date(nowMs + SESSION_TTL_MS).toISOString();
  sql(db).insertSession.run({ idHash: hash, userId: user.id, csrfToken, createdAt: new Date(nowMs).toISOString(), expiresAt });
  return { cookie: token, session: { idHash: hash, user, csrfToken, expiresAt } };
}

/** The live session for a cookie value, or null (unknown, expired, or user disabled). */
export function findSession(db: Db, cookie: string, nowMs: number): Session | null {
  const idHash = hashSecret(cookie);
  const row = sql(db).findSession.get({ idHash }) as
    | { user_id: number; csrf_token: string; expires_at: string }
    | undefined;
  if (!row) return null;
  if (Date.parse(row.expires_at) <= nowMs) {
    sql(db).deleteSession.run({ idHash });
    return null;
  }
  const user = getUser(db, row.user_id);
  if (!user || user.disabled) return null;
  return { idHash, user, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/** Ends a session. */
export function deleteSession(db: Db, idHash: string): void {
  sql(db).deleteSession.run({ idHash });
}

/** Creates an API token for a user, audited; returns the token (shown once; only its hash is stored). */
export function createApiToken(db: Db, user: User, label: string, actor: string, now: string): { id: number; token: string } {
  const { token, hash } = newSecret();
  return db.transaction(() => {
    const id = Number(
      sql(db).insertToken.run({ userId: user.id, hash, label, now }).lastInsertRowid,
    );
    recordAudit(db, { at: now, actor, action: 'create', entity: 'token', entityId: String(id), after: { user: user.name, label } });
    return { id, token: `sv_${token}` };
  })();
}

/** Revokes a token by id, audited with the token as it was before and after; false when it does not exist or is already revoked. */
export function revokeApiToken(db: Db, id: number, actor: string, now: string): boolean {
  return db.transaction(() => {
    const before = listApiTokens(db).find((t) => t.id === id);
    const changed = sql(db).revokeToken.run({ now, id }).changes > 0;
    if (changed && before) {
      const { user, label, createdAt, revokedAt } = before;
      recordAudit(db, { at: now, actor, action: 'revoke', entity: 'token', entityId: String(id), before: { user, label, createdAt, revokedAt }, after: { user, label, createdAt, revokedAt: now } });
    }
    return changed;
  })();
}

/** Lists tokens (never the secret). */
export function listApiTokens(db: Db): { id: number; user: string; label: string; createdAt: string; revokedAt: string | null; lastUsedAt: string | null }[] {
  return sql(db).listTokens.all() as { id: number; user: string; label: string; createdAt: string; revokedAt: string | null; lastUsedAt: string | null }[];
}

/** The user behind a bearer token, or null when unknown or revoked. Records last use (at most once a minute). */
export function findTokenUser(db: Db, token: string, now: string): User | null {
  const secret = token.startsWith('sv_') ? token.slice(3) : token;
  const row = sql(db).findToken.get({ hash: hashSecret(secret) }) as
    | { id: number; user_id: number }
    | undefined;
  if (!row) return null;
  const user = getUser(db, row.user_id);
  if (!user || user.disabled) return null;
  // Last use to the minute: a burst of API calls (or a bad request) writes at most once a minute.
  const minuteAgo = new Date(Date.parse(now) - 60_000).toISOString();
  sql(db).touchToken.run({ now, id: row.id, minuteAgo });
  return user;
}
