import path from 'node:path';
import { evaluate, fields, report, type Field } from './evaluate';

const sets = path.join(__dirname, '..', 'fixtures');

/**
 * The held-out rounds, each written after the rules of its time (first-run figures in each set's README). Once run,
 * a round joins the regression test: every field must stay at the accuracy it has now (all letters right), so that a
 * rule change that fixes one letter cannot quietly break another.
 */
const heldOut = ['letters-heldout', 'letters-heldout2', 'letters-heldout3', 'letters-heldout4'];
const floor: Record<Field, number> = Object.fromEntries(fields.map((f) => [f, 1])) as Record<Field, number>;

function expectAtFloor(ev: Awaited<ReturnType<typeof evaluate>>): void {
  const below = fields.filter((f) => ev.accuracy[f] < floor[f]).map((f) => `${f} ${(ev.accuracy[f] * 100).toFixed(1)} %`);
  const misses = ev.mismatches.map((m) => `${m.file} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
  expect({ below, misses }).toEqual({ below: [], misses: [] });
}

describe('letter suggestions on the test letters (expected codes in expected.json beside each set)', () => {
  it('When every main test letter is read and analysed, then the sender is right in at least 90 % and wants-station and offers-premises in at least 85 %, and no field falls below its recorded accuracy', async () => {
    const ev = await evaluate(path.join(sets, 'letters'));
    console.log(report('main test letters', ev));
    expect(ev.letters).toBeGreaterThanOrEqual(30);
    expect(ev.accuracy.sender).toBeGreaterThanOrEqual(0.9);
    expect(ev.accuracy.wantsStation).toBeGreaterThanOrEqual(0.85);
    expect(ev.accuracy.offersPremises).toBeGreaterThanOrEqual(0.85);
    expectAtFloor(ev);
  });

  it.each(heldOut)('When the letters of %s (written after the rules, see its README) are analysed, then they meet the same thresholds and stay at their recorded accuracy', async (set) => {
    const ev = await evaluate(path.join(sets, set));
    console.log(report(set, ev));
    expect(ev.accuracy.sender).toBeGreaterThanOrEqual(0.9);
    expect(ev.accuracy.wantsStation).toBeGreaterThanOrEqual(0.85);
    expect(ev.accuracy.offersPremises).toBeGreaterThanOrEqual(0.85);
    expectAtFloor(ev);
  });
});
