import type Database from 'better-sqlite3';
import { foundation } from './001-foundation';
import { responses } from './002-responses';
import { scenarios } from './003-scenarios';
import { shortlists } from './004-shortlists';
import { auth } from './005-auth';
import { letters } from './006-letters';
import { travel } from './007-travel';
import { proposals } from './008-proposals';
import { auditNotes } from './009-audit-notes';
import { historyNotes } from './010-history-notes';

/** One schema step. Append-only: never edit a migration that has shipped; add a new one. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

/** All migrations in order; `version` must equal the position + 1. */
export const migrations: readonly Migration[] = [foundation, responses, scenarios, shortlists, auth, letters, travel, proposals, auditNotes, historyNotes];

/**
 * Brings the schema up to the newest migration, each step in its own transaction, tracked with
 * `PRAGMA user_version` (the pattern better-sqlite3's docs describe).
 * @throws Error when the database's version is newer than this code knows (refuses to downgrade)
 */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = list.length;
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  if (from > latest) {
    throw new Error(`database schema version ${from} is newer than this code (${latest}); upgrade Stedsvalg`);
  }
  for (const m of list.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest };
}
