import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

/** Default database path, relative to the working directory; `STEDSVALG_DB` overrides it. */
export const defaultDbPath = 'var/stedsvalg.db';

/**
 * Opens (creating if needed) the SQLite database with the settings better-sqlite3's docs
 * recommend: WAL journal, foreign keys on. Applies pending migrations.
 * @param file a path, or `:memory:` for tests
 * @throws Error when the database was written by newer code (see `migrate`)
 */
export function openDatabase(file: string = process.env.STEDSVALG_DB || defaultDbPath): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
