/**
 * The district review says what its two ranks are: the place among all ranked municipalities, and in brackets the
 * place among the eligible ones (those that may be chosen), in words in both languages.
 */
import { createApp } from '../../src/web/app';
import { getShortlist } from '../../src/db/shortlists-repo';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { loadTestAnswers } from '../shortlist/helpers';

/** The page's text with tags and repeated blanks removed. */
const words = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

describe('rank on the district review', () => {
  it('When a district leader opens the review of a shortlist, then the rank reads «N. plass av 357 (E. plass blant de valgbare)» in Norwegian and «Nth of 357 (Eth among the eligible)» in English', async () => {
    const db = memoryDb();
    loadTestAnswers(db, { sample: true });
    const app = createApp({ db });
    const planner = await agentAs(app, db, 'planner');
    const created = await planner.post('/shortlists').type('form').send({ name: 'Rang', scenarioQuery: 'k=4' }).expect(303);
    const id = created.headers.location.split('/').pop()!;
    const sl = getShortlist(db, id)!;
    const c = sl.snapshot.candidates.find((x) => x.kommunenummer === sl.candidates[0].kommunenummer)!;
    expect(c.eligibleRank).not.toBeNull();

    const nb = words((await planner.get(`/review/${c.policeDistrictNumber}?shortlist=${id}&lang=nb`).expect(200)).text);
    const en = words((await planner.get(`/review/${c.policeDistrictNumber}?shortlist=${id}&lang=en`).expect(200)).text);

    expect(nb).toContain(`Rang: ${c.rank}. plass av 357 (${c.eligibleRank}. plass blant de valgbare)`);
    expect(en).toMatch(new RegExp(`Rank: ${c.rank}(st|nd|rd|th) of 357 \\(${c.eligibleRank}(st|nd|rd|th) among the eligible\\)`));
    db.close();
  });
});
