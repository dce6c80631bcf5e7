/**
 * The answers import: read → validate → diff against the stored answers → apply. A dry run stops
 * after the diff. A real import is all or nothing: any error means nothing is written (not even the
 * import log); otherwise every change, the history of every replaced version and the log entry are
 * written in ONE transaction. A real import replaces sample answers (history keeps them).
 */
import { ConflictError } from '../common/errors';
import crypto from 'node:crypto';
import type { Db } from '../db/connection';
import { listBoundaries, listMunicipalities } from '../db/municipalities-repo';
import {
  answersStatus,
  contentOf,
  insertImport,
  listResponses,
  removeSampleResponses,
  saveResponse,
  updateImportCounts,
} from '../db/responses-repo';
import { choosePlurals, fillMessage, t, type Locale, type MessageKey } from '../common/i18n';
import { changedFields, contentKey, importLimits, type ResponseContent } from '../model/answers';
import { readResponsesTable, TableProblem, UnreadableFileError, type RawTable } from './responses-read';
import { validateTable, type Problem, type ProblemCode, type ValidationReference, type ValidRow } from './responses-validate';

export type RowOutcome = 'new' | 'updated' | 'unchanged' | 'rejected';

export interface ImportOptions {
  /** The file's name as the user gave it (kept as the answers' source). */
  fileName: string;
  dryRun: boolean;
  /** Who imports (recorded as changed_by). */
  by: string;
  /** ISO 8601 timestamp from the shell. */
  now: string;
  /** `sample` marks every answer as illustrative sample data. Default `file`. */
  kind?: 'file' | 'sample';
  /** Language of the problem messages. Default `nb`. */
  locale?: Locale;
}

/** A problem with its message in the requested language. */
export type ReportedProblem = Problem & { message: string };

export interface ImportReport {
  status: 'dry-run' | 'applied' | 'rejected';
  dryRun: boolean;
  sample: boolean;
  file: { name: string; bytes: number; sha256: string; format: string | null; encoding?: string; delimiter?: string; sheet?: string };
  counts: { rows: number; new: number; updated: number; unchanged: number; rejected: number; errors: number; warnings: number; samplesReplaced: number };
  rows: { row: number; kommunenummer: string | null; outcome: RowOutcome; changes?: string[] }[];
  problems: ReportedProblem[];
  importId: number | null;
  limits: { maxFileBytes: number; maxRows: number };
}

/** Thrown when sample answers would hide real answers. */
export class SampleConflictError extends ConflictError {
  constructor(readonly realAnswers: number) {
    super('real_answers_loaded', `${realAnswers} real answers are loaded; sample answers are only loaded into a database without real answers`);
  }
}

/** Fills `{name}` placeholders and `{name|one|other}` choices of a message template. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return choosePlurals(template, params).replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? params[k] : m));
}

/** The message of each problem code (the catalogue's `import.problem.*`). */
const PROBLEM_TEXT: Readonly<Record<ProblemCode, MessageKey>> = {
  file_unreadable: 'import.problem.file_unreadable', file_too_large: 'import.problem.file_too_large', no_rows: 'import.problem.no_rows',
  too_many_rows: 'import.problem.too_many_rows', missing_column: 'import.problem.missing_column',
  duplicate_column: 'import.problem.duplicate_column', unknown_column: 'import.problem.unknown_column',
  missing_kommune: 'import.problem.missing_kommune', malformed_kommunenummer: 'import.problem.malformed_kommunenummer',
  kommunenummer_padded: 'import.problem.kommunenummer_padded', unknown_kommunenummer: 'import.problem.unknown_kommunenummer',
  unknown_name: 'import.problem.unknown_name', ambiguous_name: 'import.problem.ambiguous_name',
  name_mismatch: 'import.problem.name_mismatch', duplicate_kommune: 'import.problem.duplicate_kommune',
  invalid_value: 'import.problem.invalid_value', invalid_date: 'import.problem.invalid_date',
  invalid_number: 'import.problem.invalid_number', negative_number: 'import.problem.negative_number',
  text_too_long: 'import.problem.text_too_long', premises_address_missing: 'import.problem.premises_address_missing',
  coordinate_missing: 'import.problem.coordinate_missing', coordinates_swapped: 'import.problem.coordinates_swapped',
  outside_norway: 'import.problem.outside_norway', outside_municipality: 'import.problem.outside_municipality',
  premises_without_wish: 'import.problem.premises_without_wish', row_width: 'import.problem.row_width',
  cells_beyond_header: 'import.problem.cells_beyond_header', mixed_encoding: 'import.problem.mixed_encoding',
  mojibake: 'import.problem.mojibake', sheet_range: 'import.problem.sheet_range', sheet_rows_beyond: 'import.problem.sheet_rows_beyond',
  workbook_too_large: 'import.problem.workbook_too_large',
};

