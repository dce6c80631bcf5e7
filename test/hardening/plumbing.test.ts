/**
 * Issue 10, "bad input that crashes": malformed cookies, paths, bodies and uploads are each a 4xx
 * with a message in the user's language, never a 500; links never leave the site; nothing dynamic
 * may be cached.
 */
import request from 'supertest';
import { createApp } from '../../src/web/app';
import type { AddressInfo } from 'node:net';
import { memoryDb } from '../helpers/app';
import { answerClientErrors } from '../../src/web/client-errors';
import { tokenFor } from '../helpers/auth';
import { dbImageHash, rawRequest, sessionFor } from './helpers';

describe('HTTP plumbing under bad input', () => {
  const db = memoryDb();
  const app = createApp({ db });
  let token = '';
  beforeAll(async () => {
    token = await tokenFor(db, 'planner');
  });
  afterAll(() => db.close());

  it('When the lang cookie is malformed percent-encoding, then /healthz, the sign-in page and signed-in pages still answer 200', async () => {
    const bad = 'lang=%E0%A4%A';
    expect((await request(app).get('/healthz').set('Cookie', bad)).status).toBe(200);
    expect((await request(app).get('/login').set('Cookie', bad)).status).toBe(200);
    const s = await sessionFor(db, 'viewer');
    const page = await request(app).get('/responses').set('Cookie', `${bad}; ${s.cookie}`).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('lang="nb"');
  });

  it('When the session cookie is malformed or holds control characters, then it is ignored as no session (401, not 500)', async () => {
    for (const cookie of ['sv_session=%E0%A4%A', 'sv_session=%00abc', 'sv_session=', 'sv_session=a%ZZb; lang=en']) {
      const res = await request(app).get('/api/municipalities').set('Cookie', cookie);
      expect([cookie, res.status, res.body.error.code]).toEqual([cookie, 401, 'unauthenticated']);
    }
  });

  it('When a path has malformed percent-encoding, then 400 says so in Norwegian by default and in English on request', async () => {
    const nb = await request(app).get('/api/municipalities/%E0%A4%A').set('Authorization', `Bearer ${token}`);
    expect(nb.status).toBe(400);
    expect(nb.body.error.code).toBe('malformed_path');
    expect(nb.body.error.message).toContain('prosentkoding');
    const en = await request(app).get('/api/municipalities/%E0%A4%A?lang=en').set('Authorization', `Bearer ${token}`);
    expect(en.status).toBe(400);
    expect(en.body.error.message).toContain('percent-encoding');
  });

  it('When JSON comes with an unsupported charset or does not parse, then 415/400 with a clear message', async () => {
    const ebcdic = await request(app).post('/api/selection').set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json; charset=ebcdic').send('{"k":3}');
    expect(ebcdic.status).toBe(415);
    expect(ebcdic.body.error.message).toContain('ebcdic');
    const broken = await request(app).post('/api/selection?lang=en').set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json').send('{"k":');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toBe('The request body is not valid JSON.');
  });

  it('When an upload has no boundary, a wrong boundary or a truncated body, then 400 explains how to send the file', async () => {
    const noBoundary = await request(app).post('/api/import/responses').set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'multipart/form-data').send('--x\r\n');
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.body.error.message).toContain('multipart/form-data');
    const wrong = await request(app).post('/api/import/responses').set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'multipart/form-data; boundary=abc').send('--other\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx\r\n--other--\r\n');
    expect(wrong.status).toBe(400);
    const truncated = await request(app).post('/api/import/responses').set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'multipart/form-data; boundary=abc').send('--abc\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nkommunenummer;');
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.code).toBe('invalid_request');
  });

  it('When the uploaded file name holds a NUL, then 400 and nothing is written', async () => {
    const before = dbImageHash(db);
    const body = '--abc\r\nContent-Disposition: form-data; name="file"; filename="svar\u0000.csv"\r\nContent-Type: text/csv\r\n\r\nkommunenummer;kommunenavn\r\n0301;Oslo\r\n--abc--\r\n';
    const res = await request(app).post('/api/import/responses').set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'multipart/form-data; boundary=abc').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message.length).toBeGreaterThan(10);
    expect(dbImageHash(db)).toBe(before);
  });

  it('When a body is shorter than its Content-Length, then the server answers 400 with a message instead of dropping or 500', async () => {
    const server = app.listen(0, '127.0.0.1');
    answerClientErrors(server);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const head = `POST /api/selection HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n`;
      const res = await rawRequest(url, head + '{"k": 3');
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/"message":"[^"]{10,}/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('When a 404 is for //evil.example/x, then the language link stays on this site', async () => {
    const s = await sessionFor(db, 'viewer');
    const res = await request(app).get('//evil.example/x').set('Cookie', s.cookie).set('Accept', 'text/html');
    expect(res.status).toBe(404);
    const href = /class="lang" href="([^"]+)"/.exec(res.text)![1];
    expect(href).toBe('/evil.example/x?lang=en');
    const back = await request(app).get('/\\evil.example/x').set('Cookie', s.cookie).set('Accept', 'text/html');
    expect(/class="lang" href="([^"]+)"/.exec(back.text)![1]).toBe('/evil.example/x?lang=en');
  });

  it('When pages, API answers and exports are served, then they say Cache-Control: no-store; static files stay cacheable', async () => {
    const s = await sessionFor(db, 'planner');
    for (const path of ['/', '/responses', '/api/ranking', '/api/municipalities', '/export/scenario.csv?solver=greedy', '/login', '/healthz']) {
      const res = await request(app).get(path).set('Cookie', s.cookie);
      expect([path, res.headers['cache-control']]).toEqual([path, 'no-store']);
    }
    const css = await request(app).get('/static/app.css');
    expect(css.headers['cache-control']).toMatch(/max-age=3600/);
  });
});
