import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { recordAssessment } from '../../src/db/assessments-repo';

describe('district advice is visible only to its own district leader', () => {
  const { db, app } = testApp();
  beforeAll(() => {
    const now = new Date().toISOString();
    recordAssessment(db, { shortlistId: null, kommunenummer: '5534', policeDistrict: 'Troms', advice: 'advisesAgainst', reason: 'Dekket fra Tromsø', assessor: 'troms-leder', now });
    recordAssessment(db, { shortlistId: null, kommunenummer: '5601', policeDistrict: 'Finnmark', advice: 'supports', reason: 'Stor avstand', assessor: 'finnmark-leder', now });
  });

  const adviceOf = (items: { kommunenummer: string; values: Record<string, number | null> }[], knr: string) =>
    items.find((i) => i.kommunenummer === knr)!.values.districtAdvice;

  it('When a planner ranks with advice weighted, then every district’s advice is used', async () => {
    const planner = await agentAs(app, db, 'planner');
    const res = await planner.get('/api/ranking?w.districtAdvice=2').expect(200);
    expect(adviceOf(res.body.items, '5534')).toBe(0);
    expect(adviceOf(res.body.items, '5601')).toBe(1);
  });

  it('When the Finnmark leader ranks, then Troms advice is missing to them and their own is there', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const res = await leader.get('/api/ranking?w.districtAdvice=2').expect(200);
    expect(adviceOf(res.body.items, '5534')).toBeNull();
    expect(res.body.items.find((i: { kommunenummer: string }) => i.kommunenummer === '5534').missing).toContain('districtAdvice');
    expect(adviceOf(res.body.items, '5601')).toBe(1);
    const sel = await leader.post('/api/selection').send({ k: 5, objective: 'score', method: 'greedy', weights: { districtAdvice: 2 } }).expect(200);
    expect(sel.body.status).toBe('feasible');
  });

  it('When the Finnmark leader opens a Troms profile, then the Troms reason and assessor are not on the page', async () => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');
    const page = await leader.get('/municipalities/5534?w.districtAdvice=2').expect(200);
    expect(page.text).not.toContain('Dekket fra Tromsø');
    expect(page.text).not.toContain('troms-leder');
    await leader.get('/api/assessments').expect(200).then((r) => {
      expect(JSON.stringify(r.body)).not.toContain('5534');
    });
  });
});
