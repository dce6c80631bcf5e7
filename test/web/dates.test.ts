/**
 * One date format on the pages: the received dates of answers and letters and the premises' available-from
 * show as the date part of the app's date-and-time format («30. mai 2022», Norwegian time), never as
 * `2022-05-30` beside «1. juni 2024, 14:00».
 */
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { loadTestAnswers } from '../shortlist/helpers';
import { loadSampleLetters } from '../../src/letters/samples';
import { listMunicipalities } from '../../src/db/municipalities-repo';

const { db, app } = testApp((d) => loadTestAnswers(d, { sample: true }));

/** The page's text as a reader sees it: tags and their attributes (form values included) left out. */
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]*>/g, ' ');
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/g;

describe('dates on the pages', () => {
  beforeAll(async () => {
    await loadSampleLetters(db, { by: 'test', now: '2024-06-01T22:30:00Z' });
  });

  it('When the answers, an answer with premises and the letters are opened, then every date reads like «30. mai 2022» and none as yyyy-mm-dd', async () => {
    const planner = await agentAs(app, db, 'planner');
    const withPremises = listMunicipalities(db)[0].kommunenummer; // the first in five offers premises (see loadTestAnswers)
    const pages = { list: '/responses', answer: `/responses/${withPremises}`, letters: '/letters' };
    const texts: Record<string, string> = {};
    for (const [name, url] of Object.entries(pages)) {
      const res = await planner.get(`${url}?lang=nb`);
      expect(`${url} ${res.status}`).toBe(`${url} 200`);
      texts[name] = textOf(res.text);
    }

    expect(Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, text.match(ISO_DAY) ?? []]))).toEqual({ list: [], answer: [], letters: [] });
    expect(texts.list).toContain('30. mai 2022');
    expect(texts.answer).toContain('30. mai 2022'); // received
    expect(texts.answer).toContain('1. jan. 2023'); // premises available from
    // A letter received at 22:30 UTC on 1 June arrived on 2 June in Norway.
    expect(texts.letters).toContain('2. juni 2024');
  });
});
