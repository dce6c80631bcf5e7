/**
 * Issue 10, "loose validation" and "all-zero weights": one scenario schema for the API, the forms
 * and the CLI, strict about numbers, lists, names and weights; a scenario whose weights are all
 * zero is refused everywhere (ranking, robustness, selection, exports, shortlists, saving), in the
 * user's language, and nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { main } from '../../src/cli/main';
import { CRITERION_IDS } from '../../src/engine';
import { createScenario } from '../../src/db/scenarios-repo';
import { storedScenarioSchema } from '../../src/model/scenario';
import { memoryDb, tempDir } from '../helpers/app';
import { tokenFor } from '../helpers/auth';
import { dbImageHash, sessionFor } from './helpers';

const zeroWeights = CRITERION_IDS.map((id) => `${id}:0`).join(',');
const zeroObject = Object.fromEntries(CRITERION_IDS.map((id) => [id, 0]));

describe('one strict scenario schema at every edge', () => {
  const db = memoryDb();
  const app = createApp({ db, heavyLimits: { perMinute: 6000, burst: 1000 } });
  let token = '';
  beforeAll(async () => {
    token = await tokenFor(db, 'planner');
    await request(app).get('/api/ranking').set('Authorization', `Bearer ${token}`); // token's last use recorded
  });
  afterAll(() => db.close());
  const api = () => ({
    get: (url: string) => request(app).get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: unknown) => request(app).post(url).set('Authorization', `Bearer ${token}`).send(body as object),
    put: (url: string, body: unknown) => request(app).put(url).set('Authorization', `Bearer ${token}`).send(body as object),
  });

  /** Asserts a 400 whose message names the field, and that nothing was written. */
  async function refused(send: () => Promise<request.Response>, field: RegExp): Promise<request.Response> {
    const before = dbImageHash(db);
    const res = await send();
    expect([res.status, res.body?.error?.message]).toEqual([400, expect.stringMatching(field)]);
    expect(dbImageHash(db)).toBe(before);
    return res;
  }

  it.each([true, [20], '0x14', '1e1', 1.5, '20abc', ' ', -1, 0, 101, null, { n: 20 }])(
    'When k is %p, then selection, ranking and saving refuse it naming k',
    async (k) => {
      await refused(() => api().post('/api/selection', { k, method: 'greedy' }), /^k: /);
      await refused(() => api().post('/api/scenarios', { name: 'K', params: { k } }), /^params\.k: /);
      if (typeof k === 'string' || typeof k === 'number') await refused(() => api().get(`/api/ranking?k=${encodeURIComponent(String(k))}`), /^k: /);
    },
  );

  it('When k is "0x14", then the message says a whole number is needed and shows the value, in Norwegian and English', async () => {
    const nb = await refused(() => api().get('/api/ranking?k=0x14'), /^k: må være et heltall, fikk «0x14»$/);
    expect(nb.body.error.code).toBe('invalid_request');
    await refused(() => api().get('/api/ranking?k=0x14&lang=en'), /^k: must be a whole number, got "0x14"$/);
  });

  it('When include names a kommunenummer that does not exist, then selection, ranking and saving refuse it', async () => {
    await refused(() => api().post('/api/selection', { k: 5, include: ['9999'], method: 'greedy' }), /^include: ukjent kommunenummer: 9999$/);
    await refused(() => api().post('/api/scenarios', { name: 'Ukjent', params: { exclude: ['0301', '9998'] } }), /^params\.exclude: ukjent kommunenummer: 9998$/);
    await refused(() => api().get('/api/ranking?include=0301,9999'), /^include: ukjent kommunenummer: 9999$/);
  });

  it('When include has 50,000 entries, then one short message gives the limit', async () => {
    const include = Array.from({ length: 50000 }, (_, i) => String(i % 10000).padStart(4, '0'));
    const res = await refused(() => api().post('/api/scenarios', { name: 'Stor', params: { include } }), /^params\.include: kan ha høyst 357 elementer$/);
    expect(res.body.error.message.length).toBeLessThan(100);
  });

  it('When include repeats a municipality or is not a list, then it is refused', async () => {
    await refused(() => api().post('/api/selection', { k: 5, include: ['0301', '0301'], method: 'greedy' }), /^include: står mer enn én gang: 0301$/);
    await refused(() => api().post('/api/selection', { k: 5, include: { a: 1 }, method: 'greedy' }), /^include: /);
  });

  it('When a district rule names an unknown police district, then it is refused naming it', async () => {
    await refused(() => api().post('/api/selection', { k: 5, districtMin: { Atlantis: 1 }, method: 'greedy' }), /^districtMin: ukjent politidistrikt: Atlantis; kjente: /);
    await refused(() => api().get('/api/ranking?districtMax=Finnmark:x'), /^districtMax\.Finnmark: må være et heltall/);
  });

  it.each(['Navn\u0000med NUL', 'Linje\nskift', 'Retning\u202Eoverstyrt', '\u0007bjelle'])('When a name holds a control character (%j), then scenarios and shortlists refuse it', async (name) => {
    await refused(() => api().post('/api/scenarios', { name }), /^name: inneholder kontrolltegn/);
    await refused(() => api().post('/api/shortlists', { name, kommunenummer: ['0301'] }), /^name: inneholder kontrolltegn/);
  });

  it('When an existing scenario is renamed or duplicated with a NUL in the name, then it is refused', async () => {
    const s = await api().post('/api/scenarios', { name: 'Gyldig' }).expect(201);
    await refused(() => api().put(`/api/scenarios/${s.body.id}`, { name: 'a\u0000b' }), /^name: /);
    await refused(() => api().post(`/api/scenarios/${s.body.id}/duplicate`, { name: 'a\u0000b' }), /^name: /);
  });

  it('When weights=garbage, then one message explains the format instead of one error per character', async () => {
    const res = await refused(() => api().get('/api/ranking?weights=garbage'), /^weights: kan ikke leses \(«garbage»\); skriv kriterium:vekt/);
    expect(res.body.error.message.split(';').length).toBeLessThanOrEqual(2);
    const many = await refused(() => api().get('/api/ranking?weights=a:1,b:2,c:3,d:4'), /^weights: ukjent kriterium: a, b, c, d; kjente: /);
    expect(many.body.error.message.match(/ukjent/g)).toHaveLength(1);
  });

  describe('all-zero weights', () => {
    const enMessage = /weights: at least one weight must be greater than 0/;
    it('When the ranking, robustness or an export is asked for with all-zero weights, then 400 in the user\'s language', async () => {
      await refused(() => api().get(`/api/ranking?weights=${zeroWeights}`), /^weights: minst én vekt må være større enn 0/);
      await refused(() => api().get(`/api/ranking?weights=${zeroWeights}&lang=en`), enMessage);
      await refused(() => api().get(`/api/robustness?samples=10&weights=${zeroWeights}&lang=en`), enMessage);
      for (const f of ['csv', 'xlsx', 'geojson', 'pdf']) await refused(() => api().get(`/export/scenario.${f}?solver=greedy&weights=${zeroWeights}&lang=en`), enMessage);
    });

    it('When a selection or a shortlist is made with all-zero weights, then 400 and nothing is written', async () => {
      await refused(() => api().post('/api/selection?lang=en', { k: 5, weights: zeroObject, method: 'exact' }), enMessage);
      await refused(() => api().post('/api/shortlists?lang=en', { name: 'Null', params: { weights: zeroObject } }), /params\.weights: at least one weight/);
      const s = await sessionFor(db, 'planner');
      const before = dbImageHash(db);
      const form = await request(app).post('/shortlists').set('Cookie', s.cookie).type('form')
        .send({ _csrf: s.csrf, name: 'Null', scenarioQuery: `weights=${zeroWeights}`, solver: 'greedy' });
      expect(form.status).toBe(400);
      expect(form.text).toContain('minst én vekt');
      expect(dbImageHash(db)).toBe(before);
    });

    it('When a scenario with all-zero weights is saved or updated, then it is refused', async () => {
      await refused(() => api().post('/api/scenarios?lang=en', { name: 'Null', params: { weights: zeroObject } }), /params\.weights: at least one weight/);
      const s = await api().post('/api/scenarios', { name: 'Senere null' }).expect(201);
      await refused(() => api().put(`/api/scenarios/${s.body.id}?lang=en`, { params: { weights: zeroObject } }), /params\.weights: at least one weight/);
    });

    it('When a scenario saved by an older version has all-zero weights, then its pages and exports answer 400, not 500', async () => {
      const params = storedScenarioSchema.parse({ weights: zeroObject });
      const old = createScenario(db, { name: 'Gammel null', description: '', params, dataHash: 'h', dataVintage: 'v', answersRevision: '', by: 'test', now: new Date().toISOString() });
      expect((await api().get('/api/scenarios')).status).toBe(200);
      await refused(() => api().get(`/export/scenario.csv?scenario=${old.id}&solver=greedy&lang=en`), enMessage);
      await refused(() => api().get(`/api/scenarios/compare?a=${old.id}&b=${old.id}&lang=en`), enMessage);
      await refused(() => api().get(`/municipalities/0301?scenario=${old.id}&lang=en`), enMessage);
    });
  });
});

describe('the CLI uses the same schema', () => {
  const dir = tempDir();
  const dbPath = path.join(dir, 'cli.db');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = async (...args: string[]) => {
    const io = { out: '', err: '', stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; } };
    const code = await main([...args, '--db', dbPath], io);
    return { code, ...io };
  };

  it.each([
    [['rank', '--k', '0x14'], /--k: must be a whole number, got "0x14"/],
    [['rank', '--weights', 'garbage'], /--weights: cannot be read \("garbage"\)/],
    [['rank', '--weights', zeroWeights], /--weights: at least one weight must be greater than 0/],
    [['select', '--include', '0301,9999', '--solver', 'greedy'], /--include: unknown kommunenummer: 9999/],
    [['robustness', '--samples', '1e3'], /--samples must be a whole number/],
    [['select', '--district-min', 'Atlantis:1'], /--district-min: unknown police district: Atlantis/],
  ])('When %j is run, then it is a usage error naming the flag', async (args, message) => {
    const r = await run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
  });
});
