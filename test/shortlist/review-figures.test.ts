/**
 * The district review page shows a candidate's shares in the set as the shortlist page does: in per cent,
 * under weights / travel error / both, never as a bare fraction («0,06»), with the one formatter of sample shares.
 */
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { loadTestAnswers } from './helpers';
import { createApp } from '../../src/web/app';
import { getShortlist } from '../../src/db/shortlists-repo';
import { formatSampleShare } from '../../src/common/i18n';

describe('the district review page', () => {
  it('When a district leader opens the review of a shortlist, then each candidate\'s stability reads «I settet: vekter / reisetid / begge» in per cent', async () => {
    const db = memoryDb();
    loadTestAnswers(db, { sample: true });
    const app = createApp({ db });
    const planner = await agentAs(app, db, 'planner');
    const created = await planner.post('/shortlists').type('form').send({ name: 'Kortliste Nord', scenarioQuery: 'k=4' });
    const sl = getShortlist(db, created.headers.location.split('/').pop()!)!;
    const c = sl.candidates[0];
    const rb = sl.snapshot.candidates.find((x) => x.kommunenummer === c.kommunenummer)?.robustness;

    const district = await agentAs(app, db, 'district', c.policeDistrict);
    const page = await district.get(`/review/${c.policeDistrictNumber}?shortlist=${sl.id}`);

    expect(page.status).toBe(200);
    expect(page.text).toContain('I settet: vekter / reisetid / begge');
    const shown = /data-testid="stability">([^<]*)</.exec(page.text)?.[1] ?? '';
    const pct = (v: number | null | undefined) => formatSampleShare('nb', v);
    const expected = !rb ? '–' : rb.pInSetWeights === undefined ? pct(rb.pInSet) : `${pct(rb.pInSetWeights)} / ${pct(rb.pInSetTravel)} / ${pct(rb.pInSet)}`;
    expect(shown).toBe(expected);
    expect(rb).toBeTruthy();
    expect(shown).toMatch(/^(<\s)?\d+\s%/);
  }, 120_000);
});
