import { openDatabase } from './db/connection';
import { ensureDataset } from './db/load-dataset';
import { createApp } from './web/app';
import { createSetupToken } from './auth/setup-tokens';
import { answerClientErrors } from './web/client-errors';
import { listenConfig } from './server-config';
import { PREVIEW_IDLE_MS, processWorkerPool } from './planning/worker-pool';

/**
 * Process shell: opens (or creates) the database, loads data/ when it changed, serves HTTP.
 * `HOST` (default 127.0.0.1), `PORT` (default 3000) and `STEDSVALG_DB` (default var/stedsvalg.db)
 * override the defaults. Heavy computations run in worker threads (`STEDSVALG_WORKERS`).
 */
function main(): void {
  const dbPath = process.env.STEDSVALG_DB || 'var/stedsvalg.db';
  const db = openDatabase(dbPath);
  const outcome = ensureDataset(db);
  console.log(
    outcome.status === 'loaded'
      ? `Loaded data into ${dbPath}: ${outcome.counts.municipalities} municipalities, ${outcome.counts.stations} stations, ${outcome.counts.demandPoints} demand points`
      : `Database ${dbPath} is up to date (${outcome.counts.municipalities} municipalities)`,
  );
  const { host, port } = listenConfig();
  const heavy = processWorkerPool({ previewIdleMs: PREVIEW_IDLE_MS });
  const server = createApp({ db, heavy }).listen(port, host, () => {
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    console.log(`Stedsvalg is running at http://${shown}:${port} (listening on ${host})`);
    const setup = createSetupToken(db, Date.now());
    if (setup) {
      console.log(`No users yet. Create the first administrator with this one-time link (valid 24 h):`);
      console.log(`  http://${shown}:${port}/setup/${setup}`);
      console.log(`or on the command line: npx stedsvalg user add --name NAME --role admin  (password on stdin)`);
    }
  });
  answerClientErrors(server);
  const stop = () => {
    server.close();
    void heavy.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
