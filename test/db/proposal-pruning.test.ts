/**
 * Stored proposals are pruned least recently used first, per solver: free greedy previews (any signed-in account may
 * store them) never push out the exact proposals that shortlists, robustness runs and exports name. The proposals
 * stored here are copies of one real greedy proposal (stored now) under other ids, keys and solvers, stored later, with
 * a cap of 2.
 */
import { getProposal, storeProposal } from '../../src/db/proposals-repo';
import { proposalFor } from '../../src/planning/proposal';
import type { Proposal } from '../../src/model/proposal';
import { defaultScenarioParams } from '../../src/model/scenario';
import { memoryDb } from '../helpers/app';

describe('pruning stored proposals', () => {
  it('When more greedy proposals are stored than the cap, then the oldest greedy ones go and every exact one stays', async () => {
    const db = memoryDb();
    try {
      const { proposal } = await proposalFor(db, defaultScenarioParams, { solver: 'greedy' });
      const copy = (n: number, solver: Proposal['solver']): Proposal & { id: string } => ({ ...proposal, id: `p-${solver}-${n}`, key: `${solver}-${n}`, solver });
      const at = (minute: number) => `2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
      storeProposal(db, copy(1, 'exact'), at(1), 2);
      storeProposal(db, copy(2, 'exact'), at(2), 2);
      for (let n = 1; n <= 5; n++) storeProposal(db, copy(n, 'greedy'), at(10 + n), 2);
      expect(getProposal(db, 'p-exact-1')).not.toBeNull();
      expect(getProposal(db, 'p-exact-2')).not.toBeNull();
      expect([1, 2, 3, 4, 5].map((n) => getProposal(db, `p-greedy-${n}`) !== null)).toEqual([false, false, false, true, true]);
      storeProposal(db, copy(3, 'exact'), at(30), 2);
      expect(['p-exact-1', 'p-exact-2', 'p-exact-3'].map((id) => getProposal(db, id) !== null)).toEqual([false, true, true]);
    } finally {
      db.close();
    }
  });
});
