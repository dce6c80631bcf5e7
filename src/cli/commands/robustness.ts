import { integerFlag, parseArgs, stringFlag } from '../args';
import { requestLimits } from '../../model/limits';
import { openCliDatabase } from '../db-context';
import { scenarioFlagHelp, scenarioFromFlags } from '../scenario-flags';
import { CliUsageError, type CommandFn } from '../types';
import { robustnessScenario } from '../../planning/service';
import { PROPOSAL_ROBUSTNESS } from '../../model/proposal-settings';

export const usage = `usage: stedsvalg robustness [--samples N] [--seed S] [--mode around|simplex] [--top N] [--json]\n${scenarioFlagHelp}\n`;

/**
 * `stedsvalg robustness [scenario options] [--samples N] [--seed S] [--mode around|simplex] [--json]`: the robustness
 * of the scenario's stored proposal (sample 0 is the proposal; weights and the travel model's error are sampled).
 * Defaults: the one setting the app shows (`PROPOSAL_ROBUSTNESS`).
 */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'help']);
  if (parsed.flags.help) {
    io.stdout(usage);
    return 0;
  }
  const samples = integerFlag(parsed, 'samples', 1, requestLimits.maxCliSamples, PROPOSAL_ROBUSTNESS.samples);
  const seed = integerFlag(parsed, 'seed', 0, 2 ** 31 - 1, PROPOSAL_ROBUSTNESS.seed);
  const mode = stringFlag(parsed, 'mode') ?? PROPOSAL_ROBUSTNESS.mode;
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
    io.stdout(`proposal ${result.proposalId}: ${result.samples} samples (${result.mode}, seed ${result.seed}; sample 0 is the proposal); sampled: weights${result.sampled.travel ? ` and travel error (${result.travelError?.residuals} cross-validated residuals)` : ''}\n`);
    for (const line of result.method) io.stdout(`  ${line}\n`);
    const proposed = new Set(result.proposal.municipalities);
    io.stdout(`  knr   rank  P05–P95    pTopK  pInSet: weights travel  both  (* = in the proposal)\n`);
    const shown = [...result.items].sort((a, b) => Number(proposed.has(b.kommunenummer)) - Number(proposed.has(a.kommunenummer)) || a.rankBase - b.rankBase).slice(0, top);
    for (const it of shown) {
      io.stdout(
        `${proposed.has(it.kommunenummer) ? '*' : ' '} ${it.kommunenummer}  ${String(it.rankBase).padStart(4)}  ${String(it.rankP05).padStart(3)}–${String(it.rankP95).padEnd(4)}  ` +
          `${it.pTopK.toFixed(3)}  ${it.pInSetWeights.toFixed(3)}   ${it.pInSetTravel === null ? '  –  ' : it.pInSetTravel.toFixed(3)}  ${it.pInSet.toFixed(3)}\n`,
      );
    }
    return 0;
  } finally {
    db.close();
  }
};
