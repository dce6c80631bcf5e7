/**
 * Letter intake (the shell around extraction and analysis): unpack ZIPs, extract and analyse every file, then
 * store the whole batch in ONE transaction, or nothing when any file is refused. A file already stored (same
 * SHA-256) is reported as a duplicate and not stored again. A real batch replaces the sample letters.
 */
import crypto from 'node:crypto';
import type { MessageKey } from '../common/i18n';
import { sayLocal, type LocalMessage } from '../common/errors';
import type { Db } from '../db/connection';
import { recordAudit } from '../db/audit-repo';
import { deleteSampleLetters, insertBatch, insertLetter, letterByHash, lettersStatus } from '../db/letters-repo';
import { analyseInThread, type TextAnalyser } from './analyse-text';
import { extractText, mammothText, sniffFormat, type DocxTextReader, type RefusalCode } from './extract';
import { PdfReader } from './pdf-text';
import { letterLimits, type LetterAnalysis, type LetterFormat } from '../model/letters';
import { unzipLetters } from './zip';

export interface IntakeFile {
  /** Name as given (path or upload name). */
  name: string;
  bytes: Buffer;
}

export interface IntakeItem {
  file: string;
  sha256: string;
  bytes: number;
  outcome: 'new' | 'duplicate' | 'refused';
  code?: RefusalCode | 'zip' | 'batch';
  message?: string;
  /** The refusal or duplicate note in the catalogue, for the page (said in the reader's language); `message` is its English text. */
  said?: LocalMessage;
  format?: LetterFormat;
  duplicateOf?: number;
  letterId?: number;
  sender?: { kommunenummer: string | null; name: string | null; confidence: number; status: string };
  suggestions?: LetterAnalysis['suggestions'];
}

export interface IntakeReport {
  status: 'dry-run' | 'applied' | 'rejected';
  dryRun: boolean;
  sample: boolean;
  counts: { files: number; new: number; duplicate: number; refused: number; samplesReplaced: number };
  items: IntakeItem[];
  batchId: number | null;
  limits: typeof letterLimits;
}

export interface IntakeOptions {
  dryRun: boolean;
  by: string;
  now: string;
  channel: 'web' | 'api' | 'cli' | 'sample';
  /** Marks the letters as illustrative sample letters. */
  sample?: boolean;
  /** Runs the analysis of each letter's text (default: in this thread; the web app passes its worker runner's). */
  analyse?: TextAnalyser;
  /** Reads a DOCX's text (default: mammoth in this thread; the web app passes its worker runner's). */
  docxText?: DocxTextReader;
}

/** How the change log names the way a letter came in. */
const LETTER_CHANNEL_NOTE: Readonly<Record<IntakeOptions['channel'], MessageKey>> = {
  web: 'audit.note.channel.web', api: 'audit.note.channel.api', cli: 'audit.note.channel.cli', sample: 'audit.note.channel.sample',
};

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** What an item says: the catalogue message, and its English text as `message` (API, CLI, logs). */
const note = (said: LocalMessage) => ({ message: sayLocal('en', said), said });

/** The name the report gives a refusal of the whole batch (the page says it in the reader's language, `let.intake.wholeBatch`). */
export const WHOLE_BATCH = '(batch)';

interface Prepared { item: IntakeItem; bytes: Buffer; text?: string; stems?: string; analysis?: Omit<LetterAnalysis, 'text'>; pages?: number | null; encoding?: string | null }

/** ZIPs become their files (named `archive.zip/inner/path`); a ZIP that cannot be read is one refused item. */
async function expand(files: readonly IntakeFile[]): Promise<{ files: IntakeFile[]; refused: IntakeItem[] }> {
  const out: IntakeFile[] = [];
  const refused: IntakeItem[] = [];
  for (const f of files) {
    const isZip = sniffFormat(f.bytes) === 'zip' && !f.bytes.includes('word/document.xml');
    if (!isZip) { out.push(f); continue; }
    if (f.bytes.length > letterLimits.maxBatchBytes) {
      refused.push({ file: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length, outcome: 'refused', code: 'too_large', ...note({ key: 'let.intake.zipTooLarge', params: { max: letterLimits.maxBatchBytes } }) });
      continue;
    }
    const z = await unzipLetters(f.bytes);
    if (!z.ok) refused.push({ file: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length, outcome: 'refused', code: 'zip', message: z.message, said: z.said });
    else for (const e of z.entries) out.push({ name: `${f.name}/${e.name}`, bytes: e.bytes });
  }
  return { files: out, refused };
}

interface Readers { pdf: PdfReader; analyse: TextAnalyser; docxText: DocxTextReader }

