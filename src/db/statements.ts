/**
 * Prepared statements, prepared once per connection and reused (better-sqlite3's advice: preparing
 * parses and plans the SQL; running a prepared statement again costs only the binding).
 *
 * A repository declares its SQL once with `statements({ name: 'SQL', … })` and gets, per connection,
 * an object of prepared statements (`sql(db).findSession.get({ idHash })`); each is prepared the first
 * time it is used on that connection. Prefer named parameters (`@idHash`) bound from an object.
 * `stmt(db, sql)` is the same cache for a single SQL text.
 *
 * Only fixed SQL texts belong here: SQL built from a variable list (`IN (?, ?, …)`) is prepared where
 * it is built, or the cache would grow with every list length.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** The statement for a fixed SQL text on a connection, prepared on first use. */
export function stmt(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}

/** A repository's statements: declare the SQL texts once, get them prepared per connection. */
export function statements<K extends string>(sqls: Readonly<Record<K, string>>): (db: Db) => Readonly<Record<K, Statement>> {
  const made = new WeakMap<Db, Readonly<Record<K, Statement>>>();
  return (db) => {
    let set = made.get(db);
    if (!set) {
      const lazy = {} as Record<K, Statement>;
      for (const name of Object.keys(sqls) as K[]) {
        Object.defineProperty(lazy, name, { enumerable: true, get: () => stmt(db, sqls[name]) });
      }
      made.set(db, (set = Object.freeze(lazy)));
    }
    return set;
  };
}
