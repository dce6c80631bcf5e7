/**
 * Statements are prepared once per connection: the session lookup that runs on every request, and
 * the token lookup, prepare nothing after their first use; two connections do not share statements.
 */
import { openDatabase, type Db } from '../../src/db/connection';
import { statements, stmt } from '../../src/db/statements';
import { createUser } from '../../src/db/users-repo';
import { createApiToken, createSession, findSession, findTokenUser } from '../../src/auth/sessions';

function countPrepares(db: Db): { count: () => number } {
  let n = 0;
  const prepare = db.prepare.bind(db);
  (db as { prepare: Db['prepare'] }).prepare = ((sql: string) => {
    n += 1;
    return prepare(sql);
  }) as Db['prepare'];
  return { count: () => n };
}

describe('prepared statements', () => {
  it('the session and token lookups prepare nothing after their first request', () => {
    const db = openDatabase(':memory:');
    const now = Date.parse('2026-01-01T10:00:00Z');
    const user = createUser(db, { name: 'kari', role: 'planner', district: null, passwordHash: 'x' }, 'test', new Date(now).toISOString());
    const { cookie } = createSession(db, user, now);
    const { token } = createApiToken(db, user, 'ci', 'test', new Date(now).toISOString());
    const prepares = countPrepares(db);
    expect(findSession(db, cookie, now + 1000)?.user.name).toBe('kari');
    expect(findTokenUser(db, token, new Date(now).toISOString())?.name).toBe('kari');
    const afterFirst = prepares.count();
    for (let i = 0; i < 20; i++) {
      expect(findSession(db, cookie, now + 2000 + i)?.user.name).toBe('kari');
      expect(findTokenUser(db, token, new Date(now + i).toISOString())?.name).toBe('kari');
    }
    expect(prepares.count()).toBe(afterFirst);
    db.close();
  });

  it('keeps one set of statements per connection, bound by name', () => {
    const a = openDatabase(':memory:');
    const b = openDatabase(':memory:');
    const sql = statements({ one: 'SELECT @x + 1 AS y' });
    expect(sql(a).one).toBe(sql(a).one);
    expect(sql(a).one).not.toBe(sql(b).one);
    expect(sql(a).one.get({ x: 41 })).toEqual({ y: 42 });
    expect(stmt(a, 'SELECT 1')).toBe(stmt(a, 'SELECT 1'));
    a.close();
    b.close();
  });
});
