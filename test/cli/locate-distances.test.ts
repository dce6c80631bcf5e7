/** The streaming distance reader: numbers identical to Number(), chunk boundaries, reduction of fixed sites. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDecimal } from '../../src/cli/commands/locate-distances';
import { readDistanceFile } from '../../src/cli/commands/distance-file';
import { createRng } from '../../src/engine';

describe('reading distance files', () => {
  test('When 20,000 seeded decimals are parsed from bytes, then each equals Number() of the same text', () => {
    const rng = createRng(99);
    for (let k = 0; k < 20000; k++) {
      const digits = 1 + Math.floor(rng.next() * 17);
      const int = String(Math.floor(rng.next() * 10 ** Math.min(digits, 15)));
      const frac = String(Math.floor(rng.next() * 1e9)).padStart(9, '0').slice(0, Math.floor(rng.next() * 10));
      const text = frac ? `${int}.${frac}` : int;
      const buf = Buffer.from(` ${text};`);
      expect(parseDecimal(buf, 1, buf.length - 1, false)).toBe(Number(text));
    }
    for (const text of ['1e3', '2.5E-3', '0.1', '.5', '5.', '10000000.4', '123456789012345678', '0.000000000000000000000001']) {
      const buf = Buffer.from(text);
      expect(parseDecimal(buf, 0, buf.length, false)).toBe(Number(text));
    }
    expect(parseDecimal(Buffer.from('4,5'), 0, 3, true)).toBe(4.5);
    expect(parseDecimal(Buffer.from('.'), 0, 1, false)).toBeNaN();
  });

  test('When the file is read in chunks of a few bytes, then the matrix is the same and fixed sites keep only the nearest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stedsvalg-dist-'));
    const path = join(dir, 'd.csv');
    const rows = ['demand_id,site_id,distance'];
    const rng = createRng(5);
    const expected = new Map<string, number>();
    for (let d = 0; d < 30; d++) {
      for (const s of ['c0', 'c1', 'f0', 'f1']) {
        const v = Math.round(rng.next() * 1e6) / 1e3;
        rows.push(`dem-${d},${s},${v}`);
        expected.set(`${d},${s}`, v);
      }
    }
    writeFileSync(path, rows.join('\r\n'));
    const targets = { demandIds: Array.from({ length: 30 }, (_, d) => `dem-${d}`), siteIds: ['c0', 'c1', 'f0', 'f1'], candidateOf: Int32Array.from([0, 1, -1, -1]), nCandidates: 2 };
    for (const chunk of [3, 7, 64, 4 << 20]) {
      const m = readDistanceFile(path, targets, chunk);
      expect(m.rows).toBe(120);
      for (let d = 0; d < 30; d++) {
        expect(m.candidate[d * 2]).toBe(expected.get(`${d},c0`));
        expect(m.candidate[d * 2 + 1]).toBe(expected.get(`${d},c1`));
        expect(m.fixedNearest[d]).toBe(Math.min(expected.get(`${d},f0`)!, expected.get(`${d},f1`)!));
      }
    }
  });
});
