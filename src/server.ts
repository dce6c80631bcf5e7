import { openDatabase } from './db/connection';
import { ensureDataset } from './db/load-dataset';
import { createApp } from './web/app';
import { createSetupToken } from './web/routes/auth';
import { answerClientErrors } from './web/client-errors';

/**
 * Process shell: opens (or creates) the database, loads data/ when it changed, serves HTTP.
 * `PORT` (default 3000) and `STEDSVALG_DB` (default var/stedsvalg.db) override the defaults.
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
  const port = Number(process.env.PORT || 3000);
  const server = createApp({ db }).listen(port, () => {
    console.log(`Stedsvalg is running at http://localhost:${port}`);
    const setup = createSetupToken(db, Date.now());
    if (setup) {
      console.log(`No users yet. Create the first administrator with this one-time link (valid 24 h):`);
      console.log(`  http://localhost:${port}/setup/${setup}`);
      console.log(`or on the command line: npx stedsvalg user add --name NAME --role admin  (password on stdin)`);
    }
  });
  answerClientErrors(server);
  const stop = () => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
