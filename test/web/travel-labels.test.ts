import type { Express } from 'express';
import type { Db } from '../../src/db/connection';
import { createApp } from '../../src/web/app';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';

let db: Db;
let app: Express;
beforeAll(() => {
  db = memoryDb();
  app = createApp({ db });
});
afterAll(() => db.close());

describe('pages and APIs name the travel model and the place minutes are read from', () => {
  it('When a profile is opened, then it names the model, measures from the main populated place and calls the centre "befolkningsvektet"', async () => {
    const api = await agentAs(app, db, 'viewer');
    const res = await api.get('/municipalities/5534').expect(200);
    expect(res.text).toContain('Kjøretider etter: Innebygd land/sjø-modell v2 (TØI-kalibrert).');
    expect(res.text).toContain('Fra Hansnes (9130): luftlinje og beregnet kjøretid (Innebygd land/sjø-modell v2 (TØI-kalibrert)).');
    expect(res.text).toMatch(/id="footer-travel-model"> · Kjøretider: Innebygd land\/sjø-modell/);
    expect(res.text).toContain('befolkningsvektet senter');
    expect(res.text).not.toContain('kommunesenter (svart)');
  });

  it('When a municipality has one demand point over a large area (Bardu), then its profile says the figures are coarse', async () => {
    const api = await agentAs(app, db, 'viewer');
    const bardu = await api.get('/municipalities/5520').expect(200);
    expect(bardu.text).toContain('id="sparse-demand"');
    expect(bardu.text).toMatch(/bare 1 befolkningspunkt .* på 2[\s\u00a0]?704 km²/);
    const oslo = await api.get('/municipalities/0301').expect(200);
    expect(oslo.text).not.toContain('id="sparse-demand"');
  });

  it('When SSB suppressed a violence count, then the profile marks the value as the midpoint of 0–4', async () => {
    const row = db.prepare('SELECT kommunenummer FROM municipalities WHERE violence_suppressed = 1 ORDER BY kommunenummer LIMIT 1').get() as { kommunenummer: string };
    const api = await agentAs(app, db, 'viewer', null);
    const res = await api.get(`/municipalities/${row.kommunenummer}`).expect(200);
    expect(res.text).toContain('id="violence-suppressed"');
    expect(res.text).toContain('midtpunktet, 2 per år');
  });

  it('When the ranking, selection and coverage APIs answer, then each names its travel model; the site list has every populated place with ?all=1', async () => {
    const api = await agentAs(app, db, 'planner');
    expect((await api.get('/api/ranking').expect(200)).body.travelModel).toEqual({ ref: 'builtin', label: 'Innebygd land/sjø-modell v2 (TØI-kalibrert)' });
    expect((await api.get('/api/ranking?lang=en').expect(200)).body.travelModel.label).toBe('Built-in land/sea model v2 (calibrated on TØI)');
    expect((await api.post('/api/selection').send({ k: 5, method: 'greedy' }).expect(200)).body.travelModel.ref).toBe('builtin');
    expect((await api.get('/api/coverage?minutes=45').expect(200)).body.travelModel.ref).toBe('builtin');
    const one = (await api.get('/api/workspace/sites').expect(200)).body.sites;
    const all = (await api.get('/api/workspace/sites?all=1').expect(200)).body.sites;
    expect(one).toHaveLength(357);
    expect(all.length).toBeGreaterThan(1400);
    expect(one.find((s: { kommunenummer: string }) => s.kommunenummer === '5534')).toMatchObject({ kind: 'centre', label: 'Hansnes (9130)' });
  });
});
