import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/types';
import { openDatabase } from '../../src/db/connection';
import { createUser } from '../../src/db/users-repo';
import { listAudit } from '../../src/db/audit-repo';
import { answersStatus, getResponse, listImports } from '../../src/db/responses-repo';
import { tempDir } from '../helpers/app';
import { csvOf, validRecord } from './fixtures';

function io(): CliIO & { out: string; err: string } {
  const o = { out: '', err: '', stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s) };
  return o;
}

describe('CLI: stedsvalg import', () => {
  let dir: string;
  let dbFile: string;
  beforeAll(() => {
    dir = tempDir();
    dbFile = path.join(dir, 'cli.db');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('When a file with errors is imported, then the exit code is 1 and stderr names every row and column', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, csvOf([validRecord('5001'), validRecord('9999', { kommunenavn: '' }), validRecord('1804', { mottatt_dato: '32.13.2022' })]));
    const t = io();
    expect(await main(['import', 'responses', file, '--db', dbFile], t)).toBe(1);
    expect(t.err).toContain('REJECTED, nothing saved');
    expect(t.err).toContain('error: row 3 column A (kommunenummer): Ukjent kommunenummer 9999');
    expect(t.err).toContain('error: row 4 column C (mottatt_dato): Ugyldig dato «32.13.2022»');
  });

  it('When a valid file is dry-run and then imported, then both exit 0 and only the second writes', async () => {
    const file = path.join(dir, 'good.csv');
    fs.writeFileSync(file, csvOf([validRecord('5001'), validRecord('1804')]));
    const dry = io();
    expect(await main(['import', 'responses', file, '--dry-run', '--db', dbFile, '--json'], dry)).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ status: 'dry-run', counts: { new: 2 } });
    // --by names an existing account (issue 10: no invented actors in the log)
    const users = openDatabase(dbFile);
    createUser(users, { name: 'cli-test', role: 'planner', district: null, passwordHash: 'x' }, 'test', new Date().toISOString());
    users.close();
    const real = io();
    expect(await main(['import', 'responses', file, '--db', dbFile, '--by', 'cli-test'], real)).toBe(0);
    expect(real.out).toContain('good.csv: 2 rows: 2 new, 0 updated, 0 unchanged, 0 rejected; 0 warnings (saved)');
    const db = openDatabase(dbFile);
    expect(getResponse(db, '5001')).toMatchObject({ source: 'good.csv', changedBy: 'cli-test' });
    expect(listAudit(db, { entity: 'response', entityId: '5001' }).entries[0]).toMatchObject({ actor: 'cli-test', action: 'create' });
    db.close();
  });

  it('When sample answers are asked for while real answers exist, then the CLI refuses with exit 1', async () => {
    const t = io();
    expect(await main(['import', 'sample', '--db', dbFile], t)).toBe(1);
    expect(t.err).toMatch(/real answers are loaded/);
  });

  it('When sample answers are loaded into an empty database without --by, then all 357 are marked as sample and recorded against cli:<OS user>', async () => {
    const file = path.join(dir, 'sample.db');
    const t = io();
    expect(await main(['import', 'sample', '--db', file], t)).toBe(0);
    const db = openDatabase(file);
    expect(answersStatus(db)).toEqual({ loaded: true, sample: true, count: 357 });
    const actor = `cli:${os.userInfo().username}`;
    expect(getResponse(db, '5001')).toMatchObject({ changedBy: actor });
    expect(listImports(db, 1)[0]).toMatchObject({ importedBy: actor });
    expect(listAudit(db, { entity: 'response', entityId: '5001' }).entries[0]).toMatchObject({ actor });
    db.close();
  });

  it('When the arguments are wrong, then the exit code is 2 with the usage', async () => {
    const t = io();
    expect(await main(['import', 'answers'], t)).toBe(2);
    expect(t.err).toContain('usage: stedsvalg import responses FILE');
  });
});
