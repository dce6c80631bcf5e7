import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/types';
import { tempDir } from '../helpers/app';

function captureIO(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; } };
  return io;
}

describe('CLI', () => {
  const dir = tempDir();
  const dbPath = path.join(dir, 'cli.db');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('When info is run with --json, then it prints counts and the vintage', async () => {
    const io = captureIO();
    expect(await main(['info', '--db', dbPath, '--json'], io)).toBe(0);
    const info = JSON.parse(io.out);
    expect(info.municipalities).toBe(357);
    expect(info.population).toBe(5550203);
    expect(info.policeDistricts).toBe(12);
    expect(info.dataVintage).toBeTruthy();
  });

  it('When municipality 0301 is run, then it prints Oslo', async () => {
    const io = captureIO();
    expect(await main(['municipality', '0301', '--db', dbPath], io)).toBe(0);
    expect(io.out).toMatch(/name\s+Oslo/);
  });

  it('When municipality is given an unknown number, then it writes to stderr and exits non-zero', async () => {
    const io = captureIO();
    expect(await main(['municipality', '9999', '--db', dbPath], io)).toBe(1);
    expect(io.err).toMatch(/no municipality with kommunenummer 9999/);
    expect(io.out).toBe('');
  });

  it('When municipality is given a malformed number, then it is a usage error with exit code 2', async () => {
    const io = captureIO();
    expect(await main(['municipality', 'abc', '--db', dbPath], io)).toBe(2);
    expect(io.err).toMatch(/4 digits/);
  });

  it('When an unknown command is given, then it lists the commands on stderr', async () => {
    const io = captureIO();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err).toMatch(/unknown command "frobnicate"/);
  });
});
