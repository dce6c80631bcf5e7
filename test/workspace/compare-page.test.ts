/**
 * The scenario comparison page names the travel model its drive times and coverage come from, and says in
 * words when there is nothing to compare (the same scenario twice, only one scenario, no rank moves) instead
 * of showing an empty table.
 */
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';

const { db, app } = testApp();
let api: Awaited<ReturnType<typeof agentAs>>;
let english: Awaited<ReturnType<typeof agentAs>>;
beforeAll(async () => {
  api = await agentAs(app, db, 'planner');
  english = await agentAs(app, db, 'planner');
});

const create = async (name: string, params: Record<string, unknown> = {}): Promise<{ id: string }> =>
  (await api.post('/api/scenarios').send({ name, params }).expect(201)).body as { id: string };

describe('the comparison page', () => {
  it('When only one scenario is saved, then the page says there is nothing to compare yet and why', async () => {
    await create('Eneste');
    const html = (await api.get('/compare').expect(200)).text;
    expect(html).toContain('id="cmp-nothing"');
    expect(html).toContain('Det finnes bare ett lagret scenario, så det er ingenting å sammenligne ennå.');
  });

  it('When two scenarios with different weights are compared, then the page names the travel model of the figures (in the rules table too, by name) and shows the rank moves', async () => {
    const a = await create('Modell A');
    const b = await create('Modell B', { weights: { crimeRate: 9, driveTime: 0 } });
    const html = (await api.get(`/compare?a=${a.id}&b=${b.id}`).expect(200)).text;
    expect(html).toMatch(/id="cmp-travel-model">Kjøretidene og dekningen er beregnet med reisetidsmodellen Innebygd land\/sjø-modell[^<]*\.</);
    expect(html).toContain('id="cmp-moves"');
    expect(html).not.toContain('id="cmp-no-moves"');
    const en = (await english.get(`/compare?a=${a.id}&b=${b.id}&lang=en`).expect(200)).text;
    expect(en).toMatch(/id="cmp-travel-model">The drive times and coverage are computed with the travel model Built-in land\/sea model/);
    // The rules table names each scenario's travel model in words, never by its stored ref.
    const row = /<th scope="row">Reisetidsmodell<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(row).toMatch(/^<td class="num">Innebygd land\/sjø-modell[^<]*<\/td><td class="num">Innebygd land\/sjø-modell[^<]*<\/td>$/);
    expect(html).not.toContain('>builtin<');
  });

  it('When two scenarios rank alike (only K differs), then no empty table is shown but a message saying no municipality changed place and why', async () => {
    const a = await create('Lik rangering A', { k: 20 });
    const b = await create('Lik rangering B', { k: 10 });
    const html = (await api.get(`/compare?a=${a.id}&b=${b.id}`).expect(200)).text;
    expect(html).not.toContain('id="cmp-moves"');
    expect(html).toContain('id="cmp-no-moves"');
    expect(html).toContain('Ingen kommune blant de 60 øverste har endret plass i rangeringen: A og B rangerer kommunene likt');
    expect(html).toContain('id="cmp-travel-model"');
  });

  it('When two scenarios are compared, then each side shows its stored proposal: the same set and residents within the limit as the workspace', async () => {
    const a = await create('Som arbeidsflaten A');
    const b = await create('Som arbeidsflaten B', { weights: { crimeRate: 8, violenceRate: 6 } });
    const proposals = await Promise.all([{}, { weights: { crimeRate: 8, violenceRate: 6 } }].map(async (params) =>
      (await api.post('/api/proposals').send(params).expect(200)).body as { id: string; selected: string[]; coveredShare: number; meanAccess: number }));
    const { body } = await api.get(`/api/scenarios/compare?a=${a.id}&b=${b.id}`).expect(200);
    const total = 5550203;
    for (const [side, p] of [['a', proposals[0]], ['b', proposals[1]]] as const) {
      expect(body.comparison.coveredShare[side]).toBe(p.coveredShare);
      expect(body.comparison.coveredResidents[side]).toBe(Math.round(p.coveredShare * total));
      expect(body.comparison.meanAccessMin[side]).toBe(p.meanAccess);
    }
    const inA = [...body.comparison.staying, ...body.comparison.leaving].map((m: { kommunenummer: string }) => m.kommunenummer).sort();
    expect(inA).toEqual([...proposals[0].selected].sort());
    const html = (await api.get(`/compare?a=${a.id}&b=${b.id}`).expect(200)).text;
    const row = /<th scope="row">Innbyggere innen kjøretiden<\/th><td class="num">([^<]*)<\/td>/.exec(html)?.[1];
    expect(row?.replace(/\s/g, '')).toBe(String(Math.round(proposals[0].coveredShare * total)));
    expect(html).toContain('Begge settene er scenarienes lagrede forslag');
  });

  it('When A and B are the same scenario, then the page says there is nothing to compare instead of a table of zeros', async () => {
    const a = await create('Samme to ganger');
    const html = (await api.get(`/compare?a=${a.id}&b=${a.id}`).expect(200)).text;
    expect(html).toContain('A og B er det samme scenariet, så det er ingenting å sammenligne.');
    expect(html).not.toContain('id="cmp-params"');
    await api.get('/compare?a=s-ffffffffff&b=s-ffffffffff').expect(404);
  });

  it('When municipalities are compared, then the page names the travel model of their drive times', async () => {
    const html = (await api.get('/compare/municipalities?kommunenummer=0301,5601').expect(200)).text;
    expect(html).toMatch(/id="cmp-travel-model">Kjøretidene og dekningen er beregnet med reisetidsmodellen Innebygd/);
  });
});
