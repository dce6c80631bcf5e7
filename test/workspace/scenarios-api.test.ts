import request from 'supertest';
import { listAudit } from '../../src/db/audit-repo';
import { createScenario, deleteScenario, getScenario, listScenarios, updateScenario } from '../../src/db/scenarios-repo';
import { defaultScenarioParams } from '../../src/model/scenario';
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';

const { db, app } = testApp();

/**
 * Signed-in agents (bearer tokens): `api` is the planner most tests act as; `english` is the same
 * planner for `?lang=en` calls (an agent keeps the language cookie, which would switch `api` too).
 */
let api: Awaited<ReturnType<typeof agentAs>>;
let english: Awaited<ReturnType<typeof agentAs>>;
beforeAll(async () => {
  api = await agentAs(app, db, 'planner');
  english = await agentAs(app, db, 'planner');
});

function create(body: Record<string, unknown>): request.Test {
  return api.post('/api/scenarios').send(body);
}

/** The scenario's audit entries, oldest first. */
function auditOf(id: string) {
  return listAudit(db, { entity: 'scenario', entityId: id }).entries.reverse();
}

describe('scenario API', () => {
  it('When a planner saves a named scenario, then it is stored with its params, data vintage, the signed-in account and when', async () => {
    const res = await create({ name: 'Dekning først', params: { weights: { crimeRate: 5 }, k: 15 } }).expect(201);
    expect(res.headers.location).toBe(`/scenarios/${res.body.id}`);
    expect(res.body).toMatchObject({ name: 'Dekning først', createdBy: 'test-planner', updatedBy: 'test-planner', parentId: null });
    expect(res.body.params.k).toBe(15);
    expect(res.body.params.weights.crimeRate).toBe(5);
    expect(res.body.params.weights.driveTime).toBe(3);
    expect(res.body.dataVintage.length).toBeGreaterThan(0);
    expect(res.body.dataHash).toMatch(/^[0-9a-f]+$/);
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
    const read = await api.get(`/api/scenarios/${res.body.id}`).expect(200);
    expect(read.body).toEqual(res.body);
  });

  it('When the body names an author, then the name is ignored and the scenario is recorded against the account', async () => {
    const res = await create({ name: 'Standard', by: 'Kari Nordmann' }).expect(201);
    expect(res.body.createdBy).toBe('test-planner');
    expect(res.body.params.k).toBe(20);
  });

  it('When a scenario is updated by another account, then name and params change, the updater is that account and the rest is kept', async () => {
    const { body: s } = await create({ name: 'Før', params: { k: 10 } });
    const admin = await agentAs(app, db, 'admin');
    const res = await admin.put(`/api/scenarios/${s.id}`).send({ name: 'Etter', by: 'Ola', params: { k: 12, objective: 'access' } }).expect(200);
    expect(res.body).toMatchObject({ id: s.id, name: 'Etter', updatedBy: 'test-admin', createdBy: 'test-planner' });
    expect(res.body.params).toMatchObject({ k: 12, objective: 'access' });
    const renamed = await api.put(`/api/scenarios/${s.id}`).send({ name: 'Bare nytt navn' }).expect(200);
    expect(renamed.body.params.k).toBe(12);
  });

  it('When a scenario is duplicated, then the copy has the same params, a new id and the original as parent', async () => {
    const { body: s } = await create({ name: 'Original', params: { k: 7 } });
    const res = await api.post(`/api/scenarios/${s.id}/duplicate`).send({}).expect(201);
    expect(res.body.id).not.toBe(s.id);
    expect(res.body).toMatchObject({ name: 'Original (kopi)', parentId: s.id });
    expect(res.body.params).toEqual(s.params);
    const en = await english.post(`/api/scenarios/${s.id}/duplicate?lang=en`).send({ name: 'Variant B', by: 'Per' }).expect(201);
    expect(en.body).toMatchObject({ name: 'Variant B', createdBy: 'test-planner' });
  });

  it('When scenarios are listed, then every saved one is there', async () => {
    const res = await api.get('/api/scenarios').expect(200);
    expect(res.body.scenarios.length).toBeGreaterThanOrEqual(5);
  });

  it('When two scenarios are compared, then the API reports entering and leaving sites, rank moves and the change in residents covered', async () => {
    const { body: a } = await create({ name: 'A', params: {} });
    const { body: b } = await create({ name: 'B', params: { objective: 'score', weights: { crimeRate: 10, violenceRate: 10, driveTime: 0, uncovered: 0 } } });
    const res = await api.get(`/api/scenarios/compare?a=${a.id}&b=${b.id}`).expect(200);
    const c = res.body.comparison;
    expect(res.body.solver).toBe('exact');
    expect(c.entering.length).toBeGreaterThan(0);
    expect(c.entering.length).toBe(c.leaving.length);
    expect(c.entering.length + c.staying.length).toBe(20);
    expect(c.moves.length).toBeGreaterThan(0);
    expect(c.moves.every((m: { delta: number }) => m.delta !== 0)).toBe(true);
    expect(typeof c.coveredResidents.a).toBe('number');
    expect(c.coveredResidents.change).toBe(c.coveredResidents.b - c.coveredResidents.a);
    const same = await api.get(`/api/scenarios/compare?a=${a.id}&b=${a.id}`).expect(200);
    expect(same.body.comparison.entering).toEqual([]);
    expect(same.body.comparison.coveredResidents.change).toBe(0);
  });

  it('When a scenario is deleted, then it is gone', async () => {
    const { body: s } = await create({ name: 'Kortlivet' });
    await api.delete(`/api/scenarios/${s.id}`).expect(204);
    await api.get(`/api/scenarios/${s.id}`).expect(404);
  });

  describe('audit log', () => {
    it('When a scenario is created, updated, duplicated and deleted, then each change is in the audit log with the account name and before/after name and params', async () => {
      const { body: s } = await create({ name: 'Revidert', params: { k: 9 } }).expect(201);
      await api.put(`/api/scenarios/${s.id}`).send({ name: 'Revidert 2', params: { k: 11 } }).expect(200);
      const { body: copy } = await api.post(`/api/scenarios/${s.id}/duplicate`).send({}).expect(201);
      await api.delete(`/api/scenarios/${s.id}`).expect(204);

      const entries = auditOf(s.id);
      expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
      expect(entries.every((e) => e.actor === 'test-planner' && e.entity === 'scenario')).toBe(true);
      const [created, updated, deleted] = entries;
      expect(created.before).toBeNull();
      expect(created.after).toMatchObject({ name: 'Revidert', params: { k: 9 } });
      expect(updated.before).toMatchObject({ name: 'Revidert', params: { k: 9 } });
      expect(updated.after).toMatchObject({ name: 'Revidert 2', params: { k: 11 } });
      expect(deleted.before).toMatchObject({ name: 'Revidert 2', params: { k: 11 } });
      expect(deleted.after).toBeNull();
      expect(Date.parse(created.at)).not.toBeNaN();

      const [duplicated] = auditOf(copy.id);
      expect(duplicated).toMatchObject({ action: 'duplicate', actor: 'test-planner', after: { name: 'Revidert 2 (kopi)', params: { k: 11 } } });
      expect(duplicated.said).toEqual({ key: 'audit.note.copyOf', params: { id: s.id } });
    });

    it('When writing the audit entry fails, then the scenario change is not written either (one transaction)', () => {
      const stamp = { by: 'test-planner', now: '2024-06-01T12:00:00.000Z' };
      const data = { dataHash: 'h', dataVintage: 'v', answersRevision: '' };
      const kept = createScenario(db, { name: 'Urørt', params: defaultScenarioParams, ...data, ...stamp });
      const countBefore = listScenarios(db).length;
      db.exec(`CREATE TEMP TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END`);
      try {
        expect(() => createScenario(db, { name: 'Uten spor', params: defaultScenarioParams, ...data, ...stamp })).toThrow(/audit log unavailable/);
        expect(() => updateScenario(db, kept.id, { name: 'Endret uten spor', params: defaultScenarioParams, ...data, ...stamp })).toThrow(/audit log unavailable/);
        expect(() => deleteScenario(db, kept.id, stamp)).toThrow(/audit log unavailable/);
      } finally {
        db.exec('DROP TRIGGER temp.audit_down');
      }
      expect(listScenarios(db)).toHaveLength(countBefore);
      expect(getScenario(db, kept.id)).toMatchObject({ name: 'Urørt' });
    });
  });

  describe('roles', () => {
    it.each(['viewer', 'district'] as const)('When a %s tries to create, update, duplicate or delete a scenario, then 403 and nothing changes', async (role) => {
      const { body: s } = await create({ name: `Bare for planleggere (${role})` }).expect(201);
      const reader = await agentAs(app, db, role);
      const countBefore = (await reader.get('/api/scenarios').expect(200)).body.scenarios.length;
      const denied = await reader.post('/api/scenarios').send({ name: 'Forsøk' }).expect(403);
      expect(denied.body.error.code).toBe('forbidden');
      await reader.put(`/api/scenarios/${s.id}`).send({ name: 'Forsøk' }).expect(403);
      await reader.post(`/api/scenarios/${s.id}/duplicate`).send({}).expect(403);
      await reader.delete(`/api/scenarios/${s.id}`).expect(403);
      expect((await reader.get('/api/scenarios').expect(200)).body.scenarios).toHaveLength(countBefore);
      expect((await reader.get(`/api/scenarios/${s.id}`).expect(200)).body.name).toBe(`Bare for planleggere (${role})`);
      expect(auditOf(s.id).map((e) => e.action)).toEqual(['create']);
    });

    it('When nobody is signed in, then the scenario API answers 401', async () => {
      await request(app).get('/api/scenarios').expect(401);
      await request(app).post('/api/scenarios').send({ name: 'Anonym' }).expect(401);
    });
  });

  describe('errors', () => {
    it.each([
      ['an empty name', { name: '  ' }, 'name'],
      ['a missing name', { params: {} }, 'name'],
      ['an unknown criterion', { name: 'x', params: { weights: { nope: 1 } } }, 'params.weights: ukjent kriterium: nope'],
      ['a negative weight', { name: 'x', params: { weights: { crimeRate: -1 } } }, 'params.weights.crimeRate'],
      ['K = 0', { name: 'x', params: { k: 0 } }, 'params.k'],
      ['an unknown objective', { name: 'x', params: { objective: 'fastest' } }, 'params.objective'],
    ])('When a scenario has %s, then it is rejected with 400 naming the field', async (_what, body, field) => {
      const res = await create(body).expect(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.message).toContain(field);
    });

    it('When the body is not JSON, then 400 invalid_json', async () => {
      const res = await api.post('/api/scenarios').set('Content-Type', 'application/json').send('{oops').expect(400);
      expect(res.body.error.code).toBe('invalid_json');
    });

    it.each([
      ['GET', '/api/scenarios/s-0000000000'],
      ['PUT', '/api/scenarios/s-0000000000'],
      ['DELETE', '/api/scenarios/s-0000000000'],
      ['POST', '/api/scenarios/s-0000000000/duplicate'],
    ])('When %s %s names an unknown scenario, then 404 with {error:{code,message}}', async (method, path) => {
      const res = await api[method.toLowerCase() as 'get'](path).send({ name: 'x' }).expect(404);
      expect(res.body.error).toEqual({ code: 'not_found', message: 'Det finnes ikke noe scenario med id s-0000000000.' });
    });

    it('When a scenario id has illegal characters, then 400', async () => {
      const res = await api.get('/api/scenarios/bad%20id!').expect(400);
      expect(res.body.error.code).toBe('invalid_request');
    });

    it('When compare misses b or names an unknown scenario, then 400 or 404', async () => {
      const { body: a } = await create({ name: 'Alene' });
      expect((await api.get(`/api/scenarios/compare?a=${a.id}`).expect(400)).body.error.message).toContain('b');
      await api.get(`/api/scenarios/compare?a=${a.id}&b=s-ffffffffff`).expect(404);
    });
  });
});

