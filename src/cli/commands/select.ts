import { numberFlag, parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { scenarioFlagHelp, scenarioFromFlags } from '../scenario-flags';
import { CliUsageError, type CommandFn } from '../types';
import { selectScenario } from '../../planning/service';
import { statusLabel } from '../solver-status';

export const usage = `usage: stedsvalg select [--solver exact|greedy] [--time-limit SECONDS] [--gap TOLERANCE] [--json]
  --time-limit  exact solver's wall-clock limit in seconds (default 10); a solve cut short is "feasible", never "optimal"
  --gap         relative gap at which the exact solver stops and calls the set optimal (default 0.000001)
${scenarioFlagHelp}\n`;

/** `stedsvalg select [scenario options] [--solver exact|greedy] [--json]`: the proposed set of K. */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'help']);
  if (parsed.flags.help) {
    io.stdout(usage);
    return 0;
  }
  const solver = stringFlag(parsed, 'solver') ?? 'exact';
  if (solver !== 'exact' && solver !== 'greedy') throw new CliUsageError(`--solver must be exact or greedy, got "${solver}"`);
  const timeLimitSeconds = numberFlag(parsed, 'time-limit', 10);
  if (!(timeLimitSeconds > 0 && timeLimitSeconds <= 86400)) throw new CliUsageError('--time-limit must be > 0 and at most 86400 seconds');
  const gapTolerance = numberFlag(parsed, 'gap', 1e-6);
  if (!(gapTolerance >= 0 && gapTolerance < 1)) throw new CliUsageError('--gap must be ≥ 0 and < 1');
  const db = openCliDatabase(parsed);
  try {
    const params = scenarioFromFlags(db, parsed);
    const { selection, ranking, context } = await selectScenario(db, params, solver, {}, { timeLimitSeconds, gapTolerance });
    if (parsed.flags.json) {
      io.stdout(JSON.stringify({ ...selection, answers: context.answers, scenario: params }, null, 2) + '\n');
      return selection.status === 'infeasible' ? 1 : 0;
    }
    io.stdout(`status ${statusLabel(selection)}  objective(${selection.objectiveName}) ${selection.objective ?? '–'}  bound ${selection.bound ?? '–'}  gap ${selection.gap ?? '–'}\n`);
    if (selection.status === 'infeasible') {
      io.stderr(`infeasible rules:\n${selection.violated.map((v) => `  - ${v}`).join('\n')}\n`);
      return 1;
    }
    if (selection.newlyCovered !== null) io.stdout(`residents newly within ${params.minutes} min: ${selection.newlyCovered}\n`);
    const byId = new Map(ranking.items.map((it) => [it.kommunenummer, it]));
    for (const site of selection.sites) {
      const it = byId.get(site.id);
      io.stdout(`  ${site.id}  ${(it?.name ?? '').padEnd(28)} ${(site.district ?? '').padEnd(16)} gain ${site.marginalGain.toPrecision(4).padStart(10)}  rank ${it?.rank ?? '–'}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
};
