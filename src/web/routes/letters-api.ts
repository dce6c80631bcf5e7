import { appRouter } from '../router';
import { type Router, type RequestHandler } from 'express';
import type { AppDeps } from '../app';
import { codingsOf, letterFile, lettersStatus, listLetters } from '../../db/letters-repo';
import { saveCoding } from '../../letters/coding';
import { intakeLetters } from '../../letters/intake';
import { loadSampleLetters } from '../../letters/samples';
import { filterLetters, searchLetters } from '../../letters/search';
import { actorOf } from '../actor';
import { ValidationError, NotFoundError } from '../../common/errors';
import { canPlan } from '../../auth/policy';
import { filterOf, overviewCsv, overviewXlsx, receiveLetters, visibleAgreement, visibleLetter, visibleOverview } from './letters-common';

const mediaTypes = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', txt: 'text/plain' } as const;

const dryRunOf = (v: unknown) => v === 'true' || v === '1' || v === 'on';

/**
 * The letters' JSON API (issue 13): upload (multipart `file`, repeatable; `dryRun`), list, search, one letter,
 * its original file, coding, overview, agreement, sample letters. Reading needs a signed-in user (district leaders:
 * their own district); changing needs a planner or an admin (the access table's default for writes).
 */
export function lettersApi({ db }: AppDeps): Router {
  const router = appRouter();

  router.post('/api/letters', async (req, res) => {
    const files = await receiveLetters(req, res);
    const report = await intakeLetters(db, files, { dryRun: dryRunOf(req.body?.dryRun ?? req.query.dryRun), by: actorOf(req), now: new Date().toISOString(), channel: 'api' });
    res.status(report.status === 'rejected' ? 422 : report.status === 'applied' ? 201 : 200).json(report);
  });

  router.post('/api/letters/sample', async (req, res) => {
    // Real letters stored: SampleLettersConflictError, a 409 (the error middleware answers).
    res.status(201).json(await loadSampleLetters(db, { by: actorOf(req), now: new Date().toISOString() }));
  });

  router.get('/api/letters', (req, res) => {
    const filter = filterOf(req);
    const letters = filterLetters(listLetters(db), filter);
    res.json({ ...lettersStatus(db), shown: letters.length, letters });
  });

  router.get('/api/letters/search', (req, res) => {
    const filter = filterOf(req);
    if (!filter.q) throw new ValidationError('q is required: the words to search for');
    const started = process.hrtime.bigint();
    const result = searchLetters(db, filter.q, filter);
    if (!result) throw new ValidationError(`q has no searchable word: "${filter.q}"`);
    const tookMs = Number(process.hrtime.bigint() - started) / 1e6;
    res.json({ q: filter.q, terms: result.terms, total: result.total, tookMs: Math.round(tookMs * 10) / 10, hits: result.hits });
  });

  router.get('/api/letters/overview', (req, res) => {
    res.json(visibleOverview(db, req));
  });

  router.get('/api/letters/agreement', (req, res) => {
    res.json(visibleAgreement(db, req));
  });

  router.get('/letters/overview.csv', (req, res) => {
    res.type('text/csv; charset=utf-8').attachment('brev-oversikt.csv').send(overviewCsv(visibleOverview(db, req), lettersStatus(db).samples > 0, res.locals.locale));
  });

  router.get('/letters/overview.xlsx', async (req, res) => {
    const buffer = await overviewXlsx(visibleOverview(db, req), lettersStatus(db).samples > 0, res.locals.locale);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment('brev-oversikt.xlsx').send(buffer);
  });

  router.get('/api/letters/:id', (req, res) => {
    const letter = visibleLetter(db, req, req.params.id);
    const mine = req.auth?.user.name;
    const codings = codingsOf(db, letter.id);
    // A second coder does not see the other planner's coding before saving their own.
    const hide = canPlan(req.auth?.user) && codings.length > 0 && !codings.some((c) => c.coder === mine);
    res.json({ ...letter, codings: hide ? codings.map((c) => ({ id: c.id, coder: c.coder, role: c.role, codedAt: c.codedAt, hidden: true })) : codings });
  });

  const sendFile: RequestHandler = (req, res) => {
    const letter = visibleLetter(db, req, String(req.params.id));
    const file = letterFile(db, letter.id);
    if (!file) throw new NotFoundError(`the original file of letter ${letter.id} is missing`);
    const name = file.fileName.split('/').pop() || `brev-${letter.id}.${file.format}`;
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type(mediaTypes[file.format]).attachment(name).send(file.bytes);
  };
  router.get('/api/letters/:id/file', sendFile);
  router.get('/letters/:id/file', sendFile);

  router.post('/api/letters/:id/coding', (req, res) => {
    const letter = visibleLetter(db, req, req.params.id);
    const outcome = saveCoding(db, letter.id, req.body, { by: actorOf(req), now: new Date().toISOString() });
    res.status(201).json(outcome);
  });

  return router;
}
