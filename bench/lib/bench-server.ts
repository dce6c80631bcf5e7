/**
 * A Stedsvalg server for the load benches, in its own process (so the load generator does not
 * share its event loop): the real app over an in-memory database with the committed data, API
 * tokens for N planner accounts, and (for `load-ranking`) a static file holding the exact bytes of
 * the default ranking, served by the app's own `/static` route. Tells the parent where it listens
 * over IPC; removes the static file when it exits.
 * Args: `workers` (heavy work in worker threads, the default) or `inline` (in the request thread,
 * the behaviour before issue 10, for comparison), and the number of accounts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { inProcessRunner } from '../../src/planning/heavy';
import { memoryDb } from '../../test/helpers/app';
import { tokenFor } from '../../test/helpers/auth';
import { createUser } from '../../src/db/users-repo';
import { createApiToken } from '../../src/auth/sessions';

async function main(): Promise<void> {
  const mode = process.argv[2] === 'inline' ? 'inline' : 'workers';
  const accounts = Number(process.argv[3] ?? 1);
  const db = memoryDb();
  const app = createApp({ db, ...(mode === 'inline' ? { heavy: inProcessRunner } : {}) });
  const tokens = [await tokenFor(db, 'planner')];
  for (let i = 1; i < accounts; i++) {
    const user = createUser(db, { name: `bench-${i}`, role: 'viewer', district: null, passwordHash: 'x' }, 'bench', new Date().toISOString());
    tokens.push(createApiToken(db, user, 'bench', 'bench', new Date().toISOString()).token);
  }
  const ranking = await request(app).get('/api/ranking').set('Authorization', `Bearer ${tokens[0]}`).set('Accept-Encoding', 'identity');
  const dir = path.resolve(__dirname, '..', '..', 'static', 'bench-tmp');
  fs.mkdirSync(dir, { recursive: true });
  const staticFile = path.join(dir, `ranking-${process.pid}.json`);
  fs.writeFileSync(staticFile, ranking.text);
  const cleanup = () => fs.rmSync(staticFile, { force: true });
  process.on('exit', cleanup);
  process.on('SIGTERM', () => process.exit(0));
  process.on('disconnect', () => process.exit(0));
  const server = app.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send?.({ url: `http://127.0.0.1:${port}`, tokens, staticPath: `/static/bench-tmp/${path.basename(staticFile)}`, rankingBytes: Buffer.byteLength(ranking.text), mode });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
