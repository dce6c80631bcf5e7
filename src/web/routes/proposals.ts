/**
 * The stored proposal over HTTP (issue 11): `POST /api/proposals` returns the scenario's proposal (stored, or solved
 * now and stored), `GET /api/proposals/:id` a stored one, `GET /api/proposals/:id/robustness` its robustness (the
 * proposal as sample 0, weights and the travel model's cross-validated error sampled). Parse, call
 * `planning/proposal.ts`, answer.
 */
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app';
import type { Db } from '../../db/connection';
import { getProposal } from '../../db/proposals-repo';
import { wholeNumber } from '../../common/fields';
import { requestLimits } from '../../model/limits';
import { PROPOSAL_ROBUSTNESS } from '../../model/proposal-settings';
import { currentProposalKey, proposalFor, proposalRobustness } from '../../planning/proposal';
import { adviceMatters } from '../../planning/proposal-key';
import type { Proposal } from '../../model/proposal';
import { scenarioReference } from '../../planning/reference';
import { scenarioSchemaFor } from '../../model/scenario';
import { planningViewOf } from '../actor';
import { NotFoundError, ValidationError, ZodValidationError } from '../../common/errors';
import type { Locale } from '../../common/i18n';
import { appRouter } from '../router';

/** `POST /api/proposals` body: the scenario (as `POST /api/scenarios` params) plus the solver. */
const proposalBody = z.object({ solver: z.enum(['exact', 'greedy']).default('exact') }).passthrough();

/** Robustness settings of a request (default: the one setting, `PROPOSAL_ROBUSTNESS`). */
export const robustnessSettingsQuery = z.object({
  samples: wholeNumber(1, requestLimits.maxSamples, PROPOSAL_ROBUSTNESS.samples),
  seed: wholeNumber(0, 2 ** 31 - 1, PROPOSAL_ROBUSTNESS.seed),
  mode: z.enum(['around', 'simplex']).default(PROPOSAL_ROBUSTNESS.mode),
});

const proposalId = z.string().regex(/^p-[0-9a-f]{16}$/, 'v.idFormat');

type ProposalRevision = Proposal['revision'];

/**
 * A proposal's revision as the user may see it. A district leader is not shown an assessments revision made for
 * another view (a proposal without district advice is shared by every view): it counts every district's assessments.
 */
function visibleRevision(revision: ProposalRevision, res: Response): Omit<ProposalRevision, 'assessmentsRevision'> & { assessmentsRevision?: string } {
  const user = res.locals.user as { role?: string; district?: string | null } | null | undefined;
  if (user?.role !== 'district' || (revision.viewDistrict !== null && revision.viewDistrict === user.district)) return revision;
  const { assessmentsRevision: _hidden, ...rest } = revision;
  return rest;
}

/** A proposal as the API sends it: the stored record, its travel model's label in the user's language. */
export function proposalJson(p: Proposal, res: Response) {
  return { ...p, revision: visibleRevision(p.revision, res), travelModel: { ref: p.travelModel.ref, label: p.travelModel.label[res.locals.locale as Locale] } };
}

/**
 * Refuses a robustness run larger than one request may ask for: `samples × max(1, K / 20)` at most
 * `requestLimits.maxSamples` (a run re-chooses the set in every sample; its cost grows with K).
 * @throws ValidationError naming the figures
 */
export function checkRobustnessSize(samples: number, k: number): void {
  const units = samples * Math.max(1, k / 20);
  if (units > requestLimits.maxSamples) {
    const most = Math.floor(requestLimits.maxSamples / Math.max(1, k / 20));
    throw new ValidationError({ key: 'err.robustnessSize', params: { most, k, max: requestLimits.maxSamples } });
  }
}

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, where = ''): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ZodValidationError(r.error, where);
  return r.data;
}

/**
 * A stored proposal the requester may see: a proposal whose ranking used district advice was made for one viewer
 * (a district leader sees only their own district's advice), and is not shown to another.
 * @throws NotFoundError when there is none (or it was made for another view)
 */
function visibleProposal(db: Db, req: Request, rawId: unknown): Proposal {
  const id = parse(proposalId, rawId, 'id: ');
  const p = getProposal(db, id);
  const view = planningViewOf(req);
  if (!p || (adviceMatters(p.params) && (p.revision.viewDistrict ?? null) !== (view.adviceDistrict ?? null))) {
    throw new NotFoundError({ key: 'err.noProposal', params: { id } });
  }
  return p;
}

export function proposalRoutes({ db }: AppDeps): Router {
  const router = appRouter();

  router.post('/api/proposals', async (req, res) => {
    const { solver, ...rest } = parse(proposalBody, req.body ?? {});
    const params = parse(scenarioSchemaFor(scenarioReference(db)), rest);
    const { proposal, fromStore } = await proposalFor(db, params, { solver, view: planningViewOf(req) });
    res.json({ ...proposalJson(proposal, res), fromStore, current: true });
  });

  router.get('/api/proposals/:id', (req, res) => {
    const p = visibleProposal(db, req, req.params.id);
    res.json({ ...proposalJson(p, res), current: currentProposalKey(db, p.params, p.solver, planningViewOf(req)) === p.key });
  });

  router.get('/api/proposals/:id/robustness', async (req, res) => {
    const p = visibleProposal(db, req, req.params.id);
    const settings = parse(robustnessSettingsQuery, req.query);
    checkRobustnessSize(settings.samples, p.params.k);
    res.json(await proposalRobustness(db, p, settings, planningViewOf(req)));
  });

  return router;
}
