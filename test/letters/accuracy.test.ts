import path from 'node:path';
import { evaluate, report } from './evaluate';

const sets = path.join(__dirname, '..', 'fixtures');

describe('letter suggestions on the test letters (expected codes in expected.json beside each set)', () => {
  it('When every main test letter is read and analysed, then the sender is right in at least 90 % and wants-station and offers-premises in at least 85 %', async () => {
    const ev = await evaluate(path.join(sets, 'letters'));
    console.log(report('main test letters', ev));
    expect(ev.letters).toBeGreaterThanOrEqual(30);
    expect(ev.accuracy.sender).toBeGreaterThanOrEqual(0.9);
    expect(ev.accuracy.wantsStation).toBeGreaterThanOrEqual(0.85);
    expect(ev.accuracy.offersPremises).toBeGreaterThanOrEqual(0.85);
  });

  it.each(['letters-heldout', 'letters-heldout2'])('When the letters of %s (written after the rules, see its README) are analysed, then they meet the same thresholds', async (set) => {
    const ev = await evaluate(path.join(sets, set));
    console.log(report(set, ev));
    expect(ev.accuracy.sender).toBeGreaterThanOrEqual(0.9);
    expect(ev.accuracy.wantsStation).toBeGreaterThanOrEqual(0.85);
    expect(ev.accuracy.offersPremises).toBeGreaterThanOrEqual(0.85);
  });
});
