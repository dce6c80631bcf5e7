/**
 * The letters page's overview tables head every column with a capital, like the columns beside them («Kodet»,
 * «Ikke kodet» after «Brev»), while the sentence above keeps the words in lower case («0 kodet, 0 ikke kodet»).
 */
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';

const { db, app } = testApp();

describe('the letters overview headers', () => {
  it.each([
    ['nb', ['Kommuner', 'Har svart', 'Har ikke svart', 'Brev', 'Kodet', 'Ikke kodet'], '0 kodet, 0 ikke kodet'],
    ['en', ['Municipalities', 'Answered', 'Not answered', 'Letters', 'Coded', 'Not coded'], '0 coded, 0 not coded'],
  ])('When a planner opens the letters page in %s, then the overview columns start with a capital and the summary sentence does not', async (lang, headers, sentence) => {
    const planner = await agentAs(app, db, 'planner');

    const html = (await planner.get(`/letters?lang=${lang}`).set('Accept', 'text/html').expect(200)).text;

    const overview = html.slice(html.indexOf('data-testid="letters-overview"'));
    const head = overview.slice(overview.indexOf('<thead>'), overview.indexOf('</thead>'));
    expect([...head.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]).filter(Boolean)).toEqual(headers);
    expect(overview.replace(/\s+/g, ' ')).toContain(sentence);
  });
});
