/**
 * What the letter API and pages share: receiving a multipart upload of letters, who may see which letters
 * (district leaders: their own police district only), filters from the query string, the overview and the
 * agreement for the visible letters, and the overview as CSV/XLSX.
 */
import { t, type Locale, type MessageKey } from '../../common/i18n';
import type { Request, Response } from 'express';
import multer from 'multer';
import { receiveUpload } from '../upload';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Db } from '../../db/connection';
import { getLetter, latestCodings, lettersStatus, listLetters, type StoredLetter } from '../../db/letters-repo';
import { mayReadDistrict } from '../../auth/policy';
import { listMunicipalities } from '../../db/municipalities-repo';
import { agreement, type AgreementReport, type CodedValues } from '../../letters/agreement';
import { letterLimits } from '../../model/letters';
import { overview, type Overview } from '../../letters/overview';
import { filterLetters, type LetterFilter } from '../../letters/search';
import { NotFoundError, PayloadTooLargeError, shownValue } from '../../common/errors';
import { parse } from '../validate';
import { toCsv } from '../../common/csv';
import { heavyRunner } from '../../planning/heavy';
import type { TextAnalyser } from '../../letters/analyse-text';
import type { DocxTextReader } from '../../letters/extract';

/**
 * How the web app reads and analyses received letters: in its heavy runner's worker threads, so a long letter
 * (seconds to analyse 400,000 characters; mammoth took 12.6 s for a 425 KB DOCX) does not hold up every other request.
 */
export const offThreadReaders: { analyse: TextAnalyser; docxText: DocxTextReader } = {
  analyse: (text) => heavyRunner().analyseLetter(text),
  docxText: (bytes) => heavyRunner().docxText(bytes),
};

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: letterLimits.maxBatchBytes, files: letterLimits.maxBatchFiles, fields: 10 },
  defParamCharset: 'utf8',
}).array('file', letterLimits.maxBatchFiles);

/** Receives the uploaded files (multipart field `file`, repeatable). Too large: 413 with a clear message. */
export async function receiveLetters(req: Request, res: Response): Promise<{ name: string; bytes: Buffer }[]> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const max = letterLimits.maxBatchBytes;
  if (declared > max + 1024 * 1024) {
    throw new PayloadTooLargeError({ key: 'err.uploadBatchTooLarge', params: { size: declared, max, mb: Math.round(max / 1048576) } });
  }
  await receiveUpload(upload, req, res, max);
  const files = (req.files as Express.Multer.File[] | undefined) ?? [];
  return files.map((f) => ({ name: f.originalname || 'upload', bytes: f.buffer }));
}

/** The police district a district leader is bound to, or null for everyone else. */
export function onlyDistrictOf(req: Request): string | null {
  const u = req.auth?.user;
  return u?.role === 'district' ? u.district : null;
}

/**
 * A letter the user may see.
 * @throws NotFoundError for an unknown id, an id that is not a number, and, for a district leader, a letter of another
 *   district or without a sender: the same answer as for no letter, so a district leader cannot learn that it exists
 */
export function visibleLetter(db: Db, req: Request, rawId: string): StoredLetter {
  // A letter id is a number: any other path segment (`/api/letters/Search`) names no letter, as for an unknown route.
  const letter = /^\d{1,9}$/.test(rawId) ? getLetter(db, Number(rawId)) : null;
  if (!letter || !mayReadDistrict(req.auth?.user, letter.policeDistrict)) throw new NotFoundError({ key: 'err.noLetter', params: { id: shownValue(rawId) } });
  return letter;
}

/** How many letters (and sample letters) the user may see: `lettersStatus` for everyone but a district leader. */
export function visibleStatus(db: Db, req: Request): { count: number; samples: number } {
  const only = onlyDistrictOf(req);
  if (!only) return lettersStatus(db);
  const mine = filterLetters(listLetters(db), { onlyDistrict: only });
  return { count: mine.length, samples: mine.filter((l) => l.sample).length };
}

export const letterFilterQuery = z.object({
  q: z.string().max(200).optional(),
  district: z.string().regex(/^p\d\d$/).optional(),
  county: z.string().regex(/^\d\d$/).optional(),
  coding: z.enum(['uncoded', 'coded', 'double']).optional(),
  sender: z.enum(['matched', 'unmatched']).optional(),
});

/** The filters of the query string (empty values ignored) plus the district leader's restriction. */
export function filterOf(req: Request): LetterFilter & { q?: string } {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && v.trim() !== '') raw[k] = v.trim();
  return { ...parse(letterFilterQuery, raw), onlyDistrict: onlyDistrictOf(req) };
}

