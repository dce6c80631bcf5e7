import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../src/db/connection';
import { getResponse, responseHistory } from '../../src/db/responses-repo';
import { createApp } from '../../src/web/app';
import { memoryDb } from '../helpers/app';
import { csvOf, validRecord } from './fixtures';

let db: Db;
let app: Express;
beforeEach(() => {
  db = memoryDb();
  app = createApp({ db });
});
afterEach(() => db.close());

const upload = (body: string | Buffer, query = '', name = 'svar.csv') =>
  request(app).post(`/api/import/responses${query}`).attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), name);

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
    const dry = await request(app).post('/api/import/responses').field('dryRun', 'true').attach('file', Buffer.from(body), 'svar.csv');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ status: 'dry-run', counts: { new: 1 } });
    expect(getResponse(db, '5001')).toBeNull();
    const real = await upload(body);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ status: 'applied', counts: { new: 1 }, importId: 1 });
    expect(getResponse(db, '5001')).not.toBeNull();
  });

  it('When the upload is larger than 5 MB, then the answer is 413 with a clear message', async () => {
    const res = await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 0x41));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining('5 MB') } });
  });

  it('When no file is sent, then the answer is 400 naming the field', async () => {
    const res = await request(app).post('/api/import/responses').field('dryRun', 'true');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/multipart field "file"/);
  });

  it('When answers are read, then GET /api/responses[/:kommunenummer] give them, 400 for a malformed and 404 for an unknown number', async () => {
    await upload(csvOf([validRecord('5001'), validRecord('1804', { sp5_onsker_tjenestested: 'nei' })]));
    const all = await request(app).get('/api/responses');
    expect(all.body).toMatchObject({ loaded: true, sample: false, count: 2, total: 2, shown: 2 });
    expect((await request(app).get('/api/responses?wants=no')).body.responses.map((r: { kommunenummer: string }) => r.kommunenummer)).toEqual(['1804']);
    expect((await request(app).get('/api/responses?wants=maybe')).status).toBe(400);
    const one = await request(app).get('/api/responses/5001');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ kommunenummer: '5001', name: 'Trondheim - Tråante', sample: false, q2: { satisfied: 'partly' } });
    expect((await request(app).get('/api/responses/50x1')).body).toEqual({ error: { code: 'invalid_request', message: expect.stringContaining('4 digits') } });
    expect((await request(app).get('/api/responses/50x1')).status).toBe(400);
    expect((await request(app).get('/api/responses/9999')).status).toBe(404);
    const none = await request(app).get('/api/responses/0301');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/no recorded answer/);
  });

  it('When sample answers are loaded, then every answer says sample: true, every page shows the banner, and a real import removes it', async () => {
    const banner = 'data-testid="sample-banner"';
    expect((await request(app).get('/')).text).not.toContain(banner);
    const loaded = await request(app).post('/api/responses/sample');
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ status: 'applied', sample: true, counts: { new: 357 } });
    expect((await request(app).get('/api/responses')).body).toMatchObject({ sample: true, count: 357 });
    expect((await request(app).get('/api/responses/5001')).body.sample).toBe(true);
    for (const page of ['/', '/import', '/responses', '/responses/5001', '/?lang=en']) {
      const res = await request(app).get(page);
      expect(res.status).toBe(200);
      expect(res.text).toContain(banner);
      expect(res.text).toMatch(/Eksempeldata: svarene fra kommunene er illustrative, ikke ekte svar|Sample data: the municipal answers are illustrative/);
    }
    await upload(csvOf([validRecord('5001')]));
    expect((await request(app).get('/api/responses')).body).toMatchObject({ sample: false, count: 1 });
    expect((await request(app).get('/responses')).text).not.toContain(banner);
    expect((await request(app).post('/api/responses/sample')).status).toBe(409);
    const history = await request(app).get('/api/responses/5001/history');
    expect(history.body.history).toEqual([expect.objectContaining({ reason: 'replace', snapshot: expect.objectContaining({ sample: true }) })]);
  });

  it('When the templates are downloaded, then they come with the right types and file names', async () => {
    const csv = await request(app).get('/import/template.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/svar-mal\.csv/);
    expect(csv.text).toContain('kommunenummer;kommunenavn;mottatt_dato');
    const xlsx = await request(app)
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
    const form = { ...validRecord('5001'), sp2_fornoyd: 'kanskje', endret_av: 'Kari' };
    const res = await request(app).post('/responses/5001').type('form').send(form);
    expect(res.status).toBe(422);
    expect(res.text).toContain('Ugyldig verdi «kanskje» i sp2_fornoyd');
    expect(getResponse(db, '5001')?.version).toBe(1);
  });

  it('When a correction is posted without a name, then it is refused', async () => {
    await upload(csvOf([validRecord('5001')]));
    const res = await request(app).post('/responses/5001').type('form').send({ ...validRecord('5001'), sp2_fornoyd: 'nei' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Oppgi navnet ditt.');
    expect(getResponse(db, '5001')?.q2.satisfied).toBe('partly');
  });

  it('When a valid correction is posted, then the answer is saved as a new version and the old one is in history with who and why', async () => {
    await upload(csvOf([validRecord('5001')]));
    const res = await request(app)
      .post('/responses/5001')
      .type('form')
      .send({ ...validRecord('5001'), sp2_fornoyd: 'nei', endret_av: 'Kari Nordmann', endringsmerknad: 'Feil i overføringen fra brevet' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/responses/5001?saved=2');
    expect(getResponse(db, '5001')).toMatchObject({ version: 2, source: 'entered by hand', changedBy: 'Kari Nordmann', q2: { satisfied: 'no' } });
    expect(responseHistory(db, '5001')).toEqual([
      expect.objectContaining({ version: 1, reason: 'correction', replacedBy: 'Kari Nordmann', note: 'Feil i overføringen fra brevet' }),
    ]);
    const page = await request(app).get('/responses/5001?saved=2');
    expect(page.text).toContain('Rettelsen er lagret som versjon 2.');
    expect(page.text).toContain('Rettet for hånd');
  });

  it('When a municipality without an answer gets one entered by hand, then it is saved as version 1', async () => {
    const res = await request(app).post('/responses/1804').type('form').send({ ...validRecord('1804'), endret_av: 'Ola' });
    expect(res.status).toBe(303);
    expect(getResponse(db, '1804')).toMatchObject({ version: 1, source: 'entered by hand' });
  });

  it('When the answer pages are opened, then they render; the list filters and counts', async () => {
    expect((await request(app).get('/responses')).text).toContain('Ingen svar er lastet inn');
    await upload(csvOf([validRecord('5001'), validRecord('1804', { sp5_onsker_tjenestested: 'nei' }), validRecord('0301', { lokale1_adresse: 'Torget 1', lokale1_samlokalisert_med: 'NAV' })]));
    const list = await request(app).get('/responses?wants=yes');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Viser 2 av 3 svar');
    expect(list.text).toMatch(/data-count="premises-co_located">1</);
    expect((await request(app).get('/responses?district=p99')).text).toContain('Viser 0 av 3 svar');
    expect((await request(app).get('/responses?wants=kanskje')).status).toBe(400);
    const page = await request(app).get('/responses/0301');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Torget 1');
    expect((await request(app).get('/responses/9999')).status).toBe(404);
    expect((await request(app).get('/import')).status).toBe(200);
  });
});
