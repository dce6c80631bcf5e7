import type { Db } from '../../src/db/connection';
import { memoryDb } from '../helpers/app';
import { agentAs, testUser } from '../helpers/auth';
import { listAudit } from '../../src/db/audit-repo';
import { loadTestAnswers } from './helpers';
import { createApp } from '../../src/web/app';
import { getShortlist } from '../../src/db/shortlists-repo';
import { listAssessments, recordAssessment } from '../../src/db/assessments-repo';
import { districtAdviceByMunicipality } from '../../src/db/advice';
import { rankScenario, selectScenario } from '../../src/planning/service';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { createShortlist, compareWithToday } from '../../src/shortlist/service';
import { canonicalJson, inputHash } from '../../src/shortlist';

const params = scenarioParamsSchema.parse({ k: 6 });
const NOW = '2024-06-01T12:00:00Z';

function changeIndicator(db: Db, knr: string, crimePer1000: number): void {
  db.prepare('UPDATE municipalities SET crime_per_1000 = ? WHERE kommunenummer = ?').run(crimePer1000, knr);
  db.prepare("UPDATE meta SET value = 'changed-data' WHERE key = 'data_hash'").run();
}

describe('shortlists', () => {
  let db: Db;
  beforeEach(() => {
    db = memoryDb();
    loadTestAnswers(db, { sample: true });
  });

  it('When a shortlist is made from scenario parameters, then its candidates and frozen figures equal the engine output', async () => {
    const sl = await createShortlist(db, { name: 'Våren 2022', source: { kind: 'params', params }, by: 'Åse', now: NOW });
    const { selection, ranking } = await selectScenario(db, params, 'exact');
    expect(sl.candidates.map((c) => c.kommunenummer)).toEqual(selection.selected);
    expect(sl.candidates.map((c) => c.site.siteId)).toEqual(selection.selectedSites);
    expect(sl.candidates.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of sl.snapshot.candidates) {
      const r = ranking.items.find((x) => x.kommunenummer === c.kommunenummer)!;
      expect(c.score).toBe(r.score);
      expect(c.rank).toBe(r.rank);
      expect(c.contributions).toEqual(r.contributions);
      expect(c.newlyCovered).toBe(selection.sites.find((s) => s.kommunenummer === c.kommunenummer)!.newlyCovered);
      expect(c.inProposedSet).toBe(true);
      expect(c.robustness!.pInSet).toBeGreaterThanOrEqual(0);
    }
    expect(sl.snapshot.params).toEqual(params);
    expect(sl.snapshot.answers.sample).toBe(true);
    expect(sl.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sl.inputHash).toBe(inputHash({ params, dataHash: sl.dataHash, answersRevision: sl.answersRevision, assessmentsRevision: 'ignored' }));
  });

  it('When the canonical JSON is taken, then key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
  });

  it('When an indicator changes after creation, then the stored shortlist keeps its original figures and the comparison names the change', async () => {
    const sl = await createShortlist(db, { name: 'A', source: { kind: 'params', params }, by: 'x', now: NOW });
    const first = sl.snapshot.candidates[0];
    expect(await compareWithToday(db, sl, NOW)).toMatchObject({ identical: true });
    changeIndicator(db, first.kommunenummer, (first.indicators.crimePer1000 ?? 0) + 500);
    const again = getShortlist(db, sl.id)!;
    expect(again.snapshot).toEqual(sl.snapshot);
    const cmp = await compareWithToday(db, again, NOW);
    expect(cmp.identical).toBe(false);
    expect(cmp.dataChanged).toBe(true);
    expect(cmp.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kommunenummer: first.kommunenummer, field: 'indicator.crimePer1000', then: first.indicators.crimePer1000 }),
      expect.objectContaining({ kommunenummer: first.kommunenummer, field: 'score', then: first.score }),
    ]));
  });

  it('When different answers are loaded, then the snapshot keeps the original answers and the comparison reports it', async () => {
    const sl = await createShortlist(db, { name: 'A', source: { kind: 'params', params }, by: 'x', now: NOW });
    loadTestAnswers(db, { sample: false, variant: 1, now: '2024-07-01T00:00:00Z' });
    const again = getShortlist(db, sl.id)!;
    expect(again.snapshot.candidates.map((c) => c.answer)).toEqual(sl.snapshot.candidates.map((c) => c.answer));
    const cmp = await compareWithToday(db, again, NOW);
    expect(cmp.answersChanged).toBe(true);
    expect(cmp.changes.some((c) => c.field === 'answer')).toBe(true);
  });

  it('When municipalities are hand-picked, then they are kept in the given order with their figures, even if not in the proposed set', async () => {
    const sl = await createShortlist(db, { name: 'Hånd', source: { kind: 'manual', kommunenummer: ['0301', '1812'], params }, by: 'x', now: NOW });
    expect(sl.origin).toBe('manual');
    expect(sl.candidates.map((c) => c.kommunenummer)).toEqual(['0301', '1812']);
    const oslo = sl.snapshot.candidates[0];
    expect(oslo.inProposedSet).toBe(false);
    expect(oslo.score).toBe(rankScenario(db, params).ranking.items.find((r) => r.kommunenummer === '0301')!.score);
    await expect(createShortlist(db, { name: 'x', source: { kind: 'manual', kommunenummer: ['9999'], params }, by: 'x', now: NOW })).rejects.toThrow(/9999/);
  });
});

