import request from 'supertest';
import { createApp } from '../../src/web/app';
import { memoryDb, testApp } from '../helpers/app';
import { TEST_PASSWORD, testUser, tokenFor } from '../helpers/auth';
import { createSetupToken } from '../../src/auth/setup-tokens';
import { countUsers, findUserForLogin } from '../../src/db/users-repo';
import { revokeApiToken } from '../../src/auth/sessions';
import { hashPassword, verifyPassword } from '../../src/auth/passwords';

/** Reads the pre-session CSRF cookie and field from the sign-in page, as a browser would. */
async function openLoginForm(agent: ReturnType<typeof request.agent>): Promise<string> {
  const page = await agent.get('/login').expect(200);
  const m = /name="_csrf" value="([^"]+)"/.exec(page.text);
  if (!m) throw new Error('no CSRF field on the sign-in page');
  return m[1];
}

async function signIn(agent: ReturnType<typeof request.agent>, name: string, password: string) {
  const csrf = await openLoginForm(agent);
  return agent.post('/login').type('form').send({ name, password, _csrf: csrf, next: '/responses' }).redirects(0);
}

/** The session's CSRF token from any signed-in page. */
async function sessionCsrf(agent: ReturnType<typeof request.agent>): Promise<string> {
  const page = await agent.get('/account').expect(200);
  return /name="csrf-token" content="([^"]+)"/.exec(page.text)![1];
}

