import { join } from 'node:path';
import { run } from '../../src/cli/commands/score';
import { CliUsageError } from '../../src/cli/types';

const fx = (name: string): string => join(__dirname, '..', 'fixtures', 'engine', name);

async function runScore(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, out };
}

describe('stedsvalg score', () => {
  test('When scoring the hand-computed TOPSIS example with --json, then A and B score 83.33 and C 0', async () => {
    const { code, out } = await runScore(['--matrix', fx('matrix.csv'), '--weights', fx('weights.csv'), '--method', 'topsis', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.normalization).toBe('vector');
    expect(result.items.map((i: { id: string }) => i.id)).toEqual(['A', 'B', 'C']);
    expect(result.items[0].score).toBeCloseTo(83.3333, 3);
    expect(result.items[2].score).toBeCloseTo(0, 9);
  });

  test('When the files use semicolons, a BOM and CRLF and a cell is empty, then it scores and lists the missing criterion', async () => {
    const { code, out } = await runScore(['--matrix', fx('matrix-semicolon.csv'), '--weights', fx('weights-semicolon.csv'), '--method', 'wsm', '--json']);
    expect(code).toBe(0);
    const items = JSON.parse(out).items as { id: string; score: number; missing: string[] }[];
    const q = items.find((i) => i.id === 'q')!;
    expect(q.missing).toEqual(['quality']);
    expect(q.score).toBeCloseTo(100, 9); // cheapest price, quality left out and weight renormalised
  });

  test('When printing a table, then each row shows rank, id, score and contributions', async () => {
    const { code, out } = await runScore(['--matrix', fx('matrix.csv'), '--weights', fx('weights.csv'), '--normalization', 'percentile']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\s+1\s+A\s+75\.00/m);
  });

  test('When a matrix cell is not a number, then the error names the file, line and column', async () => {
    await expect(runScore(['--matrix', fx('matrix-bad.csv'), '--weights', fx('weights.csv')])).rejects.toThrow(/matrix-bad\.csv line 3, column c2: "abc" is not a number/);
  });

  test('When a direction is neither benefit nor cost, then the error names the weights file row', async () => {
    await expect(runScore(['--matrix', fx('matrix.csv'), '--weights', fx('weights-bad.csv')])).rejects.toThrow(/weights-bad\.csv line 3, column direction/);
  });

  test('When the method is unknown, then it is a usage error', async () => {
    await expect(runScore(['--matrix', fx('matrix.csv'), '--weights', fx('weights.csv'), '--method', 'ahp'])).rejects.toBeInstanceOf(CliUsageError);
  });
});
