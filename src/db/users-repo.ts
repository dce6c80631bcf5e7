import type { Db } from './connection';
import { recordAudit } from './audit-repo';
import { statements } from './statements';

import type { Role } from '../model/roles';

export { ROLES, type Role } from '../model/roles';

/** A user as the app sees it (never with the password hash). */
export interface User {
  id: number;
  name: string;
  role: Role;
  /** The police district a `district` user is bound to; null for other roles. */
  district: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

interface UserRow {
  id: number; name: string; role: Role; district: string | null; password_hash: string; disabled: number; created_at: string; updated_at: string;
}

/** The statements of the users table, prepared once per connection (`getUser` runs on every signed-in request). */
const sql = statements({
  count: 'SELECT count(*) AS n FROM users',
  list: 'SELECT * FROM users ORDER BY name',
  byId: 'SELECT * FROM users WHERE id = @id',
  byName: 'SELECT * FROM users WHERE name = @name',
  insert: `INSERT INTO users (name, role, district, password_hash, created_at, updated_at)
           VALUES (@name, @role, @district, @passwordHash, @now, @now)`,
  update: 'UPDATE users SET role = @role, district = @district, disabled = @disabled, updated_at = @now WHERE id = @id',
  endSessions: 'DELETE FROM sessions WHERE user_id = @id',
  setPassword: 'UPDATE users SET password_hash = @passwordHash, updated_at = @now WHERE id = @id',
  endOtherSessions: 'DELETE FROM sessions WHERE user_id = @id AND id_hash IS NOT @keep',
});

const toUser = (r: UserRow): User => ({
  id: r.id, name: r.name, role: r.role, district: r.district, disabled: r.disabled === 1, createdAt: r.created_at, updatedAt: r.updated_at,
});

export function countUsers(db: Db): number {
  return (sql(db).count.get() as { n: number }).n;
}

export function listUsers(db: Db): User[] {
  return (sql(db).list.all() as UserRow[]).map(toUser);
}

export function getUser(db: Db, id: number): User | null {
  const r = sql(db).byId.get({ id }) as UserRow | undefined;
  return r ? toUser(r) : null;
}

/** A user and their password hash, by name (case-insensitive), for sign-in. */
export function findUserForLogin(db: Db, name: string): { user: User; passwordHash: string } | null {
  const r = sql(db).byName.get({ name }) as UserRow | undefined;
  return r ? { user: toUser(r), passwordHash: r.password_hash } : null;
}

export interface NewUser {
  name: string;
  role: Role;
  district: string | null;
  passwordHash: string;
}

/**
 * Creates a user and records it in the audit log (one transaction).
 * @throws Error when the name is taken
 */
export function createUser(db: Db, u: NewUser, actor: string, now: string): User {
  return db.transaction(() => {
    if (findUserForLogin(db, u.name)) throw new Error(`a user named "${u.name}" already exists`);
    const id = Number(
      sql(db).insert.run({ name: u.name, role: u.role, district: u.district, passwordHash: u.passwordHash, now }).lastInsertRowid,
    );
    const user = getUser(db, id)!;
    recordAudit(db, { at: now, actor, action: 'create', entity: 'user', entityId: String(id), after: user });
    return user;
  })();
}

/** Changes role/district/disabled of a user, audited; returns the updated user or null. */
export function updateUser(db: Db, id: number, patch: Partial<Pick<User, 'role' | 'district' | 'disabled'>>, actor: string, now: string): User | null {
  return db.transaction(() => {
    const before = getUser(db, id);
    if (!before) return null;
    const next = { ...before, ...patch };
    sql(db).update.run({ role: next.role, district: next.role === 'district' ? next.district : null, disabled: next.disabled ? 1 : 0, now, id });
    if (next.disabled) sql(db).endSessions.run({ id });
    const after = getUser(db, id)!;
    recordAudit(db, { at: now, actor, action: 'update', entity: 'user', entityId: String(id), before, after });
    return after;
  })();
}

/** Replaces a user's password hash, ends their other sessions, audited (without the hashes). */
export function setPasswordHash(db: Db, id: number, passwordHash: string, actor: string, now: string, keepSessionHash?: string): void {
  db.transaction(() => {
    sql(db).setPassword.run({ passwordHash, now, id });
    sql(db).endOtherSessions.run({ id, keep: keepSessionHash ?? null });
    recordAudit(db, { at: now, actor, action: 'password-change', entity: 'user', entityId: String(id) });
  })();
}