/** The message of a problem in a language. */
export function describeProblem(locale: Locale, p: Problem): string {
  return fillTemplate(t(locale, PROBLEM_TEXT[p.code]), { column: p.field ?? '', ...p.params });
}

/** Reference municipalities and boundaries from the database. */
export function referenceFromDb(db: Db): ValidationReference {
  return { municipalities: listMunicipalities(db).map((m) => ({ kommunenummer: m.kommunenummer, name: m.name })), boundaries: listBoundaries(db) };
}

/**
 * Classifies each valid row against the stored answers (pure).
 * @param stored current answers that the import would replace, keyed by kommunenummer
 */
export function diffResponses(valid: readonly ValidRow[], stored: ReadonlyMap<string, ResponseContent>): ImportReport['rows'] {
  return valid.map(({ row, content }) => {
    const old = stored.get(content.kommunenummer);
    if (!old) return { row, kommunenummer: content.kommunenummer, outcome: 'new' as const };
    if (contentKey(old) === contentKey(content)) return { row, kommunenummer: content.kommunenummer, outcome: 'unchanged' as const };
    return { row, kommunenummer: content.kommunenummer, outcome: 'updated' as const, changes: changedFields(old, content) };
  });
}

function emptyReport(bytes: Buffer, opts: ImportOptions): ImportReport {
  return {
    status: 'rejected',
    dryRun: opts.dryRun,
    sample: opts.kind === 'sample',
    file: { name: opts.fileName, bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), format: null },
    counts: { rows: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, errors: 0, warnings: 0, samplesReplaced: 0 },
    rows: [],
    problems: [],
    importId: null,
    limits: { maxFileBytes: importLimits.maxFileBytes, maxRows: importLimits.maxRows },
  };
}

function withMessages(locale: Locale, problems: readonly Problem[]): ReportedProblem[] {
  return problems.map((p) => ({ ...p, message: describeProblem(locale, p) }));
}

/** Reads the file, or explains why it cannot be read. */
async function readTable(bytes: Buffer, report: ImportReport, locale: Locale): Promise<RawTable | null> {
  const fileProblem = (code: Problem['code'], params: Record<string, string>) =>
    withMessages(locale, [{ severity: 'error', row: null, column: null, field: null, code, params }]);
  if (bytes.length > importLimits.maxFileBytes) {
    report.problems = fileProblem('file_too_large', { bytes: String(bytes.length), max: String(importLimits.maxFileBytes) });
    return null;
  }
  try {
    return await readResponsesTable(bytes);
  } catch (err) {
    if (err instanceof TableProblem) {
      report.problems = withMessages(locale, [{ severity: 'error', row: err.row, column: null, field: null, code: err.code, params: err.params }]);
      return null;
    }
    if (!(err instanceof UnreadableFileError)) throw err;
    const why: Record<UnreadableFileError['reason'], MessageKey> = {
      empty: 'import.unreadable.empty', binary: 'import.unreadable.binary', csv: 'import.unreadable.csv', xlsx: 'import.unreadable.xlsx',
    };
    report.problems = fileProblem('file_unreadable', { detail: fillMessage(t(locale, why[err.reason]), { detail: err.detail }) });
    return null;
  }
}

