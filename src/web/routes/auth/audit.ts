/** The audit log: a filtered page, JSON (`GET /api/audit`) and CSV (`GET /audit.csv`), all read with one query schema. */
import type { Request, RequestHandler } from 'express';
import type { Db } from '../../../db/connection';
import { listAudit, type AuditEntry } from '../../../db/audit-repo';
import { parse } from '../../validate';
import { auditQuery, type AuditQuery } from './schemas';
import { auditCsv } from './views';
import { auditChanges } from '../../audit-changes';
import type { Locale } from '../../../common/i18n';
import { describeTravelModel, travelModelLabel } from '../../../planning/travel-models';

/** A travel model's label for the log; a matrix since deleted keeps its stored reference. */
function travelModelNamer(db: Db, locale: Locale): (ref: string) => string {
  return (ref) => {
    try {
      return travelModelLabel(describeTravelModel(db, ref), locale);
    } catch {
      return ref;
    }
  };
}

/** One page of the filtered log (`limit` entries); a day as `to` includes the whole day. */
function readAudit(db: Db, req: Request, limit: number): { filter: AuditQuery; total: number; entries: AuditEntry[] } {
  const filter = parse(auditQuery, req.query);
  const { page, ...f } = filter;
  const to = f.to && f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to || undefined;
  const result = listAudit(db, {
    from: f.from || undefined, to, entity: f.entity || undefined, actor: f.actor || undefined, entityId: f.entityId || undefined,
    limit, offset: (page - 1) * limit,
  });
  return { filter, ...result };
}

export function auditPage(db: Db): RequestHandler {
  return (req, res) => {
    // `sayNote` (a stored message in the reader's language) is on res.locals for every view (`web/locale.ts`).
    const locale = res.locals.locale as Locale;
    const { entries, ...rest } = readAudit(db, req, 100);
    // each entry's changed fields in words (the raw before and after stay available under them)
    const namers = { travelModel: travelModelNamer(db, locale) };
    const shown = entries.map((e) => ({ ...e, changed: auditChanges(locale, e.before, e.after, namers) }));
    res.render('audit', { title: res.locals.t('audit.title'), ...rest, entries: shown, query: req.query });
  };
}

export function auditJson(db: Db): RequestHandler {
  return (req, res) => {
    const { filter: _f, ...result } = readAudit(db, req, 1000);
    res.json(result);
  };
}

export function auditCsvHandler(db: Db): RequestHandler {
  return (req, res) => {
    const { entries } = readAudit(db, req, 100000);
    res.type('text/csv; charset=utf-8').attachment('stedsvalg-revisjonslogg.csv').send(auditCsv(entries));
  };
}
