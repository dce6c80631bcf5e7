import request from 'supertest';
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';

const { db, app } = testApp();

/** A signed-in planner (bearer token); anonymous calls use `api`. */
let api: Awaited<ReturnType<typeof agentAs>>;
beforeAll(async () => {
  api = await agentAs(app, db, 'planner');
});

describe('signing in', () => {
  it('When an anonymous client lists municipalities, then 401 with a JSON error body', async () => {
    const res = await request(app).get('/api/municipalities').expect(401);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('When an anonymous browser opens the map page, then it is sent to the sign-in page', async () => {
    const res = await request(app).get('/').set('Accept', 'text/html').redirects(0);
    expect([302, 303]).toContain(res.status);
    expect(res.headers.location).toMatch(/^\/login(\?|$)/);
  });
});

describe('reference data API', () => {
  it('When /healthz is requested without signing in, then it answers ok with the data vintage', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body.ok).toBe(true);
    expect(typeof res.body.dataVintage).toBe('string');
    expect(res.body.dataVintage.length).toBeGreaterThan(0);
  });

  it('When all municipalities are listed, then there are 357 with the required fields and the national population', async () => {
    const res = await api.get('/api/municipalities').expect(200);
    expect(res.body).toHaveLength(357);
    const total = res.body.reduce((s: number, m: { population: number }) => s + m.population, 0);
    expect(total).toBe(5550203);
    for (const m of res.body) {
      expect(m.kommunenummer).toMatch(/^\d{4}$/);
      expect(m.name).toBeTruthy();
      expect(m.county).toBeTruthy();
      expect(m.policeDistrict).toBeTruthy();
      expect(m.areaKm2).toBeGreaterThan(0);
      expect(m).toHaveProperty('crimePer1000');
      expect(m).toHaveProperty('driveMinMean');
      expect(m).toHaveProperty('residentsBeyond45');
    }
  });

  it('When Oslo is requested, then its figures and crime series come back', async () => {
    const res = await api.get('/api/municipalities/0301').expect(200);
    expect(res.body.name).toBe('Oslo');
    expect(res.body.policeDistrict).toBe('Oslo');
    expect(res.body.population).toBe(717710);
    expect(res.body.crime.length).toBe(28);
  });

  it('When an unknown kommunenummer is requested, then 404 with a JSON error body', async () => {
    const res = await api.get('/api/municipalities/9999').expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(res.body.error.message).toMatch(/9999/);
  });

  it('When a malformed kommunenummer is requested, then 400 with a JSON error body', async () => {
    const res = await api.get('/api/municipalities/oslo').expect(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toMatch(/fire sifre/);
  });

  it('When the GeoJSON is requested, then it is a FeatureCollection of 357 polygons with properties', async () => {
    const res = await api.get('/api/municipalities.geojson').expect(200);
    expect(res.headers['content-type']).toMatch(/geo\+json/);
    const fc = JSON.parse(res.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(357);
    for (const f of fc.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.properties.kommunenummer).toMatch(/^\d{4}$/);
    }
  });

  it('When stations are requested, then each is a GeoJSON point inside Norway with its geocoding method', async () => {
    const res = await api.get('/api/stations').expect(200);
    const fc = JSON.parse(res.text);
    expect(fc.features.length).toBeGreaterThanOrEqual(200);
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(4);
      expect(lon).toBeLessThan(31.5);
      expect(lat).toBeGreaterThan(57.9);
      expect(lat).toBeLessThan(71.3);
      expect(f.properties.geocoding).toBeTruthy();
      expect(f.properties.kommunenummer).toMatch(/^\d{4}$/);
    }
  });

  it('When an unknown API route is requested, then 404 JSON', async () => {
    const res = await api.get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('When the map page is requested, then it is Norwegian by default and English with ?lang=en', async () => {
    const nb = await api.get('/').expect(200);
    expect(nb.text).toContain('lang="nb"');
    expect(nb.text).toContain('Farge etter');
    const en = await (await agentAs(app, db, 'planner')).get('/?lang=en').expect(200);
    expect(en.text).toContain('Colour by');
    expect(en.headers['set-cookie'][0]).toMatch(/lang=en/);
  });

  it('When a page with a query offers the language switch, then the link keeps the page and its query', async () => {
    const page = await (await agentAs(app, db, 'viewer')).get('/responses?district=p12&wants=yes').expect(200);
    expect(page.text).toContain('href="/responses?district=p12&amp;wants=yes&amp;lang=en"');
    expect(page.text).toContain('Hopp til innhold');
  });

  it('When the responses are large, then they are gzip-compressed', async () => {
    const res = await api.get('/api/municipalities.geojson').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});
