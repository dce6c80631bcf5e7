/**
 * Issue 7 for shortlists, district review and exports: a district leader reads and assesses only
 * their own police district, through every route; planners and viewers read but do not assess;
 * viewers read and export shortlists but do not change them. Who acted comes from the account.
 */
import request from 'supertest';
import type { Db } from '../../src/db/connection';
import { memoryDb } from '../helpers/app';
import { agentAs, testUser } from '../helpers/auth';
import { loadTestAnswers } from './helpers';
import { t } from '../../src/common/i18n';
import { createApp } from '../../src/web/app';
import { createSession } from '../../src/auth/sessions';
import { SESSION_COOKIE } from '../../src/web/auth-middleware';
import { listAssessments, recordAssessment } from '../../src/db/assessments-repo';
import { listAudit } from '../../src/db/audit-repo';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { createShortlist } from '../../src/shortlist/service';
import type { Shortlist } from '../../src/db/shortlists-repo';

/** Two Finnmark candidates (p12) and two Trøndelag candidates (p09). */
const FINNMARK = ['5601', '5603'];
const TRONDELAG = ['5034', '5001'];
const SECRET = 'Trøndelags råd: ikke for andre distrikter';

describe('district boundary and roles on shortlists, review and exports', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let sl: Shortlist;

  beforeAll(async () => {
    db = memoryDb();
    loadTestAnswers(db, { sample: true });
    sl = await createShortlist(db, {
      name: 'To distrikter', by: 'test-planner', now: '2024-06-01T12:00:00Z',
      source: { kind: 'manual', kommunenummer: [...FINNMARK, ...TRONDELAG], params: scenarioParamsSchema.parse({ k: 4 }) },
    });
    recordAssessment(db, { shortlistId: sl.id, kommunenummer: TRONDELAG[0], policeDistrict: 'Trøndelag', advice: 'advisesAgainst', reason: SECRET, assessor: 'test-district-Trøndelag', now: '2024-06-02T08:00:00Z' });
    app = createApp({ db });
  });

  const counts = () => ({ assessments: listAssessments(db).length, audit: listAudit(db, { entity: 'assessment' }).total });

  it('When a district leader opens the review page of their own district by name or number, then it shows its candidates with the assessment form', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    for (const key of ['Finnmark', 'finnmark', 'p12']) {
      const res = await leader.get(`/review/${key}?shortlist=${sl.id}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Alta');
      expect(res.text).toContain('class="sl-form rev-form"');
      expect(res.text).not.toContain('Trondheim');
      expect(res.text).not.toContain('href="/review/p09');
    }
    const more = await agentAs(app, db, 'district', 'Møre og Romsdal');
    expect((await more.get(`/review/${encodeURIComponent('Møre og Romsdal')}`)).status).toBe(200);
  });

  it('When a district leader opens another district\'s review page by name or number, then it is refused with 403', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    for (const key of ['p09', encodeURIComponent('Trøndelag')]) {
      const res = await leader.get(`/review/${key}?shortlist=${sl.id}`);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(SECRET);
      // A whole Norwegian sentence that says why: they see only their own district.
      expect(res.text).toContain('Du er distriktsleder for Finnmark politidistrikt og kan bare se og vurdere det som hører til ditt eget distrikt. Dette hører til Trøndelag politidistrikt.');
    }
    const en = await leader.get(`/review/p09?shortlist=${sl.id}&lang=en`);
    expect(en.text).toContain('You are the district leader for the Finnmark police district and can only see and assess what belongs to your own district.');
    // A page no district leader may open says where their own district's candidates are, by the menu's name for that page.
    const page = await leader.get('/admin/users?lang=nb');
    expect(page.status).toBe(403);
    expect(page.text).toContain('Du kan bare se og vurdere kandidatene i ditt eget politidistrikt; dem finner du under «Distriktsvurdering».');
    expect(page.body.error.message).toContain(`«${t('nb', 'rev.nav')}»`);
  });

  it('When a district leader opens the overview of all districts, then they are sent to their own district page, which shows no other district\'s advice', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const overview = await leader.get(`/review?shortlist=${sl.id}`);
    expect(overview.status).toBe(303);
    expect(overview.headers.location).toBe(`/review/p12?shortlist=${sl.id}`);
    expect(overview.text).not.toContain(SECRET);
    const own = await leader.get(overview.headers.location);
    expect(own.status).toBe(200);
    expect(own.text).not.toContain(SECRET);
    expect((await leader.get('/review')).headers.location).toBe('/review/p12');
  });

  it('When a district leader lists assessments through the API, then only their own district\'s come back; a planner gets every district\'s', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const own = await leader.get('/api/assessments');
    expect(own.status).toBe(200);
    expect(own.body.assessments.every((a: { policeDistrict: string }) => a.policeDistrict === 'Finnmark')).toBe(true);
    expect(JSON.stringify(own.body)).not.toContain(SECRET);
    expect(JSON.stringify((await leader.get(`/api/assessments?shortlist=${sl.id}`)).body)).not.toContain(SECRET);
    const trondelag = await agentAs(app, db, 'district', 'Trøndelag');
    expect((await trondelag.get('/api/assessments')).body.assessments.map((a: { reason: string }) => a.reason)).toContain(SECRET);
    const planner = await agentAs(app, db, 'planner');
    expect((await planner.get('/api/assessments')).body.assessments.map((a: { reason: string }) => a.reason)).toContain(SECRET);
  });

  it('When a district leader records an assessment for another district\'s candidate through the API or the review form, then it is refused with 403 and nothing is written', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const before = counts();
    const body = { shortlistId: sl.id, kommunenummer: TRONDELAG[0], advice: 'supports', reason: 'Forsøk på å overstyre' };
    expect((await leader.post('/api/assessments').send(body)).status).toBe(403);
    expect((await leader.post('/review/p09').type('form').send(body)).status).toBe(403);
    expect((await leader.post(`/review/${encodeURIComponent('Trøndelag')}`).type('form').send(body)).status).toBe(403);
    // own district in the path, another district's municipality in the body
    expect((await leader.post('/review/p12').type('form').send(body)).status).toBe(403);
    expect(counts()).toEqual(before);
  });

  it('When a district leader records an assessment for their own candidate, then the assessor and the audit actor are the signed-in user, whatever name the body carries', async () => {
    const user = await testUser(db, 'district', 'Finnmark');
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const api = await leader.post('/api/assessments')
      .send({ shortlistId: sl.id, kommunenummer: FINNMARK[0], advice: 'supports', reason: 'Lang vei til nærmeste lensmann', assessor: 'Noen andre' });
    expect(api.status).toBe(201);
    expect(api.body).toMatchObject({ kommunenummer: FINNMARK[0], policeDistrict: 'Finnmark', assessor: user.name });
    const form = await leader.post('/review/Finnmark').type('form')
      .send({ shortlistId: sl.id, kommunenummer: FINNMARK[1], advice: 'neutral', reason: 'Kystpatrulje dekker', assessor: 'Noen andre' });
    expect(form.status).toBe(303);
    expect(form.headers.location).toMatch(/^\/review\/p12\?/);
    const audit = listAudit(db, { entity: 'assessment' }).entries.filter((e) => FINNMARK.includes(e.entityId));
    expect(audit.map((e) => e.entityId).sort()).toEqual([...FINNMARK].sort());
    expect(audit.every((e) => e.actor === user.name)).toBe(true);
    expect(listAssessments(db, { policeDistrict: 'Finnmark' }).every((a) => a.assessor === user.name)).toBe(true);
  });

  it('When a district leader posts the review form from a browser session without the CSRF token, then it is refused and nothing is written', async () => {
    const user = await testUser(db, 'district', 'Finnmark');
    const { cookie, session } = createSession(db, user, Date.now());
    const body = { shortlistId: sl.id, kommunenummer: FINNMARK[0], advice: 'advisesAgainst', reason: 'Uten CSRF' };
    const before = counts();
    const refused = await request(app).post('/review/p12').set('Cookie', `${SESSION_COOKIE}=${cookie}`).type('form').send(body);
    expect(refused.status).toBe(403);
    expect(counts()).toEqual(before);
    const accepted = await request(app).post('/review/p12').set('Cookie', `${SESSION_COOKIE}=${cookie}`).type('form').send({ ...body, _csrf: session.csrfToken });
    expect(accepted.status).toBe(303);
  });

  it('When a planner or a viewer tries to record an assessment, then it is refused; they read every district\'s page but get no assessment form', async () => {
    const body = { shortlistId: sl.id, kommunenummer: FINNMARK[0], advice: 'supports', reason: 'x' };
    const before = counts();
    for (const role of ['planner', 'viewer'] as const) {
      const agent = await agentAs(app, db, role);
      expect((await agent.post('/api/assessments').send(body)).status).toBe(403);
      expect((await agent.post('/review/p12').type('form').send(body)).status).toBe(403);
      for (const key of ['p12', 'p09']) {
        const page = await agent.get(`/review/${key}?shortlist=${sl.id}`);
        expect(page.status).toBe(200);
        expect(page.text).not.toContain('rev-form');
      }
      const overview = await agent.get(`/review?shortlist=${sl.id}`);
      expect(overview.status).toBe(200);
      expect(overview.text).toContain(SECRET);
    }
    expect(counts()).toEqual(before);
  });

  it('When an admin records an assessment in any district, then it is accepted under the admin\'s name', async () => {
    const admin = await agentAs(app, db, 'admin');
    expect((await admin.get(`/review/p09?shortlist=${sl.id}`)).text).toContain('rev-form');
    const res = await admin.post('/api/assessments').send({ shortlistId: sl.id, kommunenummer: TRONDELAG[1], advice: 'neutral', reason: 'Departementets merknad' });
    expect(res.status).toBe(201);
    expect(res.body.assessor).toBe('test-admin');
  });

  it('When a viewer opens the shortlist pages, then they read and export but see no create, edit or delete controls, and changes are refused', async () => {
    const viewer = await agentAs(app, db, 'viewer');
    const planner = await agentAs(app, db, 'planner');
    const list = await viewer.get('/shortlists');
    expect(list.status).toBe(200);
    expect(list.text).toContain('To distrikter');
    expect(list.text).not.toContain('id="create-shortlist"');
    expect((await planner.get('/shortlists')).text).toContain('id="create-shortlist"');
    const page = await viewer.get(`/shortlists/${sl.id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('class="sl-edit"');
    expect(page.text).not.toContain('class="sl-delete"');
    const plannerPage = (await planner.get(`/shortlists/${sl.id}`)).text;
    expect(plannerPage).toContain('class="sl-edit"');
    expect(plannerPage).toContain('class="sl-delete"');
    expect((await viewer.get(`/export/shortlists/${sl.id}.csv`)).status).toBe(200);

    const before = { audit: listAudit(db, { entity: 'shortlist' }).total };
    expect((await viewer.post('/shortlists').type('form').send({ name: 'Nei', kommunenummer: '5601' })).status).toBe(403);
    expect((await viewer.post('/api/shortlists').send({ name: 'Nei', kommunenummer: ['5601'] })).status).toBe(403);
    expect((await viewer.patch(`/api/shortlists/${sl.id}/candidates/5601`).send({ status: 'approved' })).status).toBe(403);
    expect((await viewer.post(`/shortlists/${sl.id}/candidates/5601`).type('form').send({ move: 'down' })).status).toBe(403);
    expect((await viewer.post(`/shortlists/${sl.id}/delete`).type('form').send({})).status).toBe(403);
    expect((await viewer.delete(`/api/shortlists/${sl.id}`)).status).toBe(403);
    expect({ audit: listAudit(db, { entity: 'shortlist' }).total }).toEqual(before);
  });

  it('When a district leader asks for shortlists or exports, which hold every district\'s advice, then they are refused with 403', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    for (const path of ['/shortlists', `/shortlists/${sl.id}`, '/api/shortlists', `/api/shortlists/${sl.id}`, `/export/shortlists/${sl.id}.csv`, '/export/scenario.geojson']) {
      const res = await leader.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.text).not.toContain(SECRET);
    }
  });
});
