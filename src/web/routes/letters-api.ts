import { appRouter } from '../router';
import { type Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { Db } from '../../db/connection';
import { parse } from '../validate';
import { codingsOf, letterFile, listLetters } from '../../db/letters-repo';
import { saveCoding } from '../../letters/coding';
import { intakeLetters } from '../../letters/intake';
import { loadSampleLetters } from '../../letters/samples';
import { filterLetters, searchLetters } from '../../letters/search';
import { actorOf } from '../actor';
import { ValidationError, NotFoundError, sayLocal } from '../../common/errors';
import type { Locale } from '../../common/i18n';
import { canPlan } from '../../auth/policy';
import { filterOf, offThreadReaders, overviewCsv, overviewXlsx, receiveLetters, visibleAgreement, visibleLetter, visibleOverview, visibleStatus } from './letters-common';

const mediaTypes = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', txt: 'text/plain' } as const;

/** `dryRun` of an upload (form field or query): `true`, `1` or `on`. */
const uploadQuery = z.object({ dryRun: z.unknown().transform((v) => v === 'true' || v === '1' || v === 'on') });

/** The HTTP status of an intake report (a value of the use case): 422 rejected, 201 stored, 200 a dry run. */
function intakeStatus(report: { status: string }): number {
  return report.status === 'rejected' ? 422 : report.status === 'applied' ? 201 : 200;
}

function upload(db: Db): RequestHandler {
  return async (req, res) => {
    const files = await receiveLetters(req, res);
    const { dryRun } = parse(uploadQuery, { dryRun: req.body?.dryRun ?? req.query.dryRun });
    const report = await intakeLetters(db, files, { dryRun, by: actorOf(req), now: new Date().toISOString(), channel: 'api', ...offThreadReaders });
    // Each refusal or duplicate note in the reader's language, as the API's errors are (`said` keeps its key).
    const locale = res.locals.locale as Locale;
    const items = report.items.map((it) => (it.said ? { ...it, message: sayLocal(locale, it.said) } : it));
    res.status(intakeStatus(report)).json({ ...report, items });
  };
}

/** Real letters stored: `SampleLettersConflictError`, a 409 (the error middleware answers). */
function sample(db: Db): RequestHandler {
  return async (req, res) => {
    res.status(201).json(await loadSampleLetters(db, { by: actorOf(req), now: new Date().toISOString() }));
  };
}

function list(db: Db): RequestHandler {
  return (req, res) => {
    const letters = filterLetters(listLetters(db), filterOf(req));
    res.json({ ...visibleStatus(db, req), shown: letters.length, letters });
  };
}

function search(db: Db): RequestHandler {
  return (req, res) => {
    const filter = filterOf(req);
    if (!filter.q) throw new ValidationError({ key: 'err.qRequired' });
    const started = process.hrtime.bigint();
    const result = searchLetters(db, filter.q, filter);
    if (!result) throw new ValidationError({ key: 'err.qNoWord', params: { q: filter.q } });
    const tookMs = Number(process.hrtime.bigint() - started) / 1e6;
    res.json({ q: filter.q, terms: result.terms, total: result.total, tookMs: Math.round(tookMs * 10) / 10, hits: result.hits });
  };
}

/** One letter with its codings; a second coder does not see the other planner's coding before saving their own. */
function letterJson(db: Db): RequestHandler {
  return (req, res) => {
    const letter = visibleLetter(db, req, String(req.params.id));
    const mine = req.auth?.user.name;
    const codings = codingsOf(db, letter.id);
    const hide = canPlan(req.auth?.user) && codings.length > 0 && !codings.some((c) => c.coder === mine);
    res.json({ ...letter, codings: hide ? codings.map((c) => ({ id: c.id, coder: c.coder, role: c.role, codedAt: c.codedAt, hidden: true })) : codings });
  };
}

/** The original file, with its SHA-256 and the media type of its format. */
function originalFile(db: Db): RequestHandler {
  return (req, res) => {
    const letter = visibleLetter(db, req, String(req.params.id));
    const file = letterFile(db, letter.id);
    if (!file) throw new NotFoundError({ key: 'err.letterFileMissing', params: { id: letter.id } });
    const name = file.fileName.split('/').pop() || `brev-${letter.id}.${file.format}`;
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type(mediaTypes[file.format]).attachment(name).send(file.bytes);
  };
}

function coding(db: Db): RequestHandler {
  return (req, res) => {
    const letter = visibleLetter(db, req, String(req.params.id));
    res.status(201).json(saveCoding(db, letter.id, req.body, { by: actorOf(req), now: new Date().toISOString() }));
  };
}

function overviewCsvHandler(db: Db): RequestHandler {
  return (req, res) => {
    res.type('text/csv; charset=utf-8').attachment('brev-oversikt.csv').send(overviewCsv(visibleOverview(db, req), visibleStatus(db, req).samples > 0, res.locals.locale));
  };
}

function overviewXlsxHandler(db: Db): RequestHandler {
  return async (req, res) => {
    const buffer = await overviewXlsx(visibleOverview(db, req), visibleStatus(db, req).samples > 0, res.locals.locale);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment('brev-oversikt.xlsx').send(buffer);
  };
}

/**
 * The letters' JSON API (issue 13): upload (multipart `file`, repeatable; `dryRun`), list, search, one letter,
 * its original file, coding, overview, agreement, sample letters. Reading needs a signed-in user (district leaders:
 * their own district); changing needs a planner or an admin (the access table's default for writes).
 */
export function lettersApi({ db }: AppDeps): Router {
  const router = appRouter();
  router.post('/api/letters', upload(db));
  router.post('/api/letters/sample', sample(db));
  router.get('/api/letters', list(db));
  router.get('/api/letters/search', search(db));
  router.get('/api/letters/overview', (req, res) => void res.json(visibleOverview(db, req)));
  router.get('/api/letters/agreement', (req, res) => void res.json(visibleAgreement(db, req)));
  router.get('/letters/overview.csv', overviewCsvHandler(db));
  router.get('/letters/overview.xlsx', overviewXlsxHandler(db));
  router.get('/api/letters/:id', letterJson(db));
  router.get('/api/letters/:id/file', originalFile(db));
  router.get('/letters/:id/file', originalFile(db));
  router.post('/api/letters/:id/coding', coding(db));
  return router;
}