/**
 * Imports an answers file (CSV or XLSX bytes) into the database, or only reports what would change.
 * @returns the report: `rejected` when any row has an error (nothing written), `dry-run`, or `applied`
 * @throws SampleConflictError when loading sample answers into a database that has real answers
 */
export async function importResponses(db: Db, bytes: Buffer, opts: ImportOptions): Promise<ImportReport> {
  const locale = opts.locale ?? 'nb';
  const sample = opts.kind === 'sample';
  const report = emptyReport(bytes, opts);
  const status = answersStatus(db);
  const stored = listResponses(db);
  const realCount = stored.filter((r) => !r.sample).length;
  if (sample && realCount > 0) throw new SampleConflictError(realCount);

  const table = await readTable(bytes, report, locale);
  if (!table) return finish(report);
  Object.assign(report.file, { format: table.format, encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet });
  const validation = validateTable(table, referenceFromDb(db));
  report.problems = withMessages(locale, validation.problems);
  report.counts.rows = table.totalRows;

  // A real import is compared with the real answers only: sample answers are all replaced.
  const comparable = new Map(stored.filter((r) => r.sample === sample).map((r) => [r.kommunenummer, contentOf(r)]));
  report.rows = [
    ...diffResponses(validation.rows, comparable),
    ...validation.rejectedRows.map((row) => ({ row, kommunenummer: null, outcome: 'rejected' as const })),
  ].sort((a, b) => a.row - b.row);
  finish(report);
  // A rejected file replaces nothing; a dry run says how many samples the import would replace.
  if (report.counts.errors > 0) return report;
  report.counts.samplesReplaced = !sample && status.sample ? stored.filter((r) => r.sample).length : 0;
  if (opts.dryRun) {
    report.status = 'dry-run';
    return report;
  }
  report.importId = apply(db, validation.rows, report, opts, table.format);
  report.status = 'applied';
  return report;
}

function finish(report: ImportReport): ImportReport {
  const count = (o: RowOutcome) => report.rows.filter((r) => r.outcome === o).length;
  report.counts = {
    ...report.counts,
    new: count('new'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    errors: report.problems.filter((p) => p.severity === 'error').length,
    warnings: report.problems.filter((p) => p.severity === 'warning').length,
  };
  return report;
}

/** Writes the changes, the history and the log entry in one transaction. @returns the import id */
function apply(db: Db, valid: readonly ValidRow[], report: ImportReport, opts: ImportOptions, format: string): number {
  const sample = opts.kind === 'sample';
  const outcome = new Map(report.rows.map((r) => [r.row, r.outcome]));
  return db.transaction(() => {
    const importId = insertImport(db, {
      kind: sample ? 'sample' : 'file',
      source: opts.fileName,
      format,
      fileSha256: report.file.sha256,
      fileBytes: report.file.bytes,
      importedBy: opts.by,
      importedAt: opts.now,
      rowsTotal: report.counts.rows,
      rowsNew: 0,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      samplesReplaced: 0,
      warnings: report.counts.warnings,
    });
    const samplesReplaced = sample ? 0 : removeSampleResponses(db, opts.by, opts.now, importId);
    const meta = { source: sample ? 'sample' : opts.fileName, isSample: sample, importId, changedBy: opts.by, changedAt: opts.now };
    for (const { row, content } of valid) {
      if (outcome.get(row) === 'unchanged') continue;
      saveResponse(db, content, meta, sample ? 'sample-load' : 'import');
    }
    updateImportCounts(db, importId, {
      rowsNew: report.counts.new,
      rowsUpdated: report.counts.updated,
      rowsUnchanged: report.counts.unchanged,
      samplesReplaced,
    });
    return importId;
  })();
}
