import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { CliUsageError, type CliIO, type CommandFn } from '../types';
import { analyseLetter, suggestJson } from '../../letters/analyse';
import { extractText, sniffFormat } from '../../letters/extract';
import { intakeLetters, type IntakeFile, type IntakeReport } from '../../letters/intake';
import { letterLimits } from '../../model/letters';
import { senderIndexFor } from '../../letters/reference';
import { loadSampleLetters, SampleLettersConflictError } from '../../letters/samples';
import { unzipLetters } from '../../letters/zip';

const usage = [
  'usage: stedsvalg letters suggest FILE... [--json]       read letters and print suggested answers (writes nothing)',
  '       stedsvalg letters import FILE|DIR|ZIP... [--dry-run] [--json] [--by NAME]   store letters (no coding applied)',
  '       stedsvalg letters sample [--by NAME]             load the invented sample letters',
].join('\n');

const letterExt = /\.(pdf|docx|txt|zip)$/i;

/** Who a CLI change is recorded against when `--by` is not given. */
function whoAmI(): string {
  try {
    return `cli:${os.userInfo().username || 'unknown'}`;
  } catch {
    return 'cli:unknown';
  }
}

/** The files named: a directory contributes its letter files (PDF, DOCX, TXT, ZIP; hidden files skipped), recursively. */
export function collectFiles(paths: readonly string[]): { files: IntakeFile[]; skipped: string[] } {
  const files: IntakeFile[] = [];
  const skipped: string[] = [];
  const walk = (p: string, explicit: boolean) => {
    if (!fs.existsSync(p)) throw new CliUsageError(`no such file or directory: ${p}`);
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const n of fs.readdirSync(p).sort()) if (!n.startsWith('.')) walk(path.join(p, n), false);
    } else if (explicit || letterExt.test(p)) {
      if (st.size > letterLimits.maxBatchBytes) throw new CliUsageError(`${p} is ${st.size} bytes; the limit is ${letterLimits.maxBatchBytes} bytes`);
      files.push({ name: p, bytes: fs.readFileSync(p) });
    } else skipped.push(p);
  };
  for (const p of paths) walk(p, true);
  return { files, skipped };
}

async function suggest(paths: readonly string[], json: boolean, io: CliIO): Promise<number> {
  const index = senderIndexFor();
  const out: unknown[] = [];
  let failed = 0;
  const analyse = async (name: string, bytes: Buffer) => {
    const ex = await extractText(bytes, name);
    if (!ex.ok) {
      failed++;
      out.push({ file: name, kommunenummer: null, confidence: 0, suggestions: null, evidence: {}, error: { code: ex.code, message: ex.message } });
      if (!json) io.stderr(`${name}: refused: ${ex.message}\n`);
      return;
    }
    const obj = suggestJson(name, analyseLetter(ex.text, index));
    out.push(obj);
    if (!json) {
      const s = obj.suggestions;
      io.stdout(`${name}: sender ${obj.kommunenummer ?? '(unknown)'} (confidence ${obj.confidence}); wants station ${s.wantsStation}; premises ${s.offersPremises ? `yes${s.premisesText ? ` (${s.premisesText})` : ''}` : 'no'}` +
        `${s.coLocation.length ? `; co-located with ${s.coLocation.join(', ')}` : ''}; satisfied ${s.satisfied}; channels ${s.channels.join(', ') || '-'}\n`);
    }
  };
  for (const p of paths) {
    if (!fs.existsSync(p) || fs.statSync(p).isDirectory()) throw new CliUsageError(`not a file: ${p}`);
    const bytes = fs.readFileSync(p);
    if (sniffFormat(bytes) === 'zip' && !bytes.includes('word/document.xml')) {
      const z = await unzipLetters(bytes);
      if (!z.ok) { failed++; out.push({ file: p, kommunenummer: null, confidence: 0, suggestions: null, evidence: {}, error: { code: 'zip', message: z.message } }); continue; }
      for (const e of z.entries) await analyse(`${p}/${e.name}`, e.bytes);
    } else await analyse(p, bytes);
  }
  if (json) io.stdout(JSON.stringify(out, null, 2) + '\n');
  return failed > 0 ? 1 : 0;
}

function printReport(r: IntakeReport, io: CliIO): void {
  const verdict = { 'dry-run': 'dry run, nothing stored', applied: 'stored', rejected: 'REJECTED, nothing stored' }[r.status];
  (r.status === 'rejected' ? io.stderr : io.stdout)(`${r.counts.files} files: ${r.counts.new} new, ${r.counts.duplicate} already received, ${r.counts.refused} refused` +
    (r.counts.samplesReplaced ? `; ${r.counts.samplesReplaced} sample letters replaced` : '') + ` (${verdict})\n`);
  for (const i of r.items) {
    if (i.outcome === 'refused') io.stderr(`refused: ${i.file}: ${i.message}\n`);
    else if (i.outcome === 'duplicate') io.stdout(`duplicate: ${i.file}: ${i.message}\n`);
    else io.stdout(`${i.letterId ? `letter ${i.letterId}` : 'new'}: ${i.file} (${i.format}) → ${i.sender?.kommunenummer ?? 'sender unknown'} ${i.sender?.name ?? ''} (${i.sender?.status}, ${i.sender?.confidence})\n`);
  }
}

/**
 * `stedsvalg letters suggest|import|sample`. Exit 0 on success, 1 when a file is refused (the import then stores
 * nothing), 2 for usage errors.
 */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'dry-run']);
  const [what, ...paths] = parsed.positionals;
  const json = parsed.flags.json === true;
  if (what === 'suggest') {
    if (paths.length === 0) throw new CliUsageError(`letters suggest needs at least one file\n${usage}`);
    return suggest(paths, json, io);
  }
  if (what !== 'import' && what !== 'sample') throw new CliUsageError(usage);
  const by = stringFlag(parsed, 'by') ?? whoAmI();
  const collected = what === 'import' ? collectFiles(paths) : { files: [], skipped: [] };
  if (what === 'import' && collected.files.length === 0) throw new CliUsageError(`no letter files (PDF, DOCX, TXT, ZIP) in ${paths.join(', ') || '(nothing given)'}\n${usage}`);
  const db = openCliDatabase(parsed);
  try {
    const now = new Date().toISOString();
    let report: IntakeReport;
    try {
      report = what === 'sample'
        ? await loadSampleLetters(db, { by, now })
        : await intakeLetters(db, collected.files, { dryRun: parsed.flags['dry-run'] === true, by, now, channel: 'cli' });
    } catch (err) {
      if (!(err instanceof SampleLettersConflictError)) throw err;
      io.stderr(`stedsvalg letters sample: ${err.message}\n`);
      return 1;
    }
    for (const s of collected.skipped) io.stderr(`skipped (not a letter file): ${s}\n`);
    if (json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    else printReport(report, io);
    return report.status === 'rejected' ? 1 : 0;
  } finally {
    db.close();
  }
};
