import { cohensKappa } from '../../src/letters/kappa';
import { agreement } from '../../src/letters/agreement';

describe("Cohen's kappa", () => {
  it('When two coders agree on every item with varied labels, then kappa is 1', () => {
    expect(cohensKappa([['a', 'a'], ['b', 'b'], ['a', 'a']]).kappa).toBe(1);
  });

  it('When agreement is only what chance gives, then kappa is 0 (worked example)', () => {
    // A: yes yes no no; B: yes no yes no → p_o = 0.5, p_e = 0.5·0.5 + 0.5·0.5 = 0.5
    const k = cohensKappa([['yes', 'yes'], ['yes', 'no'], ['no', 'yes'], ['no', 'no']]);
    expect(k).toMatchObject({ n: 4, agreed: 2, observed: 0.5, expected: 0.5, kappa: 0 });
  });

  it('When the textbook table (Cohen 1960 style: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no) is coded, then kappa is 0.4', () => {
    const pairs: [string, string][] = [
      ...Array(20).fill(['y', 'y']), ...Array(5).fill(['y', 'n']), ...Array(10).fill(['n', 'y']), ...Array(15).fill(['n', 'n']),
    ];
    // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = 0.2/0.5 = 0.4
    expect(cohensKappa(pairs).kappa).toBeCloseTo(0.4, 10);
  });

  it('When both coders use one and the same label throughout, then kappa is undefined (null) and agreement is 1', () => {
    expect(cohensKappa([['x', 'x'], ['x', 'x']])).toMatchObject({ observed: 1, kappa: null });
    expect(cohensKappa([])).toMatchObject({ n: 0, kappa: null });
  });

  it('When two planners coded the same letters, then the disagreements are listed per question and each coder counts with their latest coding', () => {
    const base = { kommunenummer: '1818', wantsStation: 'yes', offersPremises: true, satisfied: 'no', channels: { station: 'more' } };
    const report = agreement([
      { letterId: 1, coder: 'kari', codedAt: '2022-06-01T10:00:00Z', coding: base },
      { letterId: 1, coder: 'ola', codedAt: '2022-06-01T11:00:00Z', coding: { ...base, wantsStation: 'no' } },
      { letterId: 1, coder: 'ola', codedAt: '2022-06-01T12:00:00Z', coding: { ...base, satisfied: 'partly' } },
      { letterId: 2, coder: 'kari', codedAt: '2022-06-01T10:00:00Z', coding: base },
    ]);
    expect(report.letters).toBe(1);
    expect(report.disagreements).toEqual([expect.objectContaining({ letterId: 1, question: 'q2Satisfied', valueA: 'no', valueB: 'partly' })]);
    expect(report.perQuestion.q5WantsStation.observed).toBe(1);
  });
});
