import { formatCsv, parseCsv } from '../../../scripts/data/csv';
import { apportion } from '../../../scripts/data/demand';
import { fitLad } from '../../../scripts/data/calibration';
import { slopePerStep } from '../../../scripts/data/crime';

describe('build helpers', () => {
  it('When a total is apportioned by largest remainder, then the parts are integers summing exactly to the total', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // quotas 3.5, 1.75, 1.75 → floors 3, 1, 1; the two seats left go to the larger remainders (0.75, 0.75).
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    const parts = apportion(12345, [3, 7, 11, 13, 17]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(12345);
  });

  it('When a cell holds a comma, a quote or is empty, then CSV output quotes per RFC 4180 and parses back', () => {
    const text = formatCsv(['a', 'b', 'c'], [{ a: 'x, y', b: 'say "hi"', c: null }]);
    expect(text).toBe('a,b,c\n"x, y","say ""hi""",\n');
    expect(parseCsv(text)).toEqual([{ a: 'x, y', b: 'say "hi"', c: '' }]);
  });

  it('When points lie on a line with one outlier, then the LAD fit ignores the outlier', () => {
    const xs = [0, 10, 20, 30, 40];
    const ys = [5, 15, 25, 100, 45];
    const { a, b } = fitLad(xs, ys);
    expect(a).toBeCloseTo(5, 10);
    expect(b).toBeCloseTo(1, 10);
  });

  it('When rates rise by 2 per period with one period missing, then the least-squares slope is 2', () => {
    expect(slopePerStep([{ x: 0, y: 10 }, { x: 2, y: 14 }, { x: 3, y: 16 }])).toBeCloseTo(2, 10);
  });
});
