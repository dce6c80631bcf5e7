import request from 'supertest';
import fs from 'node:fs';
import path from 'node:path';
import { createApp } from '../../src/web/app';
import { tempDir, testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { main } from '../../src/cli/main';
import { listAudit, recordAudit } from '../../src/db/audit-repo';
import { parseCsv } from '../../src/common/csv';
import { openDatabase } from '../../src/db/connection';

describe('audit log', () => {
  const { db, app } = testApp();

  it('When someone tries to change or delete an audit entry, then the database refuses', () => {
    recordAudit(db, { at: '2026-01-01T00:00:00.000Z', actor: 'x', action: 'create', entity: 'user', entityId: '1' });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('When an admin creates and changes a user, then both changes are logged with before and after and no password hash', async () => {
    const admin = await agentAs(app, db, 'admin');
    await admin.post('/admin/users').type('form').send({ name: 'ny-leser', role: 'viewer', password: 'et-godt-passord' }).expect(303);
    const id = (db.prepare("SELECT id FROM users WHERE name = 'ny-leser'").get() as { id: number }).id;
    await admin.post(`/admin/users/${id}`).type('form').send({ role: 'district', district: 'Agder' }).expect(303);
    const { entries } = listAudit(db, { entity: 'user', entityId: String(id) });
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0].actor).toBe('test-admin');
    expect(entries[0].before).toEqual(expect.objectContaining({ role: 'viewer', district: null }));
    expect(entries[0].after).toEqual(expect.objectContaining({ role: 'district', district: 'Agder' }));
    expect(JSON.stringify(entries)).not.toMatch(/scrypt/);
  });

  it('When a district user is created without a valid district, then 400 names the field and nothing is created', async () => {
    const admin = await agentAs(app, db, 'admin');
    const res = await admin.post('/admin/users').type('form').send({ name: 'uten-distrikt', role: 'district', password: 'et-godt-passord' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^En bruker med rollen politidistrikt må ha et av disse politidistriktene: .*Finnmark/);
    expect(db.prepare("SELECT count(*) AS n FROM users WHERE name = 'uten-distrikt'").get()).toEqual({ n: 0 });
  });

  it('When a planner browses the audit log with a filter, then only matching entries show, and the CSV export has them', async () => {
    const planner = await agentAs(app, db, 'planner');
    const page = await planner.get('/audit?entity=user').expect(200);
    expect(page.text).toContain('ny-leser');
    const json = await planner.get('/api/audit?entity=user&actor=test-admin').expect(200);
    expect(json.body.entries.length).toBeGreaterThanOrEqual(2);
    expect(json.body.entries.every((e: { entity: string; actor: string }) => e.entity === 'user' && e.actor === 'test-admin')).toBe(true);
    const csv = await planner.get('/audit.csv?entity=user').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'note']);
    expect(rows.slice(1).every((r) => r[4] === 'user')).toBe(true);
  });

  it('When the log holds what the application said about a change, then the page says it in the reader\'s language and keeps the user\'s words as written', async () => {
    recordAudit(db, { at: '2026-01-02T00:00:00.000Z', actor: 'anonymous', action: 'sign-in-failed', entity: 'session', entityId: 'ola', said: { key: 'audit.note.signInWrongPassword', params: { address: '10.0.0.9' } } });
    recordAudit(db, { at: '2026-01-02T00:00:01.000Z', actor: 'kari', action: 'correct', entity: 'response', entityId: '5001', said: { key: 'audit.note.reason.correction' }, note: 'Feil i brevet' });
    const planner = await agentAs(app, db, 'planner');
    const nb = (await planner.get('/audit?lang=nb').expect(200)).text;
    expect(nb).toContain('feil passord; adresse 10.0.0.9');
    expect(nb).toContain('retting</span>: <q lang="und">Feil i brevet</q>');
    const en = (await planner.get('/audit?lang=en').expect(200)).text;
    expect(en).toContain('wrong password; address 10.0.0.9');
    expect(en).toContain('correction</span>: <q lang="und">Feil i brevet</q>');
    const csv = parseCsv((await planner.get('/audit.csv?entity=response').expect(200)).text);
    expect(csv.find((r) => r[5] === '5001')?.[8]).toBe('correction: Feil i brevet');
  });

  it('When a viewer asks for the audit log, then 403', async () => {
    const viewer = await agentAs(app, db, 'viewer');
    await viewer.get('/api/audit').expect(403);
  });

  it('When an invalid filter is given, then 400 names it', async () => {
    const planner = await agentAs(app, db, 'planner');
    const res = await planner.get('/api/audit?from=igår').expect(400);
    expect(res.body.error.message).toMatch(/from/);
  });
});

