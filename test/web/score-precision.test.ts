/**
 * A municipality's score reads the same in every place: the shortlist, the district review, the profile, the
 * municipality comparison, the workspace (browser formats) and the exports, all with `SCORE_DIGITS` decimals.
 */
import { createApp } from '../../src/web/app';
import { formatScore, SCORE_DIGITS } from '../../src/common/i18n';
import { numberFormat } from '../../src/client/core/format';
import { getShortlist } from '../../src/db/shortlists-repo';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { loadTestAnswers } from '../shortlist/helpers';

describe('score precision', () => {
  it('When a score is formatted on the server and in the browser, then both give two decimals, as the exports round it', () => {
    expect(SCORE_DIGITS).toBe(2);
    expect(formatScore('nb', 29.125)).toBe('29,13');
    expect(numberFormat('nb').score(29.125)).toBe('29,13');
    expect(numberFormat('en').score(29.1)).toBe('29.10');
    expect(numberFormat('nb').indicator(29.1, 'score')).toBe('29,10');
  });

  it('When a candidate\'s score is shown on the shortlist, the district review, its profile and the comparison, then it reads the same figure', async () => {
    const db = memoryDb();
    loadTestAnswers(db, { sample: true });
    const app = createApp({ db });
    const planner = await agentAs(app, db, 'planner');
    const created = await planner.post('/shortlists').type('form').send({ name: 'Presisjon', scenarioQuery: 'k=4' }).expect(303);
    const id = created.headers.location.split('/').pop()!;
    const sl = getShortlist(db, id)!;
    const c = sl.snapshot.candidates.find((x) => x.kommunenummer === sl.candidates[0].kommunenummer)!;
    const shown = formatScore('nb', c.score);

    const pages = [
      `/shortlists/${id}`, `/review/${c.policeDistrictNumber}?shortlist=${id}`, `/municipalities/${c.kommunenummer}?k=4`,
      `/compare/municipalities?kommunenummer=${c.kommunenummer},0301`,
    ];
    for (const url of pages) {
      const html = (await planner.get(url).expect(200)).text;
      expect({ url, has: html.includes(shown) }).toEqual({ url, has: true });
    }
    db.close();
  });
});
