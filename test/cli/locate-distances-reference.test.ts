/**
 * The streaming byte reader of `locate --distances` against a plain reference reader written here the
 * straightforward way (whole file as a string, split into lines and fields, Number() per value): on
 * edge-case files both give the same matrix, or both refuse with the same message (file, line, column).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DistanceMatrix, type DistanceTargets } from '../../src/cli/commands/locate-distances';
import { readDistanceFile } from '../../src/cli/commands/distance-file';
import { createRng } from '../../src/engine';

function splitQuoted(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === delimiter && !quoted) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields.map((f) => f.replace(/^ +| +$/g, '')).map((f) => (f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f));
}

/** The reference: whole-file string, `split`, `Number()`, same rules and messages as the byte reader. */
function referenceRead(path: string, t: DistanceTargets): DistanceMatrix {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length === 1 && lines[0] === '') throw new Error(`${path}: the file is empty (expected a header demand_id,site_id,distance)`);
  const delimiter = [',', ';', '\t'].reduce((best, d) => (lines[0].split(d).length > lines[0].split(best).length ? d : best));
  const names = lines[0].split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim());
  const col = (name: string): number => {
    if (!names.includes(name)) throw new Error(`${path}: missing column "${name}" (expected demand_id,site_id,distance)`);
    return names.indexOf(name);
  };
  const [dc, sc, vc] = [col('demand_id'), col('site_id'), col('distance')];
  const out = { candidate: new Float64Array(t.demandIds.length * t.nCandidates).fill(Infinity), fixedNearest: new Float64Array(t.demandIds.length).fill(Infinity), rows: 0 };
  const seen = new Set<string>();
  lines.slice(1).forEach((line, k) => {
    const lineNo = k + 2;
    if (line === '') return;
    const f = splitQuoted(line, delimiter);
    if (f.length <= Math.max(dc, sc, vc)) throw new Error(`${path} line ${lineNo}: expected ${names.length} columns, found ${f.length}`);
    const d = t.demandIds.indexOf(f[dc]);
    if (d < 0) throw new Error(`${path} line ${lineNo}, column demand_id: "${f[dc]}" is not in the demand file`);
    const s = t.siteIds.indexOf(f[sc]);
    if (s < 0) throw new Error(`${path} line ${lineNo}, column site_id: "${f[sc]}" is not in the sites file`);
    const text = (delimiter === ';' ? f[vc].replace(',', '.') : f[vc]).trim();
    const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(v)) throw new Error(`${path} line ${lineNo}, column distance: "${f[vc].trim()}" is not a number`);
    if (v < 0) throw new Error(`${path} line ${lineNo}, column distance: must be ≥ 0`);
    if (seen.has(`${d},${s}`)) throw new Error(`${path} line ${lineNo}: the pair ${t.demandIds[d]} → ${t.siteIds[s]} is listed twice`);
    seen.add(`${d},${s}`);
    const c = t.candidateOf[s];
    if (c >= 0) out.candidate[d * t.nCandidates + c] = v;
    else out.fixedNearest[d] = Math.min(out.fixedNearest[d], v);
    out.rows++;
  });
  return out;
}

const targets: DistanceTargets = { demandIds: ['d1', 'd 2', 'd,3', 'ø4'], siteIds: ['s1', 's2', 'f1', 'f2'], candidateOf: Int32Array.from([0, 1, -1, -1]), nCandidates: 2 };
const dir = mkdtempSync(join(tmpdir(), 'stedsvalg-distref-'));

