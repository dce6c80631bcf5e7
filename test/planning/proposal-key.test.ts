/** The stored proposal's key: the same inputs give the same key; `include` and `exclude` are sets. */
import { proposalKey } from '../../src/planning/proposal-key';
import { scenarioParamsSchema } from '../../src/model/scenario';

const input = (include: string[], exclude: string[] = []) => ({
  params: scenarioParamsSchema.parse({ include, exclude }), solver: 'exact' as const, dataHash: 'd', answersRevision: 'a', assessmentsRevision: 'r', viewDistrict: null,
});

describe('proposal key', () => {
  it('When the same municipalities are forced in or kept out in another order, then the key is the same', () => {
    expect(proposalKey(input(['5534', '1848', '0301'], ['1547', '1838']))).toBe(proposalKey(input(['0301', '1848', '5534'], ['1838', '1547'])));
  });

  it('When another municipality is forced in, or one moves from forced in to kept out, then the key differs', () => {
    const base = proposalKey(input(['5534', '1848']));
    expect(proposalKey(input(['5534', '1849']))).not.toBe(base);
    expect(proposalKey(input(['5534'], ['1848']))).not.toBe(base);
  });
});
