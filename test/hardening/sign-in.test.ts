/**
 * Issue 10, sign-in and accounts: the same scrypt work on every failed path (no enumeration by
 * timing), a progressive per-account lock, every failed sign-in audited, token revocation audited
 * with before and after, one actor convention for the CLI, and `--help` that touches nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/types';
import { openDatabase } from '../../src/db/connection';
import { listAudit } from '../../src/db/audit-repo';
import { updateUser } from '../../src/db/users-repo';
import { accountLockMs, accountRetryAfterMs, recordFailure } from '../../src/auth/throttle';
import { createApiToken } from '../../src/auth/sessions';
import { memoryDb, tempDir } from '../helpers/app';
import { TEST_PASSWORD, agentAs, testUser } from '../helpers/auth';
import { csvOf, validRecord } from '../responses/fixtures';

async function signIn(app: ReturnType<typeof createApp>, name: string, password: string) {
  const agent = request.agent(app);
  const page = await agent.get('/login').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  return agent.post('/login').type('form').send({ name, password, _csrf: csrf }).redirects(0);
}

describe('sign-in hardening', () => {
  const db = memoryDb();
  const app = createApp({ db });
  afterAll(() => db.close());
  beforeEach(() => db.prepare('DELETE FROM login_failures').run());

  it('When the name is unknown, the account disabled or the password wrong, then each attempt runs exactly one scrypt with the default cost, like a right password', async () => {
    const viewer = await testUser(db, 'viewer');
    const disabled = await testUser(db, 'planner');
    updateUser(db, disabled.id, { disabled: true }, 'test', new Date().toISOString());
    const spy = jest.spyOn(crypto, 'scrypt');
    try {
      const costs: Record<string, number[]> = {};
      for (const [label, name, password] of [['unknown', 'finnes-ikke', 'galt-passord-1'], ['disabled', disabled.name, TEST_PASSWORD], ['wrong', viewer.name, 'galt-passord-1'], ['right', viewer.name, TEST_PASSWORD]]) {
        spy.mockClear();
        const res = await signIn(app, name, password);
        expect([label, res.status]).toEqual([label, label === 'right' ? 303 : 401]);
        costs[label] = spy.mock.calls.map((c) => (c[3] as { N: number }).N);
      }
      expect(costs).toEqual({ unknown: [2 ** 17], disabled: [2 ** 17], wrong: [2 ** 17], right: [2 ** 17] });
    } finally {
      spy.mockRestore();
    }
  });

  it('When an account keeps failing, then the lock grows from 30 seconds to at most 15 minutes instead of a flat 15 minutes after five', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map((n) => accountLockMs(n) / 1000)).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 5; i++) recordFailure(db, 'name:progressiv', t0 + i * 1000);
    expect(accountRetryAfterMs(db, 'name:progressiv', t0 + 4000)).toBe(30_000);
    expect(accountRetryAfterMs(db, 'name:progressiv', t0 + 4000 + 30_000)).toBe(0);
    recordFailure(db, 'name:progressiv', t0 + 40_000);
    expect(accountRetryAfterMs(db, 'name:progressiv', t0 + 40_000)).toBe(60_000);
    // An hour without failures forgets them.
    expect(accountRetryAfterMs(db, 'name:progressiv', t0 + 40_000 + 3_600_001)).toBe(0);
  });

  it('When an account fails five times over HTTP, then the sixth attempt waits 30 seconds, not 15 minutes', async () => {
    const user = await testUser(db, 'admin');
    for (let i = 0; i < 5; i++) expect((await signIn(app, user.name, `galt-${i}-passord`)).status).toBe(401);
    const locked = await signIn(app, user.name, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(locked.text).toMatch(/Prøv igjen om \d+ s\./);
  });

  it('When sign-in fails for an unknown name, a disabled account or a wrong password, then each failure is in the audit log with the name tried and why', async () => {
    const viewer = await testUser(db, 'viewer');
    const disabled = await testUser(db, 'planner');
    updateUser(db, disabled.id, { disabled: true }, 'test', new Date().toISOString());
    await signIn(app, 'ingen-slik-bruker', 'galt-passord-1');
    await signIn(app, disabled.name, TEST_PASSWORD);
    await signIn(app, viewer.name, 'galt-passord-1');
    const failed = listAudit(db, { entity: 'session' }).entries.filter((e) => e.action === 'sign-in-failed').slice(0, 3).reverse();
    expect(failed.map((e) => [e.actor, e.entityId, e.said?.key])).toEqual([
      ['anonymous', 'ingen-slik-bruker', 'audit.note.signInUnknownUser'], ['anonymous', disabled.name, 'audit.note.signInDisabled'], ['anonymous', viewer.name, 'audit.note.signInWrongPassword'],
    ]);
    expect(failed.every((e) => /\S/.test(String(e.said?.params?.address)))).toBe(true);
  });

  it('When an admin revokes a token, then the audit entry holds the token before and after', async () => {
    const user = await testUser(db, 'viewer');
    const { id } = createApiToken(db, user, 'skript', 'test', new Date().toISOString());
    const admin = await agentAs(app, db, 'admin');
    await admin.post(`/admin/tokens/${id}/revoke`).expect(303);
    const entry = listAudit(db, { entity: 'token', entityId: String(id) }).entries.find((e) => e.action === 'revoke')!;
    expect(entry.actor).toBe('test-admin');
    expect(entry.before).toMatchObject({ user: user.name, label: 'skript', revokedAt: null });
    expect(entry.after).toMatchObject({ user: user.name, label: 'skript', revokedAt: expect.stringMatching(/^\d{4}-/) });
  });
});

function captureIO(stdin = ''): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; }, readStdin: async () => stdin };
  return io;
}

describe('the CLI: one actor convention, and --help touches nothing', () => {
  const dir = tempDir();
  const dbPath = path.join(dir, 'cli.db');
  const me = `cli:${os.userInfo().username}`;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('When users and tokens are made and revoked on the command line, then every audit entry says cli:<OS user>', async () => {
    expect(await main(['user', 'add', '--name', 'kari', '--role', 'planner', '--db', dbPath], captureIO('et-langt-passord\n'))).toBe(0);
    const created = captureIO();
    expect(await main(['token', 'create', '--user', 'kari', '--db', dbPath], created)).toBe(0);
    const id = /token (\d+) for/.exec(created.out)![1];
    expect(await main(['token', 'revoke', id, '--db', dbPath], captureIO())).toBe(0);
    const db = openDatabase(dbPath);
    const entries = listAudit(db).entries.filter((e) => e.entity === 'user' || e.entity === 'token');
    expect(entries.map((e) => `${e.entity} ${e.action} ${e.actor}`).sort()).toEqual([`token create ${me}`, `token revoke ${me}`, `user create ${me}`]);
    db.close();
  });

  it('When --by names no account, then the import is refused before anything is written; an existing account is recorded as itself', async () => {
    const file = path.join(dir, 'svar.csv');
    fs.writeFileSync(file, csvOf([validRecord('0301')]));
    const bad = captureIO();
    expect(await main(['import', 'responses', file, '--by', 'hvem-som-helst', '--db', dbPath], bad)).toBe(2);
    expect(bad.err).toMatch(/--by must name an existing, enabled account; "hvem-som-helst" is not one/);
    let db = openDatabase(dbPath);
    expect(listAudit(db, { entity: 'response' }).total).toBe(0);
    db.close();
    expect(await main(['import', 'responses', file, '--by', 'kari', '--db', dbPath], captureIO())).toBe(0);
    expect(await main(['import', 'responses', file, '--db', dbPath], captureIO())).toBe(0);
    db = openDatabase(dbPath);
    expect(listAudit(db, { entity: 'response' }).entries.map((e) => e.actor)).toEqual(['kari']);
    db.close();
  });

  const commands = [
    ['info'], ['municipality'], ['import'], ['import', 'responses'], ['user'], ['user', 'add'], ['user', 'list'], ['token'], ['token', 'create'],
    ['token', 'revoke'], ['rank'], ['select'], ['robustness'], ['score'], ['locate'], ['export'],
  ];
  it.each(commands.map((c) => c.join(' ')))('When "%s --help" is run, then it prints its usage, exits 0 and creates no database', async (line) => {
    const args = line.split(' ');
    const fresh = path.join(dir, `help-${args.join('-')}.db`);
    const saved = process.env.STEDSVALG_DB;
    process.env.STEDSVALG_DB = path.join(dir, `env-${args.join('-')}.db`);
    try {
      const io = captureIO();
      expect(await main([...args, '--help', '--db', fresh], io)).toBe(0);
      expect(io.out).toMatch(new RegExp(`^usage: stedsvalg ${args[0]}`));
      expect(io.err).toBe('');
      expect(fs.existsSync(fresh)).toBe(false);
      expect(fs.existsSync(process.env.STEDSVALG_DB)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.STEDSVALG_DB;
      else process.env.STEDSVALG_DB = saved;
    }
  });

  it('When "user add --help" is run without --db, then var/stedsvalg.db is not created', async () => {
    const cwd = process.cwd();
    const here = tempDir('stedsvalg-help-');
    process.chdir(here);
    try {
      expect(await main(['user', 'add', '--help'], captureIO())).toBe(0);
      expect(fs.existsSync(path.join(here, 'var'))).toBe(false);
    } finally {
      process.chdir(cwd);
      fs.rmSync(here, { recursive: true, force: true });
    }
  });
});
