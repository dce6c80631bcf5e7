import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { cliActor } from '../actor';
import { CliUsageError, type CliIO, type CommandFn } from '../types';
import { importLimits } from '../../model/answers';
import { importResponses, SampleConflictError, type ImportReport } from '../../import/responses-import';
import { loadSampleAnswers } from '../../samples';
import { parseLocale } from '../../common/i18n';

export const usage = 'usage: stedsvalg import responses FILE [--dry-run] [--json] [--by NAME] [--lang nb|en]\n       stedsvalg import sample [--json] [--by NAME]\n  --by NAME  record the change against this existing account (default: cli:<OS user name>)';

/** Human-readable report: the summary on stdout, every problem on stderr (row, column, field, message). */
function printReport(report: ImportReport, io: CliIO): void {
  const c = report.counts;
  const verdict = { 'dry-run': 'dry run, nothing saved', applied: 'saved', rejected: 'REJECTED, nothing saved' }[report.status];
  const line = `${report.file.name}: ${c.rows} rows: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected; ${c.warnings} warnings` +
    (c.samplesReplaced ? `; ${c.samplesReplaced} sample answers replaced` : '') + ` (${verdict})\n`;
  (report.status === 'rejected' ? io.stderr : io.stdout)(line);
  for (const p of report.problems) {
    const where = [p.row !== null ? `row ${p.row}` : 'file', p.column ? `column ${p.column}` : null, p.field ? `(${p.field})` : null].filter(Boolean).join(' ');
    io.stderr(`${p.severity === 'error' ? 'error' : 'warning'}: ${where}: ${p.message}\n`);
  }
}

/**
 * `stedsvalg import responses FILE [--dry-run] [--json]`: imports the municipalities' answers (CSV or
 * XLSX), all or nothing. `stedsvalg import sample`: loads the shipped illustrative sample answers.
 * Exit 0 on success or dry run, 1 when the file is rejected (every problem on stderr).
 */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'dry-run']);
  const [what, file] = parsed.positionals;
  const locale = parseLocale(stringFlag(parsed, 'lang') ?? 'nb');
  if (what !== 'responses' && what !== 'sample') throw new CliUsageError(usage);
  if (what === 'responses' && !file) throw new CliUsageError(`the answers file is required\n${usage}`);
  if (what === 'responses' && !fs.existsSync(file)) throw new CliUsageError(`no such file: ${file}`);
  if (what === 'responses' && fs.statSync(file).size > importLimits.maxFileBytes) {
    io.stderr(`stedsvalg import: ${file} is ${fs.statSync(file).size} bytes; the limit is ${importLimits.maxFileBytes} bytes (5 MB)\n`);
    return 1;
  }
  const db = openCliDatabase(parsed);
  try {
    const by = cliActor(db, stringFlag(parsed, 'by'));
    const now = new Date().toISOString();
    let report: ImportReport;
    if (what === 'sample') {
      try {
        report = await loadSampleAnswers(db, { by, now, locale });
      } catch (err) {
        if (!(err instanceof SampleConflictError)) throw err;
        io.stderr(`stedsvalg import sample: ${err.message}\n`);
        return 1;
      }
    } else {
      report = await importResponses(db, fs.readFileSync(file), { fileName: path.basename(file), dryRun: parsed.flags['dry-run'] === true, by, now, locale });
    }
    if (parsed.flags.json) {
      io.stdout(JSON.stringify(report, null, 2) + '\n');
      if (report.status === 'rejected') printReport(report, { stdout: () => undefined, stderr: io.stderr });
    } else printReport(report, io);
    return report.status === 'rejected' ? 1 : 0;
  } finally {
    db.close();
  }
};
