/**
 * Issue 10, access control: a district leader (or an admin) assesses only candidates on a
 * shortlist, the ones the review page shows; the rule holds for the API and the form, and nothing
 * is written when it does not. Who sees which district's assessments is as the README's role
 * table says: admins, planners and viewers see every district's; a district leader only their own.
 */
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { listAssessments, recordAssessment } from '../../src/db/assessments-repo';
import { listAudit } from '../../src/db/audit-repo';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { createShortlist } from '../../src/shortlist/service';
import { dbImageHash, sessionFor } from './helpers';

const ALTA = '5601';
const HAMMERFEST = '5603';
const VARDO = '5634'; // Finnmark, not on the shortlist
const TRONDHEIM = '5001';
const TRONDELAG_SECRET = 'Trøndelags vurdering av Trondheim';
const FINNMARK_SECRET = 'Finnmarks vurdering av Alta';

describe('who may assess what, and who sees which district\'s assessments', () => {
  const db = memoryDb();
  const app = createApp({ db });
  let shortlistId = '';
  beforeAll(async () => {
    const sl = await createShortlist(db, {
      name: 'Nord og midt', by: 'test', now: '2024-06-01T12:00:00Z',
      source: { kind: 'manual', kommunenummer: [ALTA, HAMMERFEST, TRONDHEIM], params: scenarioParamsSchema.parse({ k: 3 }) },
    });
    shortlistId = sl.id;
    recordAssessment(db, { shortlistId, kommunenummer: TRONDHEIM, policeDistrict: 'Trøndelag', advice: 'supports', reason: TRONDELAG_SECRET, assessor: 'x', now: '2024-06-02T08:00:00Z' });
    recordAssessment(db, { shortlistId, kommunenummer: ALTA, policeDistrict: 'Finnmark', advice: 'neutral', reason: FINNMARK_SECRET, assessor: 'y', now: '2024-06-02T08:00:00Z' });
  });
  afterAll(() => db.close());

  const counts = () => ({ assessments: listAssessments(db).length, audit: listAudit(db, { entity: 'assessment' }).total });

  it('When a district leader edits the hidden kommunenummer to a municipality of their district that is on no shortlist, then the API and the form refuse it (422) and nothing is written', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const before = counts();
    const api = await leader.post('/api/assessments').send({ shortlistId, kommunenummer: VARDO, advice: 'supports', reason: 'Ikke kandidat' });
    expect(api.status).toBe(422);
    expect(api.body.error.code).toBe('not_candidate');
    expect(api.body.error.message).toContain(VARDO);
    const s = await sessionFor(db, 'district', 'Finnmark');
    const snapshot = dbImageHash(db);
    const form = await request(app).post('/review/p12').set('Cookie', s.cookie).type('form')
      .send({ _csrf: s.csrf, shortlistId, kommunenummer: VARDO, advice: 'supports', reason: 'Ikke kandidat' });
    expect(form.status).toBe(422);
    expect(form.text).toContain('er ikke kandidat på kortlisten');
    expect(dbImageHash(db)).toBe(snapshot);
    expect(counts()).toEqual(before);
  });

  it('When an assessment names no shortlist or an unknown one, then it is refused and nothing is written', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const before = counts();
    expect((await leader.post('/api/assessments').send({ kommunenummer: ALTA, advice: 'supports', reason: 'Uten liste' })).body.error.code).toBe('shortlist_required');
    expect((await leader.post('/api/assessments').send({ shortlistId: 'sl-finnes-ikke', kommunenummer: ALTA, advice: 'supports', reason: 'x' })).status).toBe(422);
    const admin = await agentAs(app, db, 'admin');
    expect((await admin.post('/api/assessments').send({ shortlistId, kommunenummer: VARDO, advice: 'supports', reason: 'Admin, ikke kandidat' })).status).toBe(422);
    expect(counts()).toEqual(before);
  });

  it('When a district leader assesses a candidate of their district on the shortlist, then it is recorded', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const res = await leader.post('/api/assessments').send({ shortlistId, kommunenummer: HAMMERFEST, advice: 'supports', reason: 'Kandidat i eget distrikt' });
    expect(res.status).toBe(201);
    expect(res.body.shortlistId).toBe(shortlistId);
  });

  it('When a viewer opens /review and /api/assessments, then every district\'s assessments are shown (as the README says)', async () => {
    const viewer = await agentAs(app, db, 'viewer');
    const page = await viewer.get(`/review?shortlist=${shortlistId}`).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain(TRONDELAG_SECRET);
    expect(page.text).toContain(FINNMARK_SECRET);
    const reasons = (await viewer.get('/api/assessments')).body.assessments.map((a: { reason: string }) => a.reason);
    expect(reasons).toEqual(expect.arrayContaining([TRONDELAG_SECRET, FINNMARK_SECRET]));
  });

  it('When a district leader opens /review and /api/assessments, then only their own district\'s assessments are shown', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const overview = await leader.get(`/review?shortlist=${shortlistId}`).set('Accept', 'text/html').redirects(1);
    expect(overview.status).toBe(200);
    expect(overview.text).toContain(FINNMARK_SECRET);
    expect(overview.text).not.toContain(TRONDELAG_SECRET);
    const reasons = (await leader.get('/api/assessments')).body.assessments.map((a: { reason: string }) => a.reason);
    expect(reasons).toContain(FINNMARK_SECRET);
    expect(reasons).not.toContain(TRONDELAG_SECRET);
  });
});
