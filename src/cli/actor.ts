import os from 'node:os';
import type { Db } from '../db/connection';
import { findUserForLogin } from '../db/users-repo';
import { CliUsageError } from './types';

/**
 * Who a change made on the command line is recorded against (history, audit log). One convention
 * (README "Accounts, roles and audit"): `cli:<OS user name>`, the person at the terminal; or, with
 * `--by NAME`, an existing, enabled account (for a planner importing on someone's behalf). A name
 * that is no account is refused, so the log never holds an invented actor.
 * @throws CliUsageError when `--by` names no enabled account
 */
export function cliActor(db: Db, by?: string): string {
  if (by === undefined) return `cli:${osUser()}`;
  const found = findUserForLogin(db, by.trim());
  if (!found || found.user.disabled) throw new CliUsageError(`--by must name an existing, enabled account; "${by}" is not one (see stedsvalg user list)`);
  return found.user.name;
}

function osUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