describe('district assessments and the districtAdvice criterion', () => {
  let db: Db;
  beforeEach(() => {
    db = memoryDb();
  });

  it('When a municipality is assessed twice, then the latest assessment is its advice and both stay in the history', () => {
    recordAssessment(db, { shortlistId: null, kommunenummer: '5034', policeDistrict: 'Trøndelag', advice: 'supports', reason: 'Lang vei', assessor: 'A', now: '2024-01-01T00:00:00Z' });
    recordAssessment(db, { shortlistId: null, kommunenummer: '5034', policeDistrict: 'Trøndelag', advice: 'advisesAgainst', reason: 'Nytt kontor i nabokommunen', assessor: 'B', now: '2024-02-01T00:00:00Z' });
    expect(districtAdviceByMunicipality(db).get('5034')).toBe('advisesAgainst');
    expect(listAssessments(db, { kommunenummer: '5034' })).toHaveLength(2);
  });

  it('When an assessment has no reason, then the database refuses it', () => {
    expect(() => recordAssessment(db, { shortlistId: null, kommunenummer: '5034', policeDistrict: 'x', advice: 'neutral', reason: '  ', assessor: 'A', now: NOW })).toThrow();
  });

  it('When districtAdvice has weight, then an assessment changes the ranking; with weight 0 it does not', () => {
    const withAdvice = scenarioParamsSchema.parse({ weights: { districtAdvice: 5 }, wishGate: false });
    const before = rankScenario(db, withAdvice).ranking.items;
    const beforeDefault = rankScenario(db, params).ranking.items.map((r) => r.score);
    const target = before[40].kommunenummer;
    recordAssessment(db, { shortlistId: null, kommunenummer: target, policeDistrict: before[40].policeDistrict, advice: 'supports', reason: 'Sterkt behov', assessor: 'A', now: NOW });
    for (const r of before.slice(0, 3)) {
      recordAssessment(db, { shortlistId: null, kommunenummer: r.kommunenummer, policeDistrict: r.policeDistrict, advice: 'advisesAgainst', reason: 'Dekkes fra før', assessor: 'A', now: NOW });
    }
    const after = rankScenario(db, withAdvice).ranking.items;
    expect(after.find((r) => r.kommunenummer === target)!.values.districtAdvice).toBe(1);
    expect(after.find((r) => r.kommunenummer === target)!.rank).toBeLessThan(41);
    expect(after.find((r) => r.kommunenummer === before[0].kommunenummer)!.rank).toBeGreaterThan(1);
    expect(rankScenario(db, params).ranking.items.map((r) => r.score)).toEqual(beforeDefault);
  });
});

