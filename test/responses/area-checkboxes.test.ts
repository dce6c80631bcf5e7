/**
 * The correction form asks for the areas of question 1 as checkboxes with their names («Forebygging»), not as
 * codes to type: each box sends the file's word, and the form's edge checks the words as an import row's cell.
 */
import { createApp } from '../../src/web/app';
import { getResponse } from '../../src/db/responses-repo';
import { memoryDb } from '../helpers/app';
import { agentAs } from '../helpers/auth';
import { validRecord } from './fixtures';

/** A form body as a browser sends it: a checked box repeats its field. */
const formBody = (fields: Record<string, string>, areas: string[]): string => {
  const body = new URLSearchParams(Object.entries(fields).filter(([k]) => k !== 'sp1_omrader'));
  for (const a of areas) body.append('sp1_omrader', a);
  return body.toString();
};

describe('areas of question 1 in the correction form', () => {
  const db = memoryDb();
  const app = createApp({ db });
  afterAll(() => db.close());

  it('When a planner ticks «Forebygging» and «Sivile tjenester», then the answer stores the codes prevention and civil, and the form shows those boxes ticked', async () => {
    const planner = await agentAs(app, db, 'planner');

    const res = await planner.post('/responses/5001').type('form').send(formBody(validRecord('5001'), ['forebygging', 'sivile_tjenester']));

    expect(res.status).toBe(303);
    expect(getResponse(db, '5001')?.q1.areas).toEqual(['prevention', 'civil']);
    const page = (await planner.get('/responses/5001?lang=nb').expect(200)).text;
    expect(page).not.toContain('kommaseparert');
    expect(page).toMatch(/<input type="checkbox" name="sp1_omrader" value="forebygging" checked> Forebygging<\/label>/);
    expect(page).toMatch(/<input type="checkbox" name="sp1_omrader" value="beredskap" > Beredskap<\/label>/);
    expect(page).toMatch(/<input type="checkbox" name="sp1_omrader" value="sivile_tjenester" checked> Sivile tjenester<\/label>/);
  });

  it('When every box is cleared, then no area is stored; when a box sends an unknown word, then the correction is refused and nothing changes', async () => {
    const planner = await agentAs(app, db, 'planner');

    await planner.post('/responses/5001').type('form').send(formBody(validRecord('5001'), [])).expect(303);
    expect(getResponse(db, '5001')?.q1.areas).toEqual([]);
    const refused = await planner.post('/responses/5001').type('form').send(formBody(validRecord('5001'), ['beredskap', 'sport']));

    expect(refused.status).toBe(422);
    expect(refused.text).toContain('sport');
    expect(getResponse(db, '5001')?.q1.areas).toEqual([]);
  });
});
