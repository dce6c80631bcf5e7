import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';

const { db, app } = testApp();
let api: Awaited<ReturnType<typeof agentAs>>;
beforeAll(async () => {
  api = await agentAs(app, db, 'planner');
});

describe('GET /api/coverage with lists of ids', () => {
  it('When a site id is unknown, then the answer is 400 naming the field and the unknown ids in the reader\'s language, not a layer without them', async () => {
    const en = await api.get('/api/coverage?minutes=45&sites=s0375,s9999,p0001&lang=en').expect(400);
    expect(en.body.error.message).toBe('sites: unknown site id: s9999, p0001');
    const nb = await api.get('/api/coverage?minutes=45&sites=s0375,s9999&lang=nb').expect(400);
    expect(nb.body.error.message).toBe('sites: ukjent sted (id): s9999');
  });

  it('When many site ids are unknown, then the first five are named and the rest counted', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `p00${String(i).padStart(2, '0')}`);
    const res = await api.get(`/api/coverage?minutes=45&sites=${ids.join(',')}&lang=en`).expect(400);
    expect(res.body.error.message).toBe('sites: unknown site id: p0000, p0001, p0002, p0003, p0004 … (+3)');
  });

  it('When a selected kommunenummer is unknown or named twice, then the answer is 400 naming it', async () => {
    const unknown = await api.get('/api/coverage?minutes=45&selected=5601,9999&lang=en').expect(400);
    expect(unknown.body.error.message).toBe('selected: unknown kommunenummer: 9999');
    const twice = await api.get('/api/coverage?minutes=45&selected=5601,5034,5601&lang=nb').expect(400);
    expect(twice.body.error.message).toBe('selected: står mer enn én gang: 5601');
  });

  it('When every id is known and named once, then the layer is drawn from them as before', async () => {
    const res = await api.get('/api/coverage?minutes=45&sites=s0375&lang=en').expect(200);
    expect(res.body.sites).toEqual(['s0375']);
    expect(res.body.states.length).toBe(res.body.points.length);
    const none = await api.get('/api/coverage?minutes=45').expect(200);
    expect(res.body.residents.proposed).toBeGreaterThanOrEqual(none.body.residents.proposed);
    expect(res.body.residents.total).toBe(none.body.residents.total);
  });
});
