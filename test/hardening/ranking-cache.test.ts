/**
 * Issue 10, ranking under load: a ranking is a pure function of (data hash, answers revision,
 * assessments revision, normalised scenario parameters, viewer's district). It is cached on that
 * key and sent with an ETag; If-None-Match with that tag gets 304. Whatever changes one part of the
 * key changes the tag, and a district leader never gets another view's ranking from the cache.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { recordAssessment } from '../../src/db/assessments-repo';
import { rankScenario } from '../../src/planning/service';
import { scenarioFromQuery, scenarioParamsSchema } from '../../src/model/scenario';
import { createShortlist } from '../../src/shortlist/service';
import { inProcessRunner } from '../../src/planning/heavy';
import { memoryDb } from '../helpers/app';
import { tokenFor } from '../helpers/auth';

describe('ranking cache and ETag', () => {
  const db = memoryDb();
  const app = createApp({ db, heavy: inProcessRunner });
  let planner = '';
  let leader = '';
  beforeAll(async () => {
    planner = await tokenFor(db, 'planner');
    leader = await tokenFor(db, 'district', 'Trøndelag');
  });
  afterAll(() => db.close());
  const rank = (token: string, query: string, headers: Record<string, string> = {}) => {
    let r = request(app).get(`/api/ranking?${query}`).set('Authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
    return r;
  };

  it('When the same scenario is asked for twice, then both answers carry the same ETag, and If-None-Match gets 304 with no body', async () => {
    const a = await rank(planner, 'weights=crimeRate:2,driveTime:3&k=12');
    const b = await rank(planner, 'k=12&weights=driveTime:3,crimeRate:2');
    expect(a.status).toBe(200);
    expect(a.headers.etag).toMatch(/^"[\w-]{32}"$/);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.body).toEqual(a.body);
    const again = await rank(planner, 'weights=crimeRate:2,driveTime:3&k=12', { 'If-None-Match': a.headers.etag });
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers['cache-control']).toBe('no-store');
  });

  it('When another scenario is asked for, then its ETag differs and the old tag does not match it', async () => {
    const a = await rank(planner, 'weights=crimeRate:2');
    const b = await rank(planner, 'weights=crimeRate:3', { 'If-None-Match': a.headers.etag });
    expect(b.status).toBe(200);
    expect(b.headers.etag).not.toBe(a.headers.etag);
  });

  it('When the cached ranking is served, then it is exactly the ranking computed directly', async () => {
    const res = await rank(planner, 'weights=crimeRate:4,population:1&normalization=percentile');
    const params = scenarioFromQuery({ weights: 'crimeRate:4,population:1', normalization: 'percentile' });
    const direct = rankScenario(db, params);
    expect(res.body.items).toEqual(JSON.parse(JSON.stringify(direct.ranking.items)));
  });

  it('When the client accepts gzip, then the body comes gzip-encoded and unpacks to the same JSON', async () => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as AddressInfo;
      const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, path: '/api/ranking?k=7', headers: { Authorization: `Bearer ${planner}`, 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
      expect(raw.encoding).toBe('gzip');
      const plain = await rank(planner, 'k=7', { 'Accept-Encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(zlib.gunzipSync(raw.body).toString('utf8'))).toEqual(plain.body);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('When an assessment is recorded, then the same query gets a new ETag and the district leader\'s view is cached apart from the planner\'s', async () => {
    const query = 'weights=districtAdvice:5,crimeRate:1&wishGate=false';
    const before = await rank(planner, query);
    const sl = await createShortlist(db, {
      name: 'Råd', by: 'test', now: '2024-06-01T12:00:00Z',
      source: { kind: 'manual', kommunenummer: ['5001', '5601'], params: scenarioParamsSchema.parse({ k: 2 }) },
    });
    recordAssessment(db, { shortlistId: sl.id, kommunenummer: '5601', policeDistrict: 'Finnmark', advice: 'advisesAgainst', reason: 'Nei', assessor: 'x', now: '2024-06-02T08:00:00Z' });
    const after = await rank(planner, query, { 'If-None-Match': before.headers.etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const seenByLeader = await rank(leader, query, { 'If-None-Match': after.headers.etag });
    expect(seenByLeader.status).toBe(200);
    expect(seenByLeader.headers.etag).not.toBe(after.headers.etag);
    const alta = (body: { items: { kommunenummer: string; values: Record<string, number | null> }[] }) => body.items.find((i) => i.kommunenummer === '5601')!;
    expect(alta(after.body).values.districtAdvice).not.toBeNull();
    expect(alta(seenByLeader.body).values.districtAdvice).toBeNull();
  });
});
