import { integerFlag, parseArgs, stringFlag } from '../args';
import { requestLimits } from '../../model/limits';
import { openCliDatabase } from '../db-context';
import { scenarioFlagHelp, scenarioFromFlags } from '../scenario-flags';
import { CliUsageError, type CommandFn } from '../types';
import { robustnessScenario } from '../../planning/service';

export const usage = `usage: stedsvalg robustness [--samples N] [--seed S] [--mode around|simplex] [--top N] [--json]\n${scenarioFlagHelp}\n`;

/** `stedsvalg robustness [scenario options] [--samples N] [--seed S] [--mode around|simplex] [--json]`. */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'help']);
  if (parsed.flags.help) {
    io.stdout(usage);
    return 0;
  }
  const samples = integerFlag(parsed, 'samples', 1, requestLimits.maxCliSamples, 1000);
  const seed = integerFlag(parsed, 'seed', 0, 2 ** 31 - 1, 1);
  const mode = stringFlag(parsed, 'mode') ?? 'around';
  if (mode !== 'around' && mode !== 'simplex') throw new CliUsageError(`--mode must be around or simplex, got "${mode}"`);
  const db = openCliDatabase(parsed);
  try {
    const params = scenarioFromFlags(db, parsed);
    const result = await robustnessScenario(db, params, { samples, seed, mode });
    if (parsed.flags.json) {
      io.stdout(JSON.stringify({ ...result, scenario: params }, null, 2) + '\n');
      return 0;
    }
    const top = integerFlag(parsed, 'top', 1, 357, 30);
    io.stdout(`${result.samples} weight samples (${result.mode}, seed ${result.seed}); pInSet from ${result.setSamples} samples\n`);
    io.stdout(`  knr   rank  P05–P95    pTopK  pInSet\n`);
    for (const it of [...result.items].sort((a, b) => a.rankBase - b.rankBase).slice(0, top)) {
      io.stdout(`  ${it.kommunenummer}  ${String(it.rankBase).padStart(4)}  ${String(it.rankP05).padStart(3)}–${String(it.rankP95).padEnd(4)}  ${it.pTopK.toFixed(3)}  ${it.pInSet.toFixed(3)}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
};
