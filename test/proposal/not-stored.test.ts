/**
 * A proposal made without storing it (a greedy preview, `store: false`) has no robustness; the refusal says so in
 * the reader's language. No route hands such a proposal to `proposalRobustness` today (the robustness route reads a
 * stored proposal, the shortlist skips an unstored one), so the refusal is checked where it is made and as the
 * app's error handler answers it: its catalogue message in bokmål by default and in English with ?lang=en.
 */
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../src/web/errors';
import { memoryDb } from '../helpers/app';
import { createApp } from '../../src/web/app';
import { inProcessRunner } from '../../src/planning/heavy';
import { proposalFor, proposalRobustness } from '../../src/planning/proposal';
import { defaultScenarioParams } from '../../src/model/scenario';
import { AppError, sayLocal } from '../../src/common/errors';

describe('robustness of a proposal that is not stored', () => {
  it('When robustness is asked for an unstored proposal, then it is refused with 422 not_stored, said in bokmål and in English', async () => {
    const db = memoryDb();
    createApp({ db, heavy: inProcessRunner });
    const { proposal } = await proposalFor(db, { ...defaultScenarioParams, k: 5 }, { solver: 'greedy', store: false });
    expect(proposal.id).toBeNull();
    const err = await proposalRobustness(db, proposal).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const app = err as AppError;
    expect(app).toMatchObject({ httpStatus: 422, code: 'not_stored' });
    expect(sayLocal('nb', app.local!)).toBe('Robustheten beregnes bare for et lagret forslag, og dette forslaget (K = 5) er ikke lagret. Be om forslaget på nytt (POST /api/proposals), så lagres det.');
    expect(app.message).toBe('Robustness is run for a stored proposal only, and this proposal (K = 5) is not stored. Ask for the proposal again (POST /api/proposals) and it is stored.');
    const shell = express();
    shell.get('/api/robustness', () => { throw app; });
    shell.use(errorHandler);
    const nb = await request(shell).get('/api/robustness').set('Accept', 'application/json').expect(422);
    expect(nb.body.error).toEqual({ code: 'not_stored', message: expect.stringMatching(/^Robustheten beregnes bare for et lagret forslag/) });
    const en = await request(shell).get('/api/robustness?lang=en').set('Accept', 'application/json').expect(422);
    expect(en.body.error.message).toMatch(/^Robustness is run for a stored proposal only/);
    db.close();
  });
});