describe('passwords', () => {
  it('When a password is hashed, then it is stored with scrypt parameters and verifies only with the same password', async () => {
    const hash = await hashPassword('et langt passord æøå', { N: 2 ** 14, r: 8, p: 1 });
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('et langt passord æøå', hash)).toBe(true);
    expect(await verifyPassword('et langt passord aoa', hash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('sign-in and sessions', () => {
  const { db, app } = testApp();

  it('When a planner signs in, then a HttpOnly SameSite session cookie is set and pages open', async () => {
    const user = await testUser(db, 'planner');
    const agent = request.agent(app);
    const res = await signIn(agent, user.name, TEST_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/responses');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('sv_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const page = await agent.get('/responses').expect(200);
    expect(page.text).toContain(user.name);
  });

  it('When the password is wrong, then 401 with a message and no session', async () => {
    const user = await testUser(db, 'viewer');
    const agent = request.agent(app);
    const res = await signIn(agent, user.name, 'feil-passord-123');
    expect(res.status).toBe(401);
    expect(res.text).toContain('Feil brukernavn eller passord');
    await agent.get('/api/municipalities').expect(401);
  });

  it('When the sign-in form is posted without its CSRF field, then 403', async () => {
    const user = await testUser(db, 'viewer');
    await request(app).post('/login').type('form').send({ name: user.name, password: TEST_PASSWORD }).expect(403);
  });

  it('When an account fails five times, then the sixth attempt is refused for a while even with the right password', async () => {
    const user = await testUser(db, 'admin');
    const agent = request.agent(app);
    for (let i = 0; i < 5; i++) expect((await signIn(agent, user.name, `galt-${i}-passord`)).status).toBe(401);
    const locked = await signIn(agent, user.name, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    db.prepare('DELETE FROM login_failures').run();
    expect((await signIn(agent, user.name, TEST_PASSWORD)).status).toBe(303);
  });

  it('When many attempts fail from one address across accounts, then that address is refused after 30', async () => {
    db.prepare('DELETE FROM login_failures').run();
    const agent = request.agent(app);
    for (let i = 0; i < 30; i++) expect((await signIn(agent, `ukjent-${i}`, 'galt-passord-x')).status).toBe(401);
    const user = await testUser(db, 'viewer');
    expect((await signIn(agent, user.name, TEST_PASSWORD)).status).toBe(429);
    db.prepare('DELETE FROM login_failures').run();
  }, 180_000); // 31 password checks (each a deliberate scrypt cost): over 60 s on a loaded 2-core machine

  it('When a signed-in browser posts without the CSRF token, then 403 and nothing changes; with it, the change is made', async () => {
    const user = await testUser(db, 'planner');
    const agent = request.agent(app);
    await signIn(agent, user.name, TEST_PASSWORD);
    const before = (db.prepare('SELECT count(*) AS n FROM scenarios').get() as { n: number }).n;
    const refused = await agent.post('/api/scenarios').send({ name: 'Uten token' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf_failed');
    expect((db.prepare('SELECT count(*) AS n FROM scenarios').get() as { n: number }).n).toBe(before);
    const wrong = await agent.post('/api/scenarios').set('X-CSRF-Token', 'feil').send({ name: 'Feil token' });
    expect(wrong.status).toBe(403);
    const ok = await agent.post('/api/scenarios').set('X-CSRF-Token', await sessionCsrf(agent)).send({ name: 'Med token' });
    expect(ok.status).toBe(201);
  });

  it('When the user signs out, then the session no longer works', async () => {
    const user = await testUser(db, 'viewer');
    const agent = request.agent(app);
    await signIn(agent, user.name, TEST_PASSWORD);
    await agent.get('/api/criteria').expect(200);
    await agent.post('/logout').type('form').send({ _csrf: await sessionCsrf(agent) }).expect(303);
    await agent.get('/api/criteria').expect(401);
  });

  it('When a user changes password, then the old one stops working and the new one works', async () => {
    const user = await testUser(db, 'district', 'Troms');
    const agent = request.agent(app);
    await signIn(agent, user.name, TEST_PASSWORD);
    const csrf = await sessionCsrf(agent);
    const bad = await agent.post('/account/password').type('form').send({ _csrf: csrf, current: 'feil', password: 'nytt-passord-1', password2: 'nytt-passord-1' });
    expect(bad.status).toBe(400);
    const ok = await agent.post('/account/password').type('form').send({ _csrf: csrf, current: TEST_PASSWORD, password: 'nytt-passord-1', password2: 'nytt-passord-1' });
    expect(ok.status).toBe(200);
    expect(await verifyPassword('nytt-passord-1', findUserForLogin(db, user.name)!.passwordHash)).toBe(true);
    expect((await signIn(request.agent(app), user.name, TEST_PASSWORD)).status).toBe(401);
  });

  it('When a bearer token is revoked, then it no longer authenticates', async () => {
    const token = await tokenFor(db, 'viewer');
    await request(app).get('/api/criteria').set('Authorization', `Bearer ${token}`).expect(200);
    const id = (db.prepare('SELECT max(id) AS id FROM api_tokens').get() as { id: number }).id;
    expect(revokeApiToken(db, id, 'test', new Date().toISOString())).toBe(true);
    await request(app).get('/api/criteria').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('When responses are sent, then security headers and a content security policy without inline scripts are present', async () => {
    const res = await request(app).get('/login').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('When a request body is larger than the limit, then 413', async () => {
    const token = await tokenFor(db, 'planner');
    const res = await request(app).post('/api/selection').set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(1_200_000) }));
    expect(res.status).toBe(413);
  });
});

describe('first run', () => {
  it('When no user exists, then the one-time setup link creates the first admin and then stops working', async () => {
    const db = memoryDb();
    const app = createApp({ db });
    const token = createSetupToken(db, Date.now())!;
    expect(token).toBeTruthy();
    const agent = request.agent(app);
    const form = await agent.get(`/setup/${token}`).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const weak = await agent.post(`/setup/${token}`).type('form').send({ _csrf: csrf, name: 'sjef', password: 'kort', password2: 'kort' });
    expect(weak.status).toBe(400);
    expect(countUsers(db)).toBe(0);
    const res = await agent.post(`/setup/${token}`).type('form').send({ _csrf: csrf, name: 'sjef', password: 'et-godt-passord', password2: 'et-godt-passord' }).redirects(0);
    expect(res.status).toBe(303);
    expect(findUserForLogin(db, 'sjef')!.user.role).toBe('admin');
    await agent.get('/admin/users').expect(200);
    await request(app).get(`/setup/${token}`).expect(404);
    expect(createSetupToken(db, Date.now())).toBeNull();
    db.close();
  });
});
