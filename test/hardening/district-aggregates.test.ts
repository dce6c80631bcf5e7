/**
 * A district leader sees only their own district's assessments, also in figures that sum over all districts: the
 * assessments revision (a count of every district's assessments) is not sent to them, and neither the ranking's ETag
 * nor their stored proposal changes when another district records an assessment.
 */
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { recordAssessment } from '../../src/db/assessments-repo';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { createShortlist } from '../../src/shortlist/service';
import { inProcessRunner } from '../../src/planning/heavy';
import { memoryDb } from '../helpers/app';
import { tokenFor } from '../helpers/auth';

describe('aggregates over other districts\' assessments', () => {
  const db = memoryDb();
  const app = createApp({ db, heavy: inProcessRunner });
  let planner = '';
  let leader = '';
  let shortlistId = '';
  let assessed = 0;
  beforeAll(async () => {
    planner = await tokenFor(db, 'planner');
    leader = await tokenFor(db, 'district', 'Finnmark');
    const sl = await createShortlist(db, {
      name: 'Råd', by: 'test', now: '2024-06-01T12:00:00Z',
      source: { kind: 'manual', kommunenummer: ['0301', '5001', '5601'], params: scenarioParamsSchema.parse({ k: 3 }) },
    });
    shortlistId = sl.id;
  });
  afterAll(() => db.close());
  /** Oslo's police district records one more assessment. */
  const osloAssesses = () => recordAssessment(db, {
    shortlistId, kommunenummer: '0301', policeDistrict: 'Oslo', advice: 'supports', reason: `Ja ${++assessed}`, assessor: 'oslo', now: `2024-06-02T08:00:0${assessed}Z`,
  });
  const rank = (token: string, etag?: string) => {
    const r = request(app).get('/api/ranking?weights=districtAdvice:5,crimeRate:1').set('Authorization', `Bearer ${token}`);
    return etag ? r.set('If-None-Match', etag) : r;
  };
  const propose = (token: string, weights: Record<string, number>) =>
    request(app).post('/api/proposals').set('Authorization', `Bearer ${token}`).send({ solver: 'greedy', k: 3, weights });

  it('When another district records an assessment, then the district leader\'s ranking keeps its ETag (304) while the planner\'s changes', async () => {
    const leaderBefore = await rank(leader);
    const plannerBefore = await rank(planner);
    osloAssesses();
    expect((await rank(leader, leaderBefore.headers.etag)).status).toBe(304);
    const plannerAfter = await rank(planner, plannerBefore.headers.etag);
    expect(plannerAfter.status).toBe(200);
    expect(plannerAfter.headers.etag).not.toBe(plannerBefore.headers.etag);
  });

  it('When another district records an assessment, then the district leader\'s proposal with district advice is the same stored one and shows no count of all districts\' assessments', async () => {
    const weights = { districtAdvice: 5, crimeRate: 1 };
    const before = await propose(leader, weights);
    expect(before.status).toBe(200);
    osloAssesses();
    const after = await propose(leader, weights);
    expect(after.status).toBe(200);
    expect(after.body.id).toBe(before.body.id);
    expect(after.body.fromStore).toBe(true);
    expect((await request(app).get(`/api/proposals/${before.body.id}`).set('Authorization', `Bearer ${leader}`)).body.current).toBe(true);
    expect(JSON.stringify(after.body.revision)).not.toMatch(new RegExp(`a${assessed}\\.`));
  });

  it('When a proposal without district advice is shared by every view, then a district leader gets it without the assessments revision and a planner with it', async () => {
    osloAssesses();
    const weights = { crimeRate: 1, driveTime: 1 };
    const byPlanner = await propose(planner, weights);
    expect(byPlanner.body.revision.assessmentsRevision).toBe(`a${assessed}.${assessed}`);
    const byLeader = await propose(leader, weights);
    expect(byLeader.body.id).toBe(byPlanner.body.id);
    expect(byLeader.body.revision).not.toHaveProperty('assessmentsRevision');
    expect(byLeader.body.revision.dataHash).toBe(byPlanner.body.revision.dataHash);
    const selection = await request(app).post('/api/selection').set('Authorization', `Bearer ${leader}`).send({ method: 'greedy', k: 3, weights });
    expect(selection.status).toBe(200);
    expect(selection.body.revision).not.toHaveProperty('assessmentsRevision');
  });
});
