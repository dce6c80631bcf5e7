import { parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { scenarioFlagHelp, scenarioFromFlags } from '../scenario-flags';
import { CliUsageError, type CommandFn } from '../types';
import { selectScenario } from '../../planning/service';

export const usage = `usage: stedsvalg select [--solver exact|greedy] [--json]\n${scenarioFlagHelp}\n`;

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
  const db = openCliDatabase(parsed);
  try {
    const params = scenarioFromFlags(db, parsed);
    const { selection, ranking, context } = await selectScenario(db, params, solver);
    if (parsed.flags.json) {
      io.stdout(JSON.stringify({ ...selection, answers: context.answers, scenario: params }, null, 2) + '\n');
      return selection.status === 'infeasible' ? 1 : 0;
    }
    io.stdout(`proposal ${selection.id ?? '(greedy preview, not stored)'}  status ${selection.status}  objective(${selection.objectiveName}) ${selection.objective ?? '–'}  bound ${selection.bound ?? '–'}  gap ${selection.gap ?? '–'}\n`);
    io.stdout(`travel model: ${selection.travelModel.label.en}; ${selection.candidateSites} candidate sites, at most one per municipality\n`);
    if (selection.status === 'infeasible') {
      io.stderr(`infeasible rules:\n${selection.violated.map((v) => `  - ${v}`).join('\n')}\n`);
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
