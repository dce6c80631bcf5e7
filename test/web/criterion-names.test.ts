/**
 * A criterion and the indicator it reads have one name: the profile's «Poeng per kriterium» names the population
 * criterion «Folkemengde», and the indicator beside it reads «Folkemengde 1.1.2024» (the same name with its date).
 */
import { t } from '../../src/common/i18n';
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';

const { db, app } = testApp();

describe('the population criterion and indicator', () => {
  it('When the catalogue names the criterion and its indicator, then the indicator is the criterion\'s name with its date, in both languages', () => {
    expect(t('nb', 'crit.population')).toBe('Folkemengde');
    for (const locale of ['nb', 'en'] as const) expect(t(locale, 'ind.population').startsWith(`${t(locale, 'crit.population')} `)).toBe(true);
  });

  it('When a planner opens a municipality\'s profile, then the score table and the indicators both say «Folkemengde» and nowhere «Folketall»', async () => {
    const planner = await agentAs(app, db, 'planner');

    const html = (await planner.get('/municipalities/0301?lang=nb').expect(200)).text;

    const breakdown = html.slice(html.indexOf('id="breakdown"'), html.indexOf('</table>', html.indexOf('id="breakdown"')));
    expect(breakdown).toContain('<th scope="row">Folkemengde<br>');
    expect(html).toContain('Folkemengde 1.1.2024');
    expect(html).not.toContain('Folketall');
  });

  it('When a planner opens a municipality\'s profile, then every criterion\'s value in «Poeng per kriterium» says what it measures in (min, per 1 000, the 0–1 codes)', async () => {
    const planner = await agentAs(app, db, 'planner');

    const html = (await planner.get('/municipalities/5601?lang=nb').expect(200)).text;

    const breakdown = html.slice(html.indexOf('id="breakdown"'), html.indexOf('</tbody>', html.indexOf('id="breakdown"')));
    const units = [...breakdown.matchAll(/<th scope="row">([^<]+)<br><span class="unit muted">([^<]+)<\/span><\/th>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(units).toEqual(expect.arrayContaining(['Kjøretid til nærmeste tjenestested: min', 'Anmeldte lovbrudd per 1 000: per 1 000', 'Folkemengde: personer']));
    expect(units.length).toBe((breakdown.match(/<th scope="row">/g) ?? []).length);
  });
});