describe('CLI user and token', () => {
  const dir = tempDir();
  const dbPath = path.join(dir, 'auth.db');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const io = (stdin = '') => {
    const o = { out: '', err: '', stdout: (s: string) => { o.out += s; }, stderr: (s: string) => { o.err += s; }, readStdin: async () => stdin };
    return o;
  };

  it('When a user is added with the password on stdin, then they can sign in; a weak password is refused', async () => {
    const weak = io('kort\n');
    expect(await main(['user', 'add', '--db', dbPath, '--name', 'kari', '--role', 'planner'], weak)).toBe(2);
    expect(weak.err).toMatch(/at least 10/);
    const ok = io('kari-sitt-passord\n');
    expect(await main(['user', 'add', '--db', dbPath, '--name', 'kari', '--role', 'planner'], ok)).toBe(0);
    expect(ok.out).toMatch(/created user kari \(planner\)/);
    const db = openDatabase(dbPath);
    const app = createApp({ db });
    const agent = request.agent(app);
    const login = await agent.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)![1];
    await agent.post('/login').type('form').send({ name: 'kari', password: 'kari-sitt-passord', _csrf: csrf }).expect(303);
    await agent.get('/api/criteria').expect(200);
    db.close();
  });

  it('When a district user is added without a district, then a usage error lists the districts', async () => {
    const cap = io('et-godt-passord\n');
    expect(await main(['user', 'add', '--db', dbPath, '--name', 'ola', '--role', 'district'], cap)).toBe(2);
    expect(cap.err).toMatch(/Finnmark/);
  });

  it('When a token is created, then it is the last word on stdout, works as a bearer token, and stops working once revoked', async () => {
    const cap = io();
    expect(await main(['token', 'create', '--db', dbPath, '--user', 'kari'], cap)).toBe(0);
    const token = cap.out.trim().split(/\s+/).pop()!;
    expect(token).toMatch(/^sv_[A-Za-z0-9_-]{40,}$/);
    const db = openDatabase(dbPath);
    const app = createApp({ db });
    await request(app).get('/api/criteria').set('Authorization', `Bearer ${token}`).expect(200);
    const stored = db.prepare('SELECT token_hash FROM api_tokens').all() as { token_hash: string }[];
    expect(stored.some((r) => r.token_hash.includes(token.slice(3)))).toBe(false);
    const id = (db.prepare('SELECT max(id) AS id FROM api_tokens').get() as { id: number }).id;
    db.close();
    const revoke = io();
    expect(await main(['token', 'revoke', String(id), '--db', dbPath], revoke)).toBe(0);
    const db2 = openDatabase(dbPath);
    await request(createApp({ db: db2 })).get('/api/criteria').set('Authorization', `Bearer ${token}`).expect(401);
    expect(listAudit(db2, { entity: 'token' }).entries.map((e) => e.action)).toEqual(['revoke', 'create']);
    db2.close();
  });

  it('When a token is requested for an unknown user, then stderr says so and the exit code is 1', async () => {
    const cap = io();
    expect(await main(['token', 'create', '--db', dbPath, '--user', 'ingen'], cap)).toBe(1);
    expect(cap.err).toMatch(/no user named "ingen"/);
  });
});
