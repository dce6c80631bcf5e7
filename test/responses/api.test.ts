import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../src/db/connection';
import { listAudit } from '../../src/db/audit-repo';
import { getResponse, listImports, responseHistory } from '../../src/db/responses-repo';
import { SESSION_COOKIE } from '../../src/web/auth-middleware';
import { createSession } from '../../src/auth/sessions';
import { createApp } from '../../src/web/app';
import { memoryDb } from '../helpers/app';
import { agentAs, testUser } from '../helpers/auth';
import { csvOf, validRecord } from './fixtures';

let db: Db;
let app: Express;
/** Signed in as a planner (bearer token: no CSRF token needed). */
let api: Awaited<ReturnType<typeof agentAs>>;
beforeEach(async () => {
  db = memoryDb();
  app = createApp({ db });
  api = await agentAs(app, db, 'planner');
});
afterEach(() => db.close());

const planner = 'test-planner';

const upload = (body: string | Buffer, query = '', name = 'svar.csv') =>
  api.post(`/api/import/responses${query}`).attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), name);

describe('answers API', () => {
  it('When a file has errors, then POST /api/import/responses answers 422 with every problem (row, column, field, message) and counts', async () => {
    const res = await upload(csvOf([validRecord('5001'), validRecord('9999', { kommunenavn: '' }), validRecord('1804', { sp2_fornoyd: 'kanskje' })]));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 'rejected', dryRun: false, counts: { rows: 3, new: 1, rejected: 2, errors: 2 }, importId: null });
    expect(res.body.problems).toEqual([
      { severity: 'error', row: 3, column: 'A', field: 'kommunenummer', code: 'unknown_kommunenummer', params: { value: '9999' }, message: expect.any(String) },
      { severity: 'error', row: 4, column: 'F', field: 'sp2_fornoyd', code: 'invalid_value', params: expect.any(Object), message: expect.stringContaining('kanskje') },
    ]);
    expect(getResponse(db, '5001')).toBeNull();
  });

  it('When dryRun=true is sent as a field, then the report is 200 and nothing is saved; without it the import is saved', async () => {
    const body = csvOf([validRecord('5001')]);
    const dry = await api.post('/api/import/responses').field('dryRun', 'true').attach('file', Buffer.from(body), 'svar.csv');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ status: 'dry-run', counts: { new: 1 } });
    expect(getResponse(db, '5001')).toBeNull();
    const real = await upload(body);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ status: 'applied', counts: { new: 1 }, importId: 1 });
    expect(getResponse(db, '5001')).toMatchObject({ changedBy: planner });
    expect(listImports(db, 1)[0]).toMatchObject({ importedBy: planner });
    expect(listAudit(db, { entity: 'response', entityId: '5001' }).entries).toEqual([expect.objectContaining({ actor: planner })]);
  });

  it('When a "by" field is sent with an import, then it is ignored and the signed-in account is recorded', async () => {
    const res = await api.post('/api/import/responses').field('by', 'Someone Else').attach('file', Buffer.from(csvOf([validRecord('5001')])), 'svar.csv');
    expect(res.status).toBe(200);
    expect(getResponse(db, '5001')).toMatchObject({ changedBy: planner });
  });

  it('When the upload is larger than 5 MB, then the answer is 413 with a clear message', async () => {
    const res = await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 0x41));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining('5 MB') } });
  });

  it('When no file is sent, then the answer is 400 naming the field', async () => {
    const res = await api.post('/api/import/responses').field('dryRun', 'true');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/multipart-feltet «file»/);
  });

  it('When answers are read, then GET /api/responses[/:kommunenummer] give them, 400 for a malformed and 404 for an unknown number', async () => {
    await upload(csvOf([validRecord('5001'), validRecord('1804', { sp5_onsker_tjenestested: 'nei' })]));
    const all = await api.get('/api/responses');
    expect(all.body).toMatchObject({ loaded: true, sample: false, count: 2, total: 2, shown: 2 });
    expect((await api.get('/api/responses?wants=no')).body.responses.map((r: { kommunenummer: string }) => r.kommunenummer)).toEqual(['1804']);
    expect((await api.get('/api/responses?wants=maybe')).status).toBe(400);
    const one = await api.get('/api/responses/5001');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ kommunenummer: '5001', name: 'Trondheim - Tråante', sample: false, q2: { satisfied: 'partly' } });
    expect((await api.get('/api/responses/50x1')).body).toEqual({ error: { code: 'invalid_request', message: expect.stringContaining('fire sifre') } });
    expect((await api.get('/api/responses/50x1')).status).toBe(400);
    expect((await api.get('/api/responses/9999')).status).toBe(404);
    const none = await api.get('/api/responses/0301');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/har ikke noe registrert svar/);
  });

  it('When sample answers are loaded, then every answer says sample: true, every page shows the banner, and a real import removes it', async () => {
    const banner = 'data-testid="sample-banner"';
    expect((await api.get('/')).text).not.toContain(banner);
    const loaded = await api.post('/api/responses/sample');
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ status: 'applied', sample: true, counts: { new: 357 } });
    expect(getResponse(db, '5001')).toMatchObject({ sample: true, changedBy: planner });
    expect(listAudit(db, { entity: 'response', entityId: '5001' }).entries[0]).toMatchObject({ actor: planner });
    expect((await api.get('/api/responses')).body).toMatchObject({ sample: true, count: 357 });
    expect((await api.get('/api/responses/5001')).body.sample).toBe(true);
    for (const page of ['/', '/import', '/responses', '/responses/5001', '/?lang=en']) {
      const res = await api.get(page);
      expect(res.status).toBe(200);
      expect(res.text).toContain(banner);
      expect(res.text).toMatch(/Eksempeldata: svarene fra kommunene er illustrative, ikke ekte svar|Sample data: the municipal answers are illustrative/);
    }
    await upload(csvOf([validRecord('5001')]));
    expect((await api.get('/api/responses')).body).toMatchObject({ sample: false, count: 1 });
    expect((await api.get('/responses')).text).not.toContain(banner);
    expect((await api.post('/api/responses/sample')).status).toBe(409);
    const history = await api.get('/api/responses/5001/history');
    expect(history.body.history).toEqual([expect.objectContaining({ reason: 'replace', snapshot: expect.objectContaining({ sample: true }) })]);
  });

  it('When the templates are downloaded, then they come with the right types and file names', async () => {
    const csv = await api.get('/import/template.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/svar-mal\.csv/);
    expect(csv.text).toContain('kommunenummer;kommunenavn;mottatt_dato');
    const xlsx = await api
      .get('/import/template.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('When a correction is posted with an invalid value, then it is refused (422) with the message and nothing is written', async () => {
    await upload(csvOf([validRecord('5001')]));
    const form = { ...validRecord('5001'), sp2_fornoyd: 'kanskje' };
    const res = await api.post('/responses/5001').type('form').send(form);
    expect(res.status).toBe(422);
    expect(res.text).toContain('Ugyldig verdi «kanskje» i sp2_fornoyd');
    expect(getResponse(db, '5001')?.version).toBe(1);
  });

  it('When a valid correction is posted, then the answer is saved as a new version and the old one is in history with the account and why', async () => {
    await upload(csvOf([validRecord('5001')]));
    const res = await api
      .post('/responses/5001')
      .type('form')
      .send({ ...validRecord('5001'), sp2_fornoyd: 'nei', endret_av: 'Typed Name', endringsmerknad: 'Feil i overføringen fra brevet' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/responses/5001?saved=2');
    expect(getResponse(db, '5001')).toMatchObject({ version: 2, source: 'entered by hand', changedBy: planner, q2: { satisfied: 'no' } });
    expect(responseHistory(db, '5001')).toEqual([
      expect.objectContaining({ version: 1, reason: 'correction', replacedBy: planner, note: 'Feil i overføringen fra brevet' }),
    ]);
    expect(listAudit(db, { entity: 'response', entityId: '5001' }).entries[0]).toMatchObject({
      actor: planner, action: 'correct', said: { key: 'audit.note.reason.correction' }, note: 'Feil i overføringen fra brevet',
      before: expect.objectContaining({ version: 1 }), after: expect.objectContaining({ version: 2 }),
    });
    const page = await api.get('/responses/5001?saved=2');
    expect(page.text).toContain('Rettelsen er lagret som versjon 2.');
    expect(page.text).toContain('Rettet for hånd');
    expect(page.text).toContain('Kilde: lagt inn for hånd');
    expect(page.text).toContain('<q lang="und">Feil i overføringen fra brevet</q>');
    expect(page.text).not.toContain('entered by hand');
    expect(page.text).toContain('Lagres som <b>test-planner</b>');
    expect(page.text).not.toContain('name="endret_av"');
  });

  it('When a municipality without an answer gets one entered by hand, then it is saved as version 1 against the account', async () => {
    const res = await api.post('/responses/1804').type('form').send(validRecord('1804'));
    expect(res.status).toBe(303);
    expect(getResponse(db, '1804')).toMatchObject({ version: 1, source: 'entered by hand', changedBy: planner });
    expect(listAudit(db, { entity: 'response', entityId: '1804' }).entries).toEqual([expect.objectContaining({ actor: planner, action: 'create' })]);
  });

  it('When the answer pages are opened, then they render; the list filters and counts', async () => {
    expect((await api.get('/responses')).text).toContain('Ingen svar er lastet inn');
    await upload(csvOf([validRecord('5001'), validRecord('1804', { sp5_onsker_tjenestested: 'nei' }), validRecord('0301', { lokale1_adresse: 'Torget 1', lokale1_samlokalisert_med: 'NAV' })]));
    const list = await api.get('/responses?wants=yes');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Viser 2 av 3 svar');
    expect(list.text).toMatch(/data-count="premises-co_located">1</);
    expect((await api.get('/responses?district=p99')).text).toContain('Viser 0 av 3 svar');
    expect((await api.get('/responses?wants=kanskje')).status).toBe(400);
    const page = await api.get('/responses/0301');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Torget 1');
    expect((await api.get('/responses/9999')).status).toBe(404);
    expect((await api.get('/import')).status).toBe(200);
  });
});

describe('answers: who may change them', () => {
  const correction = { ...validRecord('5001'), sp2_fornoyd: 'nei' };

  it('When a viewer posts an import or a correction, then both answer 403 and nothing is written', async () => {
    const viewer = await agentAs(app, db, 'viewer');
    const imported = await viewer.post('/api/import/responses').attach('file', Buffer.from(csvOf([validRecord('5001')])), 'svar.csv');
    expect(imported.status).toBe(403);
    expect(imported.body.error.code).toBe('forbidden');
    expect(getResponse(db, '5001')).toBeNull();
    expect((await viewer.post('/api/responses/sample')).status).toBe(403);
    await upload(csvOf([validRecord('5001')]));
    const corrected = await viewer.post('/responses/5001').type('form').send(correction);
    expect(corrected.status).toBe(403);
    expect(getResponse(db, '5001')).toMatchObject({ version: 1, q2: { satisfied: 'partly' } });
    expect(listAudit(db, { actor: 'test-viewer' }).total).toBe(0);
  });

  it('When nobody is signed in, then the import API answers 401 and nothing is written', async () => {
    const res = await request(app).post('/api/import/responses').attach('file', Buffer.from(csvOf([validRecord('5001')])), 'svar.csv');
    expect(res.status).toBe(401);
    expect(getResponse(db, '5001')).toBeNull();
  });

  it('When a cookie session posts a correction without the CSRF token, then it is refused (403) and nothing is written; with the token it is saved', async () => {
    await upload(csvOf([validRecord('5001')]));
    const { cookie, session } = createSession(db, await testUser(db, 'planner'), Date.now());
    const withCookie = () => request(app).post('/responses/5001').set('Cookie', `${SESSION_COOKIE}=${cookie}`).type('form');
    const refused = await withCookie().send(correction);
    expect(refused.status).toBe(403);
    expect(getResponse(db, '5001')).toMatchObject({ version: 1, q2: { satisfied: 'partly' } });
    expect(responseHistory(db, '5001')).toEqual([]);
    expect((await withCookie().send({ ...correction, _csrf: 'not-the-token' })).status).toBe(403);
    expect(getResponse(db, '5001')?.version).toBe(1);
    const saved = await withCookie().send({ ...correction, _csrf: session.csrfToken });
    expect(saved.status).toBe(303);
    expect(getResponse(db, '5001')).toMatchObject({ version: 2, changedBy: planner });
  });

  it('When a planner opens the pages, then the import form, the sample button and the correction form are there with the account name', async () => {
    await upload(csvOf([validRecord('5001')]));
    const importPage = await api.get('/import');
    expect(importPage.text).toContain('id="import-form"');
    expect(importPage.text).toContain('id="load-sample"');
    expect(importPage.text).toContain('Importeres som <b>test-planner</b>');
    expect(importPage.text).not.toContain('name="by"');
    expect((await api.get('/responses/5001')).text).toContain('id="correct"');
  });

  it.each(['viewer', 'district'] as const)('When a %s opens the pages, then they read them without the import form, the sample button or the correction form', async (role) => {
    await upload(csvOf([validRecord('5001')]));
    const reader = await agentAs(app, db, role);
    const importPage = await reader.get('/import');
    expect(importPage.status).toBe(200);
    expect(importPage.text).toContain('data-testid="import-readonly"');
    expect(importPage.text).not.toContain('id="import-form"');
    expect(importPage.text).not.toContain('id="load-sample"');
    const answer = await reader.get('/responses/5001');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('data-testid="q2"');
    expect(answer.text).not.toContain('id="correct"');
    expect(answer.text).not.toContain('action="/responses/5001');
    expect((await reader.get('/responses')).status).toBe(200);
  });
});
