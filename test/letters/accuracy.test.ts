import path from 'node:path';
import { evaluate, report } from './evaluate';

describe('letter suggestions on the test letters (test/fixtures/letters, expected.json)', () => {
  it('When every test letter is read and analysed, then the sender is right in at least 90 % and wants-station and offers-premises in at least 85 %', async () => {
    const ev = await evaluate(path.join(__dirname, '..', 'fixtures', 'letters'));
    console.log(report('main test letters', ev));
    expect(ev.letters).toBeGreaterThanOrEqual(30);
    expect(ev.accuracy.sender).toBeGreaterThanOrEqual(0.9);
    expect(ev.accuracy.wantsStation).toBeGreaterThanOrEqual(0.85);
    expect(ev.accuracy.offersPremises).toBeGreaterThanOrEqual(0.85);
  });
});
