import { openDatabase, defaultDbPath, type Db } from '../db/connection';
import { ensureDataset } from '../db/load-dataset';
import { stringFlag, type ParsedArgs } from './args';

/**
 * Opens the database named by `--db PATH` (else `STEDSVALG_DB`, else var/stedsvalg.db) and makes
 * sure the reference data from data/ is loaded, exactly as `npm start` does.
 */
export function openCliDatabase(parsed: ParsedArgs): Db {
  const file = stringFlag(parsed, 'db') ?? process.env.STEDSVALG_DB ?? defaultDbPath;
  const db = openDatabase(file);
  ensureDataset(db);
  return db;
}