async function prepareFile(f: IntakeFile, seen: Map<string, string>, db: Db, sample: boolean, readers: Readers): Promise<Prepared> {
  const hash = sha256(f.bytes);
  const item: IntakeItem = { file: f.name, sha256: hash, bytes: f.bytes.length, outcome: 'new' };
  const stored = letterByHash(db, hash);
  if (stored && (!stored.sample || sample)) return { item: { ...item, outcome: 'duplicate', duplicateOf: stored.id, ...note({ key: 'let.intake.duplicateStored', params: { id: stored.id, file: stored.fileName } }) }, bytes: f.bytes };
  if (seen.has(hash)) return { item: { ...item, outcome: 'duplicate', ...note({ key: 'let.intake.duplicateInBatch', params: { file: seen.get(hash) ?? '' } }) }, bytes: f.bytes };
  seen.set(hash, f.name);
  const ex = await extractText(f.bytes, f.name, readers.pdf, readers.docxText);
  if (!ex.ok) return { item: { ...item, outcome: 'refused', code: ex.code, message: ex.message, said: ex.said }, bytes: f.bytes };
  const { text, stems, analysis } = await readers.analyse(ex.text);
  const s = analysis.sender;
  return {
    item: { ...item, format: ex.format, sender: { kommunenummer: s.kommunenummer, name: s.name, confidence: s.confidence, status: s.status }, suggestions: analysis.suggestions },
    bytes: f.bytes, text, stems, analysis, pages: ex.pages, encoding: ex.encoding,
  };
}

/**
 * Receives a batch of letter files.
 * @returns the report: `rejected` (nothing stored) when any file is refused or the batch is too large, `dry-run`, or `applied`
 */
export async function intakeLetters(db: Db, files: readonly IntakeFile[], opts: IntakeOptions): Promise<IntakeReport> {
  const sample = opts.sample === true;
  const report: IntakeReport = {
    status: 'rejected', dryRun: opts.dryRun, sample, counts: { files: 0, new: 0, duplicate: 0, refused: 0, samplesReplaced: 0 }, items: [], batchId: null, limits: letterLimits,
  };
  const { files: expanded, refused } = await expand(files);
  const prepared: Prepared[] = refused.map((item) => ({ item, bytes: Buffer.alloc(0) }));
  if (expanded.length > letterLimits.maxBatchFiles) {
    prepared.push({ item: { file: WHOLE_BATCH, sha256: '', bytes: 0, outcome: 'refused', code: 'batch', ...note({ key: 'let.intake.batchTooMany', params: { n: expanded.length, max: letterLimits.maxBatchFiles } }) }, bytes: Buffer.alloc(0) });
  } else {
    const seen = new Map<string, string>();
    const pdf = new PdfReader({ maxPages: letterLimits.maxPdfPages });
    try {
      const readers = { pdf, analyse: opts.analyse ?? analyseInThread, docxText: opts.docxText ?? mammothText };
      for (const f of expanded) prepared.push(await prepareFile(f, seen, db, sample, readers));
    } finally {
      await pdf.close();
    }
  }
  if (files.length === 0) prepared.push({ item: { file: WHOLE_BATCH, sha256: '', bytes: 0, outcome: 'refused', code: 'empty', ...note({ key: 'let.intake.noFiles' }) }, bytes: Buffer.alloc(0) });
  report.items = prepared.map((p) => p.item);
  const count = (o: IntakeItem['outcome']) => report.items.filter((i) => i.outcome === o).length;
  const status = lettersStatus(db);
  report.counts = { files: report.items.length, new: count('new'), duplicate: count('duplicate'), refused: count('refused'), samplesReplaced: !sample && status.samples > 0 && count('new') > 0 ? status.samples : 0 };
  if (report.counts.refused > 0) return report;
  if (opts.dryRun) return { ...report, status: 'dry-run' };
  report.batchId = store(db, prepared, opts, report);
  report.status = 'applied';
  return report;
}

function store(db: Db, prepared: readonly Prepared[], opts: IntakeOptions, report: IntakeReport): number {
  const sample = opts.sample === true;
  return db.transaction(() => {
    if (report.counts.samplesReplaced > 0) {
      const removed = deleteSampleLetters(db);
      recordAudit(db, { at: opts.now, actor: opts.by, action: 'delete', entity: 'letter', entityId: removed.join(','), said: { key: 'audit.note.sampleLettersReplaced', params: { n: removed.length } } });
    }
    const batchId = insertBatch(db, { kind: sample ? 'sample' : 'upload', channel: opts.channel, files: report.counts.new, by: opts.by, at: opts.now });
    for (const p of prepared) {
      if (p.item.outcome !== 'new' || !p.analysis || p.text === undefined || p.stems === undefined) continue;
      const id = insertLetter(db, {
        batchId, fileName: p.item.file, sha256: p.item.sha256, bytes: p.bytes, format: p.item.format as LetterFormat, pages: p.pages ?? null,
        encoding: p.encoding ?? null, text: p.text, stems: p.stems, sample, analysis: p.analysis, receivedAt: opts.now, receivedBy: opts.by,
      });
      p.item.letterId = id;
      recordAudit(db, {
        at: opts.now, actor: opts.by, action: 'create', entity: 'letter', entityId: String(id),
        after: { file: p.item.file, sha256: p.item.sha256, bytes: p.item.bytes, format: p.item.format, sample, sender: p.item.sender, suggestions: p.item.suggestions },
        said: { key: 'audit.note.letterReceived', params: { channel: { key: LETTER_CHANNEL_NOTE[opts.channel] }, batch: batchId } },
      });
    }
    return batchId;
  })();
}
