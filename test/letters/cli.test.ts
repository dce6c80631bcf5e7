import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/types';
import { openDatabase } from '../../src/db/connection';
import { lettersStatus, listLetters } from '../../src/db/letters-repo';
import { tempDir } from '../helpers/app';

const fixtures = path.join(__dirname, '..', 'fixtures', 'letters');

function io(): CliIO & { out: string; err: string } {
  const o = { out: '', err: '', stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s) };
  return o;
}

describe('CLI: stedsvalg letters', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('When letters are suggested with --json, then one object per file is printed in the documented shape and nothing is written', async () => {
    const before = fs.readdirSync(dir);
    const env = process.env.STEDSVALG_DB;
    process.env.STEDSVALG_DB = path.join(dir, 'should-not-exist.db');
    const t = io();
    const files = [path.join(fixtures, 'files', 'L08-aurland.txt'), path.join(fixtures, 'files', 'L09-lom.pdf')];
    try {
      expect(await main(['letters', 'suggest', ...files, '--json'], t)).toBe(0);
    } finally {
      if (env === undefined) delete process.env.STEDSVALG_DB;
      else process.env.STEDSVALG_DB = env;
    }
    expect(fs.readdirSync(dir)).toEqual(before);
    const out = JSON.parse(t.out) as Record<string, unknown>[];
    expect(out).toHaveLength(2);
    expect(Object.keys(out[0])).toEqual(['file', 'kommunenummer', 'confidence', 'suggestions', 'evidence']);
    expect(out[0]).toMatchObject({
      file: files[0], kommunenummer: '4641',
      suggestions: { wantsStation: 'yes', offersPremises: true, premisesText: expect.stringContaining('brannstasjonen'), coLocation: ['brannstasjon'], satisfied: 'no', channels: ['station', 'presence'] },
    });
    expect(Object.keys(out[0].suggestions as object)).toEqual(['wantsStation', 'offersPremises', 'premisesText', 'coLocation', 'satisfied', 'channels']);
    expect((out[0].evidence as Record<string, string>).wantsStation).toContain('Aurland kommune ønskjer eit nytt tenestestad.');
    expect(out[1]).toMatchObject({ file: files[1], kommunenummer: '3434', suggestions: { wantsStation: 'no' } });
    expect(typeof out[1].confidence).toBe('number');
  });

  it('When a refused file is suggested, then its object carries the error and the exit code is 1', async () => {
    const t = io();
    expect(await main(['letters', 'suggest', path.join(fixtures, 'refused', 'image-only.pdf'), '--json'], t)).toBe(1);
    expect(JSON.parse(t.out)[0]).toMatchObject({ kommunenummer: null, suggestions: null, error: { code: 'image_only' } });
  });

  it('When a directory is imported with --dry-run and then for real, then only the second stores, and a second import finds duplicates', async () => {
    const db = path.join(dir, 'letters.db');
    const folder = path.join(dir, 'innboks');
    fs.mkdirSync(folder);
    for (const n of ['L01-heroy-nordland.pdf', 'L02-heroy-more.docx', 'L13-hole.txt']) fs.copyFileSync(path.join(fixtures, 'files', n), path.join(folder, n));
    fs.writeFileSync(path.join(folder, 'notat.md'), 'ikke et brev');
    const dry = io();
    expect(await main(['letters', 'import', folder, '--dry-run', '--db', db], dry)).toBe(0);
    expect(dry.out).toContain('3 files: 3 new, 0 already received, 0 refused (dry run, nothing stored)');
    expect(dry.err).toContain('skipped (not a letter file)');
    const check = openDatabase(db);
    expect(lettersStatus(check).count).toBe(0);
    check.close();
    const real = io();
    expect(await main(['letters', 'import', folder, path.join(fixtures, 'batch-three.zip'), '--db', db, '--by', 'kari'], real)).toBe(0);
    expect(real.out).toContain('6 files: 4 new, 2 already received, 0 refused (stored)');
    const after = openDatabase(db);
    expect(listLetters(after).map((l) => l.kommunenummer).sort()).toEqual(['1515', '1818', '3310', '3419']);
    after.close();
  });

  it('When a batch with an encrypted file is imported, then the exit code is 1, stderr names the file and nothing is stored', async () => {
    const db = path.join(dir, 'refused.db');
    const t = io();
    expect(await main(['letters', 'import', path.join(fixtures, 'batch-with-encrypted.zip'), '--db', db], t)).toBe(1);
    expect(t.err).toContain('refused: ');
    expect(t.err).toContain('kryptert.pdf: the PDF is password-protected');
    const check = openDatabase(db);
    expect(lettersStatus(check).count).toBe(0);
    check.close();
  });
});
