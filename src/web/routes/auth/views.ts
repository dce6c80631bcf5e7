/**
 * The view models of sign-in, setup, the account page, user administration and the audit log: what
 * each page template receives, built in one place so a handler only chooses the page and its status.
 */
import type { Response } from 'express';
import type { Db } from '../../../db/connection';
import { listApiTokens } from '../../../auth/sessions';
import { listUsers } from '../../../db/users-repo';
import { listPoliceDistricts } from '../../../db/municipalities-repo';
import type { AuditEntry } from '../../../db/audit-repo';
import { toCsv } from '../../../common/csv';
import { sayLocal } from '../../../common/errors';
import { neutraliseFormula } from '../../../export/csv';

/** Renders the sign-in page. */
export function renderLogin(res: Response, status: number, v: { next: string; preCsrf: string; name: string; error: string | null }): void {
  res.status(status).render('login', { title: res.locals.t('auth.signIn'), ...v });
}

/** Renders the first-run setup page. */
export function renderSetup(res: Response, status: number, v: { token: string; preCsrf: string; error: string | null }): void {
  res.status(status).render('setup', { title: res.locals.t('auth.setupTitle'), ...v });
}

/** Renders the account page (password change), with an error or a confirmation. */
export function renderAccount(res: Response, status: number, error: string | null, message: string | null): void {
  res.status(status).render('account', { title: res.locals.t('auth.account'), message, error });
}

/** Renders user administration: users, API tokens, the districts a district user may have. */
export function renderAdminUsers(db: Db, res: Response, status = 200, error: string | null = null): void {
  res.status(status).render('admin-users', {
    title: res.locals.t('admin.users'), users: listUsers(db), tokens: listApiTokens(db), districts: listPoliceDistricts(db).map((d) => d.name), error,
  });
}

/** The audit log as CSV (semicolon-separated, BOM for Excel; cells that look like formulas are neutralised). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const json = (v: unknown) => (v === null ? '' : JSON.stringify(v));
  const rows = [['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'note'],
    ...entries.map((e) => [e.id, e.at, e.actor, e.action, e.entity, e.entityId, json(e.before), json(e.after), [e.said ? sayLocal('en', e.said) : '', e.note].filter(Boolean).join(': ')]
      .map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)))];
  return '\ufeff' + toCsv(rows, ';');
}
