import { CliUsageError, type CliIO, type CommandFn } from './types';

/** Command name → module path (loaded lazily so one command's dependencies don't slow the others). */
const commands: Record<string, { summary: string; load: () => Promise<{ run: CommandFn; usage?: string }> }> = {
  info: { summary: 'counts and data vintage of the database', load: () => import('./commands/info') },
  municipality: { summary: 'one municipality: municipality <kommunenummer>', load: () => import('./commands/municipality') },
  import: { summary: 'answers: import responses FILE [--dry-run] [--json] | import sample', load: () => import('./commands/import') },
  letters: { summary: 'municipal letters: letters suggest FILE... [--json] | letters import FILE|DIR|ZIP... [--dry-run] | letters sample', load: () => import('./commands/letters') },
  user: { summary: 'user add --name NAME --role ROLE [--district D] (password on stdin) | user list', load: () => import('./commands/user') },
  token: { summary: 'token create --user NAME | token revoke ID | token list', load: () => import('./commands/token') },
  rank: { summary: 'rank all municipalities under a scenario (rank --help)', load: () => import('./commands/rank') },
  select: { summary: 'choose K sites under a scenario (select --help)', load: () => import('./commands/select') },
  robustness: { summary: 'weight-sampling robustness of a scenario (robustness --help)', load: () => import('./commands/robustness') },
  score: { summary: 'rank any decision matrix: score --matrix F --weights F --method wsm|topsis', load: () => import('./commands/score') },
  locate: { summary: 'solve a location problem: locate --demand F --sites F --k N --objective coverage|access --radius R', load: () => import('./commands/locate') },
  'travel-matrix': { summary: 'router travel times: travel-matrix import FILE [--format csv|osrm] | list | points', load: () => import('./commands/travel-matrix') },
  export: { summary: 'write a report: export --shortlist ID|--scenario ID|--current --format csv|xlsx|geojson|pdf --out FILE [--lang en]', load: () => import('./commands/export') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
  return `usage: stedsvalg <command> [options]\n\ncommands:\n${lines.join('\n')}\n\ncommon options: --db PATH (database, default var/stedsvalg.db or STEDSVALG_DB), --json\n`;
}

export const processIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () =>
    new Promise((resolve, reject) => {
      let data = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (c) => (data += c));
      process.stdin.on('end', () => resolve(data));
      process.stdin.on('error', reject);
    }),
};

/**
 * Runs one CLI command. User errors go to stderr with a non-zero exit code (2 for usage errors).
 * @returns the process exit code
 */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`stedsvalg: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    const mod = await command.load();
    // `--help` anywhere prints the command's usage and does nothing else (no database is opened or created).
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${(mod.usage ?? `usage: stedsvalg ${name} [options]\n  ${command.summary}`).trimEnd()}\n`);
      return 0;
    }
    return await mod.run(rest, io);
  } catch (err) {
    if (err instanceof CliUsageError) {
      io.stderr(`stedsvalg ${name}: ${err.message}\n`);
      return 2;
    }
    io.stderr(`stedsvalg ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