describe('workspace pages and layers', () => {
  it('When the planner opens /, then the workspace page has the map, weights for every criterion and the ranking table', async () => {
    const res = await api.get('/').expect(200);
    expect(res.text).toContain('id="map"');
    expect(res.text).toContain('id="w-crimeRate"');
    expect(res.text).toContain('id="ranking"');
    expect(res.text).toContain('id="p-travelModel"');
    expect(res.text).toContain('Innebygd land/sjø-modell');
    expect(res.text).toContain('<option value="beyond">Minutter over grensen');
    expect(res.text).toContain('id="proposal"');
    expect(res.text).not.toMatch(/<script>(?!<\/script>)|\son[a-z]+="/);
  });

  it('When a viewer or a district leader opens the workspace or the scenario list, then there are no save, duplicate or delete controls', async () => {
    const { body: s } = await create({ name: 'Lesbar' }).expect(201);
    const planner = await api.get(`/scenarios/${s.id}`).expect(200);
    expect(planner.text).toContain('id="save-form"');
    expect(planner.text).toContain('id="scn-update"');
    expect(planner.text).not.toContain('id="scn-by"');
    expect((await api.get('/scenarios').expect(200)).text).toContain('data-action="delete"');
    for (const role of ['viewer', 'district'] as const) {
      const reader = await agentAs(app, db, role);
      for (const path of ['/', `/scenarios/${s.id}`]) {
        const page = await reader.get(path).expect(200);
        expect(page.text).toContain('id="w-crimeRate"');
        expect(page.text).toContain('id="read-only-note"');
        expect(page.text).not.toMatch(/id="(save-box|save-form|scn-create|scn-update|scn-duplicate)"/);
        expect(page.text).toContain('&#34;mayPlan&#34;:false');
      }
      const list = await reader.get('/scenarios').expect(200);
      expect(list.text).toContain('Lesbar');
      expect(list.text).not.toMatch(/data-action="(duplicate|delete)"/);
    }
  });

  it('When a base-map tile URL is configured, then the page passes it to the map; by default there are no internet tiles', async () => {
    expect((await api.get('/').expect(200)).text).toContain('&#34;tileUrl&#34;:null');
    process.env.STEDSVALG_TILE_URL = 'https://tiles.example.no/{z}/{x}/{y}.png';
    try {
      expect((await api.get('/').expect(200)).text).toContain('https://tiles.example.no/{z}/{x}/{y}.png');
    } finally {
      delete process.env.STEDSVALG_TILE_URL;
    }
  });

  it('When a saved scenario is opened by its URL, then the workspace shows its name and carries its params', async () => {
    const { body: s } = await create({ name: 'Nord-Norge først', params: { k: 12 } });
    const res = await api.get(`/scenarios/${s.id}`).expect(200);
    expect(res.text).toContain('Nord-Norge først');
    expect(res.text).toContain('&#34;k&#34;:12');
    await api.get('/scenarios/s-0000000000').expect(404);
  });

  it('When the scenario list and the comparison page are opened, then they render with the scenarios', async () => {
    const { body: a } = await create({ name: 'Liste A' });
    const { body: b } = await create({ name: 'Liste B', params: { k: 10 } });
    expect((await api.get('/scenarios').expect(200)).text).toContain('Liste A');
    const cmp = await api.get(`/compare?a=${a.id}&b=${b.id}`).expect(200);
    expect(cmp.text).toContain('Faller ut i B');
    expect(cmp.text).toContain('id="covered-change"');
    await api.get('/compare').expect(200);
  });

  it('When two scenarios count coverage within different drive times, then the comparison shows each radius and does not subtract their coverage', async () => {
    const { body: a } = await create({ name: 'Radius 60', params: { minutes: 60 } });
    const { body: b } = await create({ name: 'Radius 45', params: { minutes: 45 } });
    const cmp = (await api.get(`/compare?a=${a.id}&b=${b.id}`).expect(200)).text;
    expect(cmp).toContain('A (innen 60 min)');
    expect(cmp).toContain('B (innen 45 min)');
    expect(cmp).toContain('data-testid="cmp-not-comparable"');
    expect(cmp).toMatch(/id="covered-change">ikke sammenlignbart</);
  });

  it('When the coverage layer is requested, then every demand point gets a state and the proposal only adds coverage', async () => {
    const none = await api.get('/api/coverage?minutes=45').expect(200);
    const some = await api.get('/api/coverage?minutes=45&selected=5601,5034,1839').expect(200);
    expect(none.body.method).toBe('demand-points');
    expect(none.body.states.length).toBe(none.body.points.length);
    expect(none.body.residents.proposed).toBe(0);
    expect(some.body.residents.proposed).toBeGreaterThan(0);
    expect(some.body.residents.existing).toBe(none.body.residents.existing);
    expect(some.body.residents.total).toBe(none.body.residents.total);
    expect(some.body.byMunicipality['5034'].shareWithProposed).toBeGreaterThan(some.body.byMunicipality['5034'].shareExisting);
    await api.get('/api/coverage?selected=12').expect(400);
  });

  it('When candidate sites and premises are requested, then there is one site per municipality and a GeoJSON collection', async () => {
    expect((await api.get('/api/workspace/sites').expect(200)).body.sites).toHaveLength(357);
    expect((await api.get('/api/workspace/premises').expect(200)).body.type).toBe('FeatureCollection');
  });
});

describe('profile and municipality comparison', () => {
  it('When a profile is opened, then it shows percentiles, the score breakdown, nearest stations and robustness', async () => {
    const res = await api.get('/municipalities/5601').expect(200);
    expect(res.text).toContain('Alta');
    expect(res.text).toContain('Persentil i landet');
    expect(res.text).toContain('id="breakdown"');
    expect(res.text).toContain('id="nearest"');
    expect(res.text).toContain('id="prof-pinset"');
    expect(res.text).toContain('Ingen svar fra kommunene er lastet inn');
  });

  it('When a profile is opened under a scenario, then the rank follows that scenario', async () => {
    const { body: s } = await create({ name: 'Bare folketall', params: { weights: { population: 10, driveTime: 0, uncovered: 0, crimeRate: 0, violenceRate: 0, crimeTrend: 0, premises: 0, dissatisfied: 0 } } });
    const res = await api.get(`/municipalities/0301?scenario=${s.id}`).expect(200);
    expect(res.text).toMatch(/id="prof-rank">1\.</);
    const q = await english.get('/municipalities/0301?weights=population:10,driveTime:0,uncovered:0,crimeRate:0,violenceRate:0,crimeTrend:0,premises:0,dissatisfied:0&lang=en').expect(200);
    // An ordinal in each language: "1." in Norwegian, "1st of 357" in English (not "1 place of 357").
    expect(q.text).toMatch(/id="prof-rank">1st<\/span><span class="l">of 357</);
    expect(q.text).toContain('National percentile');
  });

  it('When a profile names an unknown or malformed kommunenummer, then 404 or 400', async () => {
    await api.get('/municipalities/9999').expect(404);
    await api.get('/municipalities/abc').expect(400);
  });

  it('When municipalities are compared, then each indicator row marks the value that argues most for a station', async () => {
    const res = await api.get('/compare/municipalities?kommunenummer=0301,5601').expect(200);
    expect(res.text).toContain('Oslo');
    expect(res.text).toContain('Alta');
    expect((res.text.match(/class="num best"/g) ?? []).length).toBeGreaterThan(5);
    await api.get('/compare/municipalities?kommunenummer=0301,5601,1103,3201,5001').expect(400);
  });

  it('When an older link names the municipalities with k, then the comparison is the same as with kommunenummer, and k beside kommunenummer is the scenario\'s K', async () => {
    const named = await api.get('/compare/municipalities?kommunenummer=0301,5601').expect(200);
    const old = await api.get('/compare/municipalities?k=0301,5601').expect(200);
    const table = (html: string) => html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    expect(table(old.text)).toBe(table(named.text));
    await api.get('/compare/municipalities?k=0301,5601,1103,3201,5001').expect(400);
    await api.get('/compare/municipalities?kommunenummer=0301,5601&k=12').expect(200);
    await api.get('/compare/municipalities?kommunenummer=0301,5601&k=0x14').expect(400);
  });
});
