import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { CliUsageError, type CommandFn } from '../types';
import { listTravelMatrices } from '../../db/travel-matrices-repo';
import { importTravelMatrix, matrixPoints } from '../../import/travel-matrix-import';

const usage = [
  'usage: stedsvalg travel-matrix import FILE [--name NAME] [--format csv|osrm] [--dry-run] [--json] [--by NAME]',
  '       stedsvalg travel-matrix list [--json]',
  '       stedsvalg travel-matrix points [--out FILE]   (the points to route, in the order an OSRM request must use)',
].join('\n');

function whoAmI(): string {
  try {
    return `cli:${os.userInfo().username || 'unknown'}`;
  } catch {
    return 'cli:unknown';
  }
}

/**
 * `stedsvalg travel-matrix import|list|points`: imports a router's travel-time matrix (CSV `from_id,to_id,minutes`
 * or OSRM table JSON), all or nothing, with provenance; lists the imported ones; writes the points to route.
 * Exit 0 on success or dry run, 1 when the file is rejected (every problem on stderr with file, row, column).
 */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'dry-run']);
  const [what, file] = parsed.positionals;
  if (!['import', 'list', 'points'].includes(what ?? '')) throw new CliUsageError(usage);
  const db = openCliDatabase(parsed);
  try {
    if (what === 'list') {
      const list = listTravelMatrices(db);
      if (parsed.flags.json) io.stdout(JSON.stringify(list, null, 2) + '\n');
      else for (const m of list) io.stdout(`${m.id}\t${m.name}\t${m.format}\t${m.fileName}\t${m.importedBy}\t${m.importedAt}\t${m.pairsKept} pairs\n`);
      return 0;
    }
    if (what === 'points') {
      const p = matrixPoints(db);
      const coords = new Map([...p.demand, ...p.targets].map((x) => [x.id, x]));
      const text = ['role,id,lon,lat', ...p.roles.map((r) => `${r.role},${r.id},${coords.get(r.id)!.lon},${coords.get(r.id)!.lat}`)].join('\n') + '\n';
      const out = stringFlag(parsed, 'out');
      if (out) fs.writeFileSync(out, text);
      else io.stdout(text);
      return 0;
    }
    if (!file) throw new CliUsageError(`the matrix file is required\n${usage}`);
    if (!fs.existsSync(file)) throw new CliUsageError(`no such file: ${file}`);
    const format = stringFlag(parsed, 'format');
    if (format !== undefined && format !== 'csv' && format !== 'osrm') throw new CliUsageError(`--format must be csv or osrm, got ${format}`);
    const report = await importTravelMatrix(db, fs.readFileSync(file), {
      fileName: path.basename(file), name: stringFlag(parsed, 'name'), format, dryRun: parsed.flags['dry-run'] === true,
      by: stringFlag(parsed, 'by') ?? whoAmI(), now: new Date().toISOString(),
    });
    if (parsed.flags.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (report.status === 'rejected') {
      io.stderr(`${report.fileName}: REJECTED, nothing saved\n`);
      for (const p of report.problems) io.stderr(`error: ${p.file} row ${p.row} column ${p.column}: ${p.message}\n`);
      if (report.moreProblems) io.stderr(`… and ${report.moreProblems} more\n`);
    } else {
      const s = report.summary!;
      io.stdout(`${report.fileName} (${report.format}): ${s.rowsInFile} rows, ${s.pairsRead} pairs read, ${s.pairsKept} kept` +
        (report.status === 'imported' ? `; saved as matrix ${report.matrix!.id} (use --travel-model ${report.matrix!.id})\n` : ' (dry run, nothing saved)\n'));
    }
    return report.status === 'rejected' ? 1 : 0;
  } finally {
    db.close();
  }
};