describe('shortlist and review pages', () => {
  it('When a planner creates a shortlist with the form and a district records an assessment, then both pages show it', async () => {
    const db = memoryDb();
    loadTestAnswers(db, { sample: true });
    const app = createApp({ db });
    const planner = await agentAs(app, db, 'planner');
    const created = await planner.post('/shortlists').type('form').send({ name: 'Kortliste Øst', scenarioQuery: 'k=4' });
    expect(created.status).toBe(303);
    const id = created.headers.location.split('/').pop()!;
    const sl = getShortlist(db, id)!;
    expect(sl.candidates).toHaveLength(4);
    expect(sl.createdBy).toBe('test-planner');
    const page = await planner.get(`/shortlists/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Kortliste Øst');
    expect(page.text).toContain('data-testid="snapshot-same"');

    const c = sl.candidates[0];
    const leader = await testUser(db, 'district', c.policeDistrict);
    const district = await agentAs(app, db, 'district', c.policeDistrict);
    const reviewPage = await district.get(`/review/${c.policeDistrictNumber}?shortlist=${id}`);
    expect(reviewPage.status).toBe(200);
    expect(reviewPage.text).toContain(c.name);
    const missing = await district.post(`/review/${c.policeDistrictNumber}`).type('form')
      .send({ shortlistId: id, kommunenummer: c.kommunenummer, advice: 'supports', reason: '' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('reason');
    const ok = await district.post(`/review/${c.policeDistrictNumber}`).type('form')
      .send({ shortlistId: id, kommunenummer: c.kommunenummer, advice: 'supports', reason: 'Lang responstid om natten' });
    expect(ok.status).toBe(303);
    const overview = await planner.get(`/review?shortlist=${id}`);
    expect(overview.text).toContain('Lang responstid om natten');
    expect(overview.text).toContain(leader.name);

    const patch = await planner.patch(`/api/shortlists/${id}/candidates/${c.kommunenummer}`).send({ status: 'approved', rationale: 'Godt begrunnet' });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ status: 'approved', rationale: 'Godt begrunnet', updatedBy: 'test-planner' });
    const moved = await planner.post(`/shortlists/${id}/candidates/${c.kommunenummer}`).type('form').send({ move: 'down' });
    expect(moved.status).toBe(303);
    expect(getShortlist(db, id)!.candidates[1].kommunenummer).toBe(c.kommunenummer);
    const admin = await agentAs(app, db, 'admin');
    const wrongDistrict = await admin.post('/review/p01').type('form')
      .send({ shortlistId: id, kommunenummer: c.kommunenummer === '0301' ? '5034' : c.kommunenummer, advice: 'neutral', reason: 'x' });
    expect(wrongDistrict.status).toBe(400);

    const shortlistAudit = listAudit(db, { entity: 'shortlist' }).entries;
    expect(shortlistAudit.map((e) => e.action).sort()).toEqual(['create', 'move-candidate', 'update-candidate']);
    expect(shortlistAudit.every((e) => e.actor === 'test-planner')).toBe(true);
  });

  it('When the API gets an unknown scenario or shortlist, then it answers 404 with a message', async () => {
    const db = memoryDb();
    const app = createApp({ db });
    const planner = await agentAs(app, db, 'planner');
    const res = await planner.post('/api/shortlists').send({ name: 'x', scenarioId: 's-nope' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('s-nope');
    expect((await planner.get('/api/shortlists/k-nope')).status).toBe(404);
  });

  it('When a shortlist is asked of a scenario whose rules cannot be met, then it answers 422 naming each broken rule in the reader\'s language', async () => {
    const db = memoryDb();
    const app = createApp({ db });
    const planner = await agentAs(app, db, 'planner');
    const scenario = await planner.post('/api/scenarios').send({ name: 'Umulig', params: { k: 20, districtMin: { Oslo: 5 }, include: ['1151'], exclude: ['1151'] } });
    expect(scenario.status).toBe(201);
    const nb = await planner.post('/api/shortlists?lang=nb').send({ name: 'x', scenarioId: scenario.body.id });
    expect(nb.status).toBe(422);
    expect(nb.body.error.message).toBe('Scenariet har ikke noe forslag å lage kortlisten av: Utsira er både tvunget inn og holdt utenfor; Minimum for Oslo er 5, men distriktet gir plass til høyst 3');
    const en = await planner.post('/api/shortlists?lang=en').send({ name: 'x', scenarioId: scenario.body.id });
    expect(en.body.error.message).toBe('The scenario has no proposed set to make the shortlist from: Utsira is both forced in and kept out; The minimum for Oslo is 5, but the district has room for at most 3');
    expect(en.body.error.details.violated).toContainEqual({ rule: 'includeExcluded', id: '1151' });
  });
});