/** The overview of the letters the user may see. */
export function visibleOverview(db: Db, req: Request): Overview {
  const only = onlyDistrictOf(req);
  const municipalities = listMunicipalities(db).filter((m) => !only || m.policeDistrict === only);
  return overview(municipalities, filterLetters(listLetters(db), { onlyDistrict: only }));
}

/** Agreement of two coders over the letters the user may see. */
export function visibleAgreement(db: Db, req: Request): AgreementReport {
  const visible = new Set(filterLetters(listLetters(db), { onlyDistrict: onlyDistrictOf(req) }).map((l) => l.id));
  return agreement(latestCodings(db).filter((c) => visible.has(c.letterId)).map((c) => ({ letterId: c.letterId, coder: c.coder, codedAt: c.codedAt, coding: c.coding as CodedValues })));
}

/** The columns of the overview export, in the reader's language. */
const COLUMN_KEYS = ['let.ov.key', 'let.ov.name', 'let.ov.municipalities', 'let.ov.answered', 'let.ov.notAnswered', 'let.ov.letters', 'let.ov.coded', 'let.ov.uncoded', 'let.ov.unsure'] as const;

function overviewRows(o: Overview, locale: Locale): (string | number)[][] {
  const T = (k: MessageKey) => t(locale, k);
  return [
    ...o.byDistrict.map((r) => [T('let.ov.district'), r.key, r.name, r.municipalities, r.answered, r.notAnswered, r.letters, r.coded, r.uncoded, r.unsure]),
    ...o.byCounty.map((r) => [T('let.ov.county'), r.key, r.name, r.municipalities, r.answered, r.notAnswered, r.letters, r.coded, r.uncoded, r.unsure]),
    [T('let.ov.noSender'), '', '', '', '', '', o.unmatched, '', '', ''],
    ...o.notAnswered.map((m) => [T('let.ov.noAnswer'), m.kommunenummer, m.name, m.county, m.policeDistrict, '', '', '', '', '']),
  ];
}

/** The overview as CSV for Norwegian Excel: UTF-8 with BOM, `;`; headers and labels in the reader's language. */
export function overviewCsv(o: Overview, sample: boolean, locale: Locale): string {
  const header = [t(locale, 'let.ov.part'), ...COLUMN_KEYS.map((k) => t(locale, k))];
  const note = sample ? [[t(locale, 'let.ov.sample'), '', '', '', '', '', '', '', '', '']] : [];
  return '\uFEFF' + toCsv([header, ...note, ...overviewRows(o, locale)], ';');
}

/** The overview as an XLSX workbook: per district, per county, municipalities that have not answered. */
export async function overviewXlsx(o: Overview, sample: boolean, locale: Locale): Promise<Buffer> {
  const T = (k: MessageKey) => t(locale, k);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Stedsvalg';
  const cols = COLUMN_KEYS.map(T);
  for (const [title, rows] of [[T('let.ov.sheetDistricts'), o.byDistrict], [T('let.ov.sheetCounties'), o.byCounty]] as const) {
    const ws = wb.addWorksheet(title);
    if (sample) ws.addRow([T('let.ov.sample')]);
    ws.addRow(cols).font = { bold: true };
    for (const r of rows) ws.addRow([r.key, r.name, r.municipalities, r.answered, r.notAnswered, r.letters, r.coded, r.uncoded, r.unsure]);
    ws.columns.forEach((c) => (c.width = 16));
  }
  const ws = wb.addWorksheet(T('let.ov.sheetNoAnswer'));
  ws.addRow([T('let.ov.kommunenummer'), T('let.ov.municipality'), T('let.ov.county'), T('let.ov.district')]).font = { bold: true };
  for (const m of o.notAnswered) ws.addRow([m.kommunenummer, m.name, m.county, m.policeDistrict]);
  ws.columns.forEach((c) => (c.width = 22));
  const sum = wb.addWorksheet(T('let.ov.sheetSummary'));
  const figures: [MessageKey, number][] = [['let.ov.letters', o.letters], ['let.ov.matched', o.matched], ['let.ov.noSender', o.unmatched], ['let.ov.unsure', o.unsure], ['let.ov.coded', o.coded], ['let.ov.uncoded', o.uncoded], ['let.ov.sampleLetters', o.sampleLetters]];
  for (const [k, v] of figures) sum.addRow([T(k), v]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
