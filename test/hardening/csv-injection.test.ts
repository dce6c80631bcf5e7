/**
 * Issue 10, "output that can hurt the reader": text in CSV exports that a spreadsheet would run as
 * a formula (=, +, -, @, tab, CR at the start) comes out with a leading single quote (OWASP CSV
 * Injection); numbers, negative ones included, stay numbers.
 */
import request from 'supertest';
import { createApp } from '../../src/web/app';
import { parseCsv } from '../../src/common/csv';
import { recordAssessment } from '../../src/db/assessments-repo';
import { getMunicipality } from '../../src/db/municipalities-repo';
import { saveResponse } from '../../src/db/responses-repo';
import { updateCandidate } from '../../src/db/shortlists-repo';
import { neutraliseFormula } from '../../src/export/csv';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { createShortlist } from '../../src/shortlist/service';
import { memoryDb } from '../helpers/app';
import { findUserForLogin } from '../../src/db/users-repo';
import { createApiToken } from '../../src/auth/sessions';
import { agentAs } from '../helpers/auth';
import { validRecord } from '../responses/fixtures';
import { validateRecord } from '../../src/import/responses-validate';
import { referenceFromDb } from '../../src/import/responses-import';
import { importTravelMatrix } from '../../src/import/travel-matrix-import';
import { resolveTravelModel } from '../../src/planning/travel-models';
import type { Db } from '../../src/db/connection';

const RATIONALE = '=HYPERLINK("http://evil.example","Klikk")';
const REASON = '+SUM(1;2)';
const ADDRESS = '@cmd Storgata 1';

/** A complete matrix CSV: the built-in model's pairs, one minute slower. */
function matrixCsv(db: Db): Buffer {
  const { matrix } = resolveTravelModel(db, 'builtin');
  const lines = ['from_id,to_id,minutes'];
  matrix.rowIds.forEach((id, r) => {
    for (let k = matrix.rowStart[r]; k < matrix.rowStart[r + 1]; k++) lines.push(`${id},${matrix.colIds[matrix.cols[k]]},${(matrix.minutes[k] + 1).toFixed(1)}`);
  });
  return Buffer.from(lines.join('\n') + '\n');
}

describe('CSV exports neutralise formulas', () => {
  it('When a text starts with = + - @ tab or CR, then it gets a leading quote; other text and numbers are untouched', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['Alta', '1-2', '', ' =x']) expect(neutraliseFormula(s)).toBe(s);
  });

  it('When a shortlist has a formula in a rationale, a site label and a district reason, then its CSV export shows them as text and negative numbers stay numbers', async () => {
    const db = memoryDb();
    const alta = getMunicipality(db, '5601')!;
    const values = validRecord('5601', { lokale1_adresse: ADDRESS, lokale1_lat: String(alta.centre.lat), lokale1_lon: String(alta.centre.lon) });
    const content = validateRecord(0, values, referenceFromDb(db), [])!;
    saveResponse(db, content, { source: 'test', isSample: false, importId: null, changedBy: 'test', changedAt: '2024-01-01T00:00:00Z' }, 'import');
    const falling = (db.prepare('SELECT kommunenummer FROM municipalities WHERE crime_trend_per_1000 < 0 ORDER BY kommunenummer LIMIT 1').get() as { kommunenummer: string }).kommunenummer;
    const sl = await createShortlist(db, {
      name: 'Formler', by: 'test', now: '2024-06-01T12:00:00Z',
      source: { kind: 'manual', kommunenummer: ['5601', '0301', falling], params: scenarioParamsSchema.parse({ k: 3 }) },
    });
    const site = { kind: 'premises' as const, lon: alta.centre.lon, lat: alta.centre.lat, label: ADDRESS };
    updateCandidate(db, sl.id, '5601', { rationale: RATIONALE, site, by: 'test', now: '2024-06-01T12:00:00Z' } as never);
    updateCandidate(db, sl.id, '0301', { rationale: '\tTabulator', by: 'test', now: '2024-06-01T12:00:00Z' } as never);
    recordAssessment(db, { shortlistId: sl.id, kommunenummer: '5601', policeDistrict: 'Finnmark', advice: 'supports', reason: REASON, assessor: 'test', now: '2024-06-02T08:00:00Z' });
    const app = createApp({ db });
    const viewer = await agentAs(app, db, 'viewer');
    const res = await viewer.get(`/export/shortlists/${sl.id}.csv`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(res.status).toBe(200);
    const rows = parseCsv(String(res.body).replace(/^\uFEFF/, ''), { delimiter: ';' }).filter((r) => !r[0].startsWith('#'));
    const cells = rows.flat();
    expect(cells).toContain(`'${RATIONALE}`);
    expect(cells).toContain(`'${REASON}`);
    expect(cells).toContain(`'${ADDRESS}`);
    expect(cells).toContain(`'\tTabulator`);
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c))).toEqual([]);
    const negative = cells.filter((c) => /^-\d+(,\d+)?$/.test(c));
    expect(negative.length).toBeGreaterThan(0);
    db.close();
  });

  it('When an imported travel matrix is named with a ; and a formula, then the CSV export\'s # line splits into no formula cell', async () => {
    const db = memoryDb();
    const name = "Ruter;=cmd|' /C calc'!A0;+1+1;@SUM(A1)";
    const report = await importTravelMatrix(db, matrixCsv(db), { fileName: 'ruter.csv', name, by: 'test', now: '2024-05-01T10:00:00.000Z' });
    expect(report.status).toBe('imported');
    const viewer = await agentAs(createApp({ db }), db, 'viewer');
    const res = await viewer.get(`/export/scenario.csv?solver=greedy&k=3&travelModel=${report.matrix!.id}`);
    expect(res.status).toBe(200);
    const line = res.text.replace(/^\uFEFF/, '').split('\r\n').find((l) => l.includes('Ruter'))!;
    expect(line.startsWith('# ')).toBe(true);
    // Excel reads the line as cells split at `;` (the comment mark means nothing to it).
    const cells = line.split(';');
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    db.close();
  });

  it('When an account whose name starts with @ appears in the audit log, then the audit CSV shows it as text', async () => {
    const db = memoryDb();
    const app = createApp({ db });
    const admin = await agentAs(app, db, 'admin');
    await admin.post('/admin/users').type('form').send({ name: '@risiko', role: 'planner', password: 'et-langt-passord-1' }).expect(303);
    const user = findUserForLogin(db, '@risiko')!.user;
    const { token } = createApiToken(db, user, 'test', 'test', new Date().toISOString());
    await request(app).post('/api/scenarios').set('Authorization', `Bearer ${token}`).send({ name: 'Fra @risiko' }).expect(201);
    const csv = await admin.get('/audit.csv');
    expect(csv.status).toBe(200);
    const cells = parseCsv(csv.text.replace(/^\uFEFF/, ''), { delimiter: ';' }).flat();
    expect(cells).toContain("'@risiko");
    expect(cells.some((c) => c.startsWith('@'))).toBe(false);
    db.close();
  });
});
