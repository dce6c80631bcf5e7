/**
 * The audit log page shows each change in words: «field: old → new» with the field named in the reader's
 * language and the values formatted, while the raw before and after stay available in a <details>.
 */
import path from 'node:path';
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { auditChanges, changedPaths } from '../../src/web/audit-changes';
import { createUser, updateUser } from '../../src/db/users-repo';

/** The page's text with tags and repeated blanks removed (entities of the escaped quotes decoded). */
const words = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').replace(/ : /g, ': ');

describe('the audit log in words', () => {
  const { db, app } = testApp();

  it('When before and after differ in nested fields, then only the changed paths are listed', () => {
    const paths = changedPaths({ name: 'A', params: { k: 20, weights: { crimeRate: 2, driveTime: 3 } } }, { name: 'A', params: { k: 15, weights: { crimeRate: 5, driveTime: 3 } } });
    expect(paths).toEqual([
      { path: 'params.k', before: 20, after: 15 },
      { path: 'params.weights.crimeRate', before: 2, after: 5 },
    ]);
    expect(changedPaths(null, { role: 'viewer' })).toEqual([{ path: 'role', before: undefined, after: 'viewer' }]);
  });

  it('When a change is put in words, then fields are named in the reader\'s language, yes/no and numbers are formatted, and an unknown field keeps its name as code', () => {
    const nb = auditChanges('nb', { wishGate: true, blendAlpha: 0.5, q9: 'x' }, { wishGate: false, blendAlpha: 0.75, q9: 'y' }).changes;
    expect(nb.map((c) => `${c.field.text}${c.field.code ? ' (kode)' : ''}: ${c.before?.text} → ${c.after?.text}`)).toEqual([
      'Bare kommuner som ønsker tjenestested er valgbare: Ja → Nei',
      'Vekt på poengsum (α): 0,5 → 0,75',
      'q9 (kode): x → y',
    ]);
    const en = auditChanges('en', { wishGate: true }, { wishGate: false }).changes;
    expect(en[0].before?.text).toBe('Yes');
    expect(auditChanges('nb', { description: '', include: [] }, { include: [] }).changes).toEqual([]);
  });

  it('When a shortlist\'s candidates or other lists of records are put in words, then they read as municipality numbers or a count, never as JSON', () => {
    const candidates = [{ kommunenummer: '1547', position: 1, site: { kind: 'place', lon: 6.6 } }, { kommunenummer: '1848', position: 2 }];
    const nb = auditChanges('nb', null, { candidates, inputHash: 'e5a6', scenarioId: 's-1', rows: [{ a: 1 }] }).changes;
    expect(nb.map((c) => `${c.field.text}${c.field.code ? ' (kode)' : ''}: ${c.after?.text}`)).toEqual([
      'Kandidater: 2 kommuner: 1547, 1848',
      'Inndatahash: e5a6',
      'Scenario: s-1',
      'rows (kode): 1 oppføring (se rådata)',
    ]);
    expect(auditChanges('en', null, { candidates: candidates.slice(0, 1) }).changes[0].after?.text).toBe('1 municipality: 1547');
  });

  it('When a planner changes a scenario\'s K, a weight and its name, then the audit page says «field: old → new» in Norwegian and English and keeps the raw JSON in a <details>', async () => {
    const planner = await agentAs(app, db, 'planner');
    const english = await agentAs(app, db, 'planner');
    const created = (await planner.post('/api/scenarios').send({ name: 'Før endring', params: { k: 20 } }).expect(201)).body as { id: string; params: Record<string, unknown> };
    await planner.put(`/api/scenarios/${created.id}`).send({ name: 'Etter endring', params: { ...created.params, k: 15, weights: { ...(created.params.weights as object), crimeRate: 5 } } }).expect(200);
    const html = (await planner.get(`/audit?entity=scenario&entityId=${created.id}`).expect(200)).text;
    const text = words(html);
    expect(text).toContain('Navn: Før endring → Etter endring');
    expect(text).toContain('Antall nye steder (K): 20 → 15');
    expect(text).toContain('Vekt: Anmeldte lovbrudd per 1 000: 2 → 5');
    expect(html).toMatch(/<details><summary>Vis rådata \(JSON\)<\/summary>\s*<p>Før<\/p><pre lang="zxx" translate="no">/);
    expect(html).toContain('&#34;k&#34;: 15');
    const en = words((await english.get(`/audit?entity=scenario&entityId=${created.id}&lang=en`).expect(200)).text);
    expect(en).toContain('Number of new sites (K): 20 → 15');
    expect(en).toContain('Weight: Reported offences per 1,000: 2 → 5');
    expect(en).toContain('Show the raw data (JSON)');
    // The creation has no before: its fields are listed with their values, not as «tomt → …».
    expect(text).toContain('Antall nye steder (K): 20');
    expect(text).not.toMatch(/Navn: \(?tomt\)? → Før endring/i);
    expect(text).toMatch(/Navn: «?"?Før endring/);
  });

  it('When a user\'s role changes, then the audit page names the roles from the catalogue (not the quoted codes), in Norwegian and English', async () => {
    const user = createUser(db, { name: 'rolle-bytte', role: 'planner', district: null, passwordHash: 'x' }, 'test-admin', '2024-05-01T10:00:00.000Z');
    updateUser(db, user.id, { role: 'viewer' }, 'test-admin', '2024-05-02T10:00:00.000Z');
    const admin = await agentAs(app, db, 'admin');
    const html = (await admin.get(`/audit?entity=user&entityId=${user.id}`).expect(200)).text;
    expect(words(html)).toContain('Rolle: planlegger → lesetilgang');
    expect(html).not.toMatch(/<q[^>]*>planner<\/q>/);
    const en = words((await admin.get(`/audit?entity=user&entityId=${user.id}&lang=en`).expect(200)).text);
    expect(en).toContain('Role: planner → read-only');
    expect(auditChanges('nb', { role: 'district' }, { role: 'admin' }).changes).toEqual([
      { field: { text: 'Rolle', code: false }, before: { text: 'distriktsleder', quoted: false }, after: { text: 'administrator', quoted: false } },
    ]);
    // Only the field named `role` reads a role: the same word elsewhere is someone's text.
    expect(auditChanges('nb', { label: 'planner' }, { label: 'x' }).changes[0].before).toEqual({ text: 'planner', quoted: true });
  });

  it('When a scenario, a shortlist and a letter are created, then the Norwegian audit page names the travel model, the codes and the nested fields in words', async () => {
    const planner = await agentAs(app, db, 'planner');
    await planner.post('/api/letters').attach('file', path.join(__dirname, '..', 'fixtures', 'letters', 'files', 'L03-valer-innlandet.txt')).expect(201);
    await planner.post('/api/scenarios').send({ name: 'Modellnavn', params: { k: 20 } }).expect(201);
    await planner.post('/shortlists').type('form').send({ name: 'Kortliste kodeord', scenarioQuery: 'k=4' });

    const text = words((await planner.get('/audit').expect(200)).text.replace(/<details[\s\S]*?<\/details>/g, ''));

    expect(text).toContain('Reisetidsmodell: Innebygd land/sjø-modell v2 (TØI-kalibrert)');
    expect(text).toContain('Kilde: Gjeldende scenario');
    expect(text).toContain('Avsender: Status: Funnet');
    expect(text).toContain('Avsender: Sikkerhet: 0,99');
    expect(text).toContain('Forslag: Ønsker nytt tjenestested (spm. 5): ja');
    expect(text).toContain('Forslag: Ønsket tilgang (spm. 4): Via et tjenestested i politiet, Via fysisk oppmøte');
    expect(text).toMatch(/Kandidater: 4 kommuner: \d{4}, \d{4}, \d{4}, \d{4}/);
    expect(text).not.toMatch(/\bbuiltin\b|origin:|\bmatched\b|suggestions\.|sender\.|"kommunenummer"|inputHash|scenarioId/);
  });
});
