import { numberFlag, parseArgs } from '../args';
import { openCliDatabase } from '../db-context';
import { scenarioFlagHelp, scenarioFromFlags } from '../scenario-flags';
import type { CommandFn } from '../types';
import { rankScenario } from '../../planning/service';

export const usage = `usage: stedsvalg rank [--top N] [--json]\n${scenarioFlagHelp}\n`;

/** `stedsvalg rank [scenario options] [--top N] [--json]`: the ranking of all municipalities. */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'help']);
  if (parsed.flags.help) {
    io.stdout(usage);
    return 0;
  }
  const db = openCliDatabase(parsed);
  try {
    const params = scenarioFromFlags(db, parsed);
    const { ranking, context } = rankScenario(db, params);
    if (parsed.flags.json) {
      io.stdout(JSON.stringify({ ...ranking, answers: context.answers, scenario: params }, null, 2) + '\n');
      return 0;
    }
    const top = numberFlag(parsed, 'top', 30);
    if (!context.answers.loaded) io.stdout('No answers loaded: every municipality is eligible.\n');
    if (context.answers.sample) io.stdout('SAMPLE ANSWERS loaded: illustrative data, not real answers.\n');
    io.stdout(`${'rank'.padStart(4)}  ${'knr'.padEnd(4)}  ${'municipality'.padEnd(28)} ${'district'.padEnd(16)} ${'score'.padStart(6)}  eligible\n`);
    for (const it of ranking.items.slice(0, top)) {
      io.stdout(`${String(it.rank).padStart(4)}  ${it.kommunenummer}  ${it.name.slice(0, 28).padEnd(28)} ${it.policeDistrict.padEnd(16)} ${it.score.toFixed(1).padStart(6)}  ${it.eligible ? 'yes' : `no (${it.reason})`}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
};