function outcome(read: () => DistanceMatrix): { ok: DistanceMatrix } | { error: string } {
  try {
    return { ok: read() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

function expectSameAsReference(name: string, text: string): void {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, text);
  const reference = outcome(() => referenceRead(path, targets));
  for (const chunk of [5, 64, 4 << 20]) expect(outcome(() => readDistanceFile(path, targets, chunk))).toEqual(reference);
}

const CASES: Record<string, string> = {
  'crlf-bom': '\uFEFFdemand_id,site_id,distance\r\nd1,s1,1.5\r\nd1,f1,2\r\nd1,f2,0.5\r\n"d 2",s2,3\r\n',
  'quoted-ids': 'demand_id,site_id,distance\n"d,3","s1",12.25\n "ø4" , s2 ,7\n"d1",s2,"4.125"\n',
  exponents: 'demand_id,site_id,distance\nd1,s1,1e3\nd1,s2,2.5E-3\nd 2,s1,.5\nd 2,s2,5.\nd,3,s1,1\nø4,s1,+7e+0\n',
  'blank-lines': 'demand_id,site_id,distance\n\nd1,s1,1\n\n\nd1,s2,2\n\n',
  'semicolon-decimal-comma': 'demand_id;site_id;distance\nd1;s1;4,5\nd1;s2;1234,5678901234567\n"d,3";f1;0,25\n',
  tabs: 'demand_id\tsite_id\tdistance\nd1\ts1\t151.20503286784796\nd1\ts2\t0.000000000000000000000001\nd1\tf1\t123456789012345678\n',
  'long-digits': 'demand_id,site_id,distance\nd1,s1,159.44391353840496\nd1,s2,0.30000000000000004\nd 2,s1,9007199254740993.5\nd 2,s2,4503599627370496.5\nd,3,s1,1.0000000000000002\nd,3,s2,2.2250738585072014\n',
  'no-final-newline': 'site_id,distance,demand_id\ns1,1,d1\ns2,2,d1',
  'bad-number': 'demand_id,site_id,distance\nd1,s1,1\nd1,s2,1.2.3\n',
  'bad-lone-sign': 'demand_id,site_id,distance\nd1,s1,-\n',
  'bad-lone-point': 'demand_id,site_id,distance\nd1,s1,.\n',
  'bad-negative': 'demand_id,site_id,distance\nd1,s1,-0.5\n',
  'bad-empty-distance': 'demand_id,site_id,distance\nd1,s1,\n',
  'bad-unknown-demand': 'demand_id,site_id,distance\nd1,s1,1\nd9,s1,1\n',
  'bad-unknown-site': 'demand_id,site_id,distance\r\nd1,s1,1\r\n\r\nd1,s9,1\r\n',
  'bad-duplicate': 'demand_id,site_id,distance\nd1,s1,1\nd1,s2,1\nd1,s1,2\n',
  'bad-columns': 'demand_id,site_id,distance\nd1,s1\n',
  'bad-header': 'demand,site_id,distance\nd1,s1,1\n',
};

describe('the fast distance reader against a plain reference reader', () => {
  test.each(Object.keys(CASES))('When the file is %s, then the fast reader gives the reference matrix or the same error', (name) => {
    expectSameAsReference(name, CASES[name]);
  });

  test('When every edge-case error is read, then the message names the file and the line', () => {
    for (const name of Object.keys(CASES).filter((n) => n.startsWith('bad-') && n !== 'bad-header')) {
      writeFileSync(join(dir, `${name}.csv`), CASES[name]);
      expect(() => readDistanceFile(join(dir, `${name}.csv`), targets)).toThrow(/\.csv line \d+/);
    }
  });

  test('When 40,000 seeded rows of 15–17-digit distances are read, then every value is the one Number() gives', () => {
    const rng = createRng(17);
    const rows = ['demand_id,site_id,distance'];
    const ids = Array.from({ length: 200 }, (_, i) => `p${i}`);
    for (const d of ids) {
      for (const s of ids) {
        const x = rng.next() * 10 ** Math.floor(rng.next() * 8 - 3);
        rows.push(`${d},${s},${rng.next() < 0.5 ? String(x) : x.toPrecision(16 + Math.floor(rng.next() * 2))}`);
      }
    }
    const path = join(dir, 'seeded.csv');
    writeFileSync(path, rows.join('\n'));
    const t = { demandIds: ids, siteIds: ids, candidateOf: Int32Array.from(ids, (_, j) => j), nCandidates: ids.length };
    expect(readDistanceFile(path, t)).toEqual(referenceRead(path, t));
  });
});

describe('the distance reader with several threads', () => {
  const ids = Array.from({ length: 120 }, (_, i) => `p${i}`);
  const t: DistanceTargets = { demandIds: ids, siteIds: ids, candidateOf: Int32Array.from(ids, (_, j) => (j % 7 === 0 ? -1 : j - Math.floor(j / 7) - 1)), nCandidates: ids.length - Math.ceil(ids.length / 7) };
  const rng = createRng(5);
  const rows = ['demand_id,site_id,distance', ...ids.flatMap((d) => ids.map((s) => `${d},${s},${(rng.next() * 100).toPrecision(16)}`))];
  const file = (name: string, lines: string[]) => {
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, lines.join('\r\n'));
    return path;
  };
  const parallel = { minParallelBytes: 0 };

  test('When a file is split between two and three threads, then the matrix, the nearest fixed sites and the row count are the reference\'s', () => {
    const path = file('threads-good', rows);
    const reference = referenceRead(path, t);
    for (const threads of [2, 3]) {
      const read = readDistanceFile(path, t, 4 << 20, { ...parallel, threads });
      expect(read.candidate.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect({ candidate: Array.from(read.candidate), fixedNearest: Array.from(read.fixedNearest), rows: read.rows })
        .toEqual({ candidate: Array.from(reference.candidate), fixedNearest: Array.from(reference.fixedNearest), rows: reference.rows });
    }
  }, 60000);

  test('When the bad line is in a later thread\'s stretch, or a pair is listed in two stretches, then the message is the one-pass reader\'s, naming the first bad line', () => {
    const late = [...rows];
    late[12000] = 'p99,nowhere,1';
    late[13000] = 'p100,p1,-1';
    const twice = [...rows, rows[1]];
    for (const [name, lines] of [['threads-late-error', late], ['threads-duplicate', twice]] as const) {
      const path = file(name, [...lines]);
      const expected = outcome(() => referenceRead(path, t));
      expect(expected).toHaveProperty('error');
      expect(outcome(() => readDistanceFile(path, t, 4 << 20, { ...parallel, threads: 3 }))).toEqual(expected);
    }
  }, 60000);
});
