/**
 * CSRF with multipart bodies: the token of a multipart form is read only by the upload routes'
 * parser, so only those routes may postpone the check; any other route refuses a cookie-borne
 * multipart request without the token (it used to run unchecked: a scenario could be deleted).
 */
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { UPLOAD_ROUTES } from '../../src/web/csrf';
import { memoryDb } from '../helpers/app';
import { sessionFor } from './helpers';

describe('CSRF on multipart requests', () => {
  const db = memoryDb();
  const app = createApp({ db });
  afterAll(() => db.close());

  async function scenario(s: { cookie: string; csrf: string }): Promise<string> {
    const res = await request(app).post('/api/scenarios').set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).send({ name: 'Beholdes', params: {} });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('When a planner\'s browser is made to send a multipart DELETE or POST without the token to a route that takes no upload, then it is refused (403) and nothing changes', async () => {
    const s = await sessionFor(db, 'planner');
    const id = await scenario(s);
    const del = await request(app).delete(`/api/scenarios/${id}`).set('Cookie', s.cookie).field('x', '1');
    expect(del.status).toBe(403);
    expect(del.body.error.code).toBe('csrf_failed');
    const dup = await request(app).post(`/api/scenarios/${id}/duplicate`).set('Cookie', s.cookie).field('x', '1');
    expect(dup.status).toBe(403);
    const still = await request(app).get(`/api/scenarios/${id}`).set('Cookie', s.cookie);
    expect(still.status).toBe(200);
    expect(still.body.name).toBe('Beholdes');
  });

  it('When an admin\'s browser is made to send a multipart user update without the token, then it is refused (403)', async () => {
    const admin = await sessionFor(db, 'admin');
    const res = await request(app).post('/admin/users/1').set('Cookie', admin.cookie).field('role', 'viewer');
    expect(res.status).toBe(403);
  });

  it('When the form of an upload route carries the token in its _csrf field, then the upload is taken; without it, it is refused', async () => {
    expect(UPLOAD_ROUTES.has('/api/letters')).toBe(true);
    const s = await sessionFor(db, 'planner');
    const letter = Buffer.from('Fra Alta kommune\n\nAlta kommune ønsker et nytt tjenestested.\n', 'utf8');
    const ok = await request(app).post('/api/letters').set('Cookie', s.cookie)
      .field('_csrf', s.csrf).field('dryRun', 'true').attach('file', letter, 'alta.txt');
    expect(ok.status).toBeLessThan(300);
    const refused = await request(app).post('/api/letters').set('Cookie', s.cookie)
      .field('dryRun', 'true').attach('file', letter, 'alta.txt');
    expect(refused.status).toBe(403);
    const wrong = await request(app).post('/api/letters').set('Cookie', s.cookie)
      .field('_csrf', 'x'.repeat(s.csrf.length)).field('dryRun', 'true').attach('file', letter, 'alta.txt');
    expect(wrong.status).toBe(403);
  });
});
