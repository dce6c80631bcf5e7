import { numberFlag, parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { scenarioFlagHelp, scenarioFromFlags } from '../scenario-flags';
import { CliUsageError, type CommandFn } from '../types';
import { selectScenario } from '../../planning/service';
import { statusLabel } from '../solver-status';
import { violationText } from '../../engine';

export const usage = `usage: stedsvalg select [--solver exact|greedy] [--time-limit SECONDS] [--gap TOLERANCE] [--json]
  --time-limit  exact solver's wall-clock limit in seconds (default 10); a solve cut short is "feasible", never "optimal"
  --gap         relative gap at which the exact solver stops and calls the set optimal (default 0.000001)
${scenarioFlagHelp}\n`;

/**
 * `stedsvalg select [scenario options] [--solver exact|greedy] [--json]`: the proposed set of K municipalities and
 * the site chosen in each. Exact is the stored proposal (solved once; `id` names it); greedy a preview.
 */
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
    // Only limits the user gave make a fresh, unstored solve; without them the stored proposal is read or made.
    const given = stringFlag(parsed, 'time-limit') !== undefined || stringFlag(parsed, 'gap') !== undefined;
    const { selection, ranking, context } = await selectScenario(db, params, solver, {}, given ? { timeLimitSeconds, gapTolerance } : {});
    if (parsed.flags.json) {
      io.stdout(JSON.stringify({ ...selection, answers: context.answers, scenario: params }, null, 2) + '\n');
      return selection.status === 'infeasible' ? 1 : 0;
    }
    io.stdout(`proposal ${selection.id ?? (solver === 'greedy' ? '(greedy preview, not stored)' : '(not stored: solved with the given --time-limit/--gap)')}  status ${statusLabel(selection)}  objective(${selection.objectiveName}) ${selection.objective ?? '–'}  bound ${selection.bound ?? '–'}  gap ${selection.gap ?? '–'}\n`);
    io.stdout(`travel model: ${selection.travelModel.label.en}; ${selection.candidateSites} candidate sites, at most one per municipality\n`);
    if (selection.status === 'infeasible') {
      io.stderr(`infeasible rules:\n${selection.violated.map((v) => `  - ${violationText(v)}`).join('\n')}\n`);
      return 1;
    }
    if (selection.newlyCovered !== null) io.stdout(`residents newly within ${params.minutes} min: ${selection.newlyCovered}\n`);
    if (selection.errorMargin) io.stdout(`within the model's error: gain undone by ±${selection.errorMargin.minutes} min (median |cross-validated residual|), flagged "!"\n`);
    io.stdout(`  gain = marginal ${selection.objectiveName} gain in the set's order (sums to ${selection.totalGain}); loss = loss if removed\n`);
    const byId = new Map(ranking.items.map((it) => [it.kommunenummer, it]));
    for (const site of selection.sites) {
      const it = byId.get(site.kommunenummer);
      io.stdout(
        `  ${String(site.position).padStart(2)} ${site.kommunenummer}  ${site.name.padEnd(22)} ${site.siteLabel.padEnd(30)} ${site.siteKind.padEnd(8)} ` +
          `gain ${site.marginalGain.toPrecision(6).padStart(12)}${site.withinError ? '!' : ' '} loss ${site.lossIfRemoved.toPrecision(6).padStart(12)}  rank ${it?.rank ?? '–'}\n`,
      );
    }
    return 0;
  } finally {
    db.close();
  }
};
