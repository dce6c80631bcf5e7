/**
 * The proposal as one stored result (issue 11): the set of K municipalities, and the site in each, that the
 * scenario's objective, rules and tie-break choose over every candidate site under the scenario's travel model;
 * solved once per input key (`proposal-key.ts`) and stored with the solver's status, value, bound, gap and the
 * per-site figures. The workspace, the profile, shortlists, exports and the CLI read this stored result; none of
 * them solves again. Its robustness is run with the proposal as sample 0 and the travel model's cross-validated
 * residuals, and stored beside it.
 *
 * The I/O shell around the pure engine: load the context, call the engine (heavy work through `heavyRunner()`),
 * store, return.
 */
import type { Db } from '../db/connection';
import { assessmentsRevision } from '../db/advice';
import { getMeta } from '../db/load-dataset';
import { getProposalByKey, getProposalRobustness, storeProposal, storeProposalRobustness } from '../db/proposals-repo';
import { answersRevision } from '../db/revisions';
import { exactSum, rankMunicipalities, type RankingResult, type SelectionOptions, type SelectionResult } from '../engine';
import { PROPOSAL_ROBUSTNESS } from '../model/proposal-settings';
import { ConflictError, UnprocessableError } from '../common/errors';
import { SELECTION_STATUS_LABEL } from '../model/labels';
import { violationSaid, type ViolationSaid } from '../model/violations';
import type { MessageKey } from '../common/i18n';
import { planningContext, type PlanningContext } from './context';
import { heavyRunner, robustnessLane, type HeavyLane } from './heavy';
import { adviceMatters, proposalIdOf, proposalKey } from './proposal-key';
import type { Proposal, ProposalRobustness, ProposalSite } from '../model/proposal';
import { runnableScenario, type ScenarioParams } from '../model/scenario';
import { inputsFor, rankOptionsOf, selectionOptionsOf, type PlanningView } from './service-options';
import { proposalProblem, siteProblem, travelErrorOf, type SiteProblem, type TravelErrorModel } from './site-problem';
import { travelModelLabel } from './travel-models';

/** What `proposalFor` returns: the proposal and what it was computed from. */
export interface ProposalOutcome {
  proposal: Proposal;
  context: PlanningContext;
  ranking: RankingResult;
  /** True when the proposal was read from the store, false when it was solved now. */
  fromStore: boolean;
}

export interface ProposalRequest {
  /** Default `exact`. */
  solver?: 'exact' | 'greedy';
  view?: PlanningView;
  /** Store the result (default true); a greedy preview passes false. A stored result is returned either way, unless `limits` are set. */
  store?: boolean;
  /** The exact solver's time limit and gap tolerance for this solve only; a request with limits neither reads nor writes the store. */
  limits?: Partial<Pick<SelectionOptions, 'timeLimitSeconds' | 'gapTolerance'>>;
}

/** Proposals of up to this many sites are solved in the interactive lane (pages wait for them). */
const INTERACTIVE_MAX_K = 40;

/** The input key of a scenario's proposal on the database's current data. */
export function currentProposalKey(db: Db, params: ScenarioParams, solver: 'exact' | 'greedy', view: PlanningView = {}): string {
  return proposalKey({
    params, solver, dataHash: getMeta(db, 'data_hash') ?? '', answersRevision: answersRevision(db),
    assessmentsRevision: assessmentsRevision(db, view.adviceDistrict ?? null), viewDistrict: view.adviceDistrict ?? null,
  });
}

/**
 * The scenario's proposal: the stored one for these inputs, or solved now in the heavy runner (a worker thread in the
 * web app; exact: HiGHS or enumeration, in the interactive or bulk lane by K; greedy: greedy + swaps, in the preview
 * lane) and stored.
 * @throws ZodError naming the field for parameters that may not be run; NotFoundError for an unknown travel model;
 *   ExactSolveError when the exact model is too large
 */
export async function proposalFor(db: Db, params: ScenarioParams, request: ProposalRequest = {}): Promise<ProposalOutcome> {
  const solver = request.solver ?? 'exact';
  const key = currentProposalKey(db, runnableScenario(params), solver, request.view ?? {});
  // Requests for the same inputs while one is being solved wait for that solve (the workspace and a profile often ask at once).
  const running = inflight(solving, db).get(key);
  if (running && request.store !== false) return running;
  const work = solveOrRead(db, params, request, solver);
  if (request.store === false) return work;
  inflight(solving, db).set(key, work);
  try {
    return await work;
  } finally {
    inflight(solving, db).delete(key);
  }
}

const solving = new WeakMap<Db, Map<string, Promise<ProposalOutcome>>>();
const robustRuns = new WeakMap<Db, Map<string, Promise<ProposalRobustness>>>();

/** The in-flight map of a database. */
function inflight<T>(maps: WeakMap<Db, Map<string, T>>, db: Db): Map<string, T> {
  let m = maps.get(db);
  if (!m) maps.set(db, (m = new Map()));
  return m;
}

async function solveOrRead(db: Db, params: ScenarioParams, request: ProposalRequest, solver: 'exact' | 'greedy'): Promise<ProposalOutcome> {
  const view = request.view ?? {};
  const checked = runnableScenario(params);
  const context = planningContext(db, checked.travelModel);
  const inputs = inputsFor(context, view);
  const ranking = rankMunicipalities(inputs, rankOptionsOf(checked));
  const key = currentProposalKey(db, checked, solver, view);
  const now = new Date().toISOString();
  const stored = request.limits ? null : getProposalByKey(db, key, now);
  if (stored) return { proposal: stored, context, ranking, fromStore: true };
  const problem = proposalProblem(context, ranking, inputs);
  const travel = travelErrorOf(db, context);
  const options = { ...selectionOptionsOf(checked, solver), errorMargin: travel?.marginMin ?? 0, ...request.limits };
  // Greedy too runs in the heavy runner: at K = 100 it held the request thread 150–340 ms per request, and the
  // workspace asks for one after every change. It has a lane of its own, so it never waits for a robustness run.
  const lane: HeavyLane = solver === 'greedy' ? 'preview' : checked.k <= INTERACTIVE_MAX_K ? 'interactive' : 'bulk';
  const selection = await heavyRunner().select({ problem, options, lane });
  const built = buildProposal({ db, key, now, solver, params: checked, context, selection, sites: siteProblem(context), travel, view });
  if (request.store === false) return { proposal: { ...built, id: null }, context, ranking, fromStore: false };
  return { proposal: storeProposal(db, built, now), context, ranking, fromStore: false };
}

interface BuildInput {
  db: Db;
  key: string;
  now: string;
  solver: 'exact' | 'greedy';
  params: ScenarioParams;
  context: PlanningContext;
  selection: SelectionResult;
  sites: SiteProblem;
  travel: TravelErrorModel | null;
  view: PlanningView;
}

/** The proposal record of a selection (every figure copied unrounded). */
function buildProposal(b: BuildInput): Proposal & { id: string } {
  const { selection: s, context } = b;
  const names = new Map<string, (typeof context.municipalities)[number]>(context.municipalities.map((m) => [m.kommunenummer, m]));
  const sites = s.sites.map((c, k): ProposalSite => {
    const site = b.sites.sites[b.sites.index.get(c.id)!];
    const m = names.get(site.kommunenummer);
    return {
      position: k + 1, kommunenummer: site.kommunenummer, name: m?.name ?? site.kommunenummer, policeDistrict: m?.policeDistrict ?? c.district ?? '',
      siteId: site.id, siteKind: site.kind, siteLabel: site.label, lon: site.lon, lat: site.lat, score: c.score,
      marginalGain: c.marginalGain, lossIfRemoved: c.lossIfRemoved, newlyCovered: c.newlyCovered, gainAtRisk: c.gainAtRisk,
      withinError: c.withinError, forced: c.forced,
    };
  });
  const travelObjective = s.objectiveName === 'coverage' || s.objectiveName === 'access' || s.objectiveName === 'beyond';
  return {
    id: proposalIdOf(b.key), key: b.key, createdAt: b.now, solver: b.solver, params: b.params,
    status: s.status, solverName: s.solver, objectiveName: s.objectiveName, objective: s.objective, bound: s.bound, gap: s.gap,
    gapTolerance: s.gapTolerance, stoppedBy: s.stoppedBy, totalGain: exactSum(sites.map((x) => x.marginalGain)),
    selected: sites.map((x) => x.kommunenummer), selectedSites: sites.map((x) => x.siteId), sites,
    scoreSum: s.scoreSum, newlyCovered: s.newlyCovered, coveredShare: s.coveredShare, meanAccess: s.meanAccess, beyondCost: s.beyondCost,
    candidateSites: b.sites.sites.length, violated: s.violated, notes: s.notes, solveMs: s.solveMs,
    errorMargin: b.travel && travelObjective ? { minutes: b.travel.marginMin, quantile: b.travel.quantile, residuals: b.travel.count, source: b.travel.source } : null,
    travelModel: { ref: context.travelModel.ref, label: { nb: travelModelLabel(context.travelModel, 'nb'), en: travelModelLabel(context.travelModel, 'en') } },
    revision: {
      dataHash: getMeta(b.db, 'data_hash') ?? '', dataVintage: getMeta(b.db, 'data_vintage') ?? '', answersRevision: answersRevision(b.db),
      assessmentsRevision: assessmentsRevision(b.db, b.view.adviceDistrict ?? null), viewDistrict: adviceMatters(b.params) ? b.view.adviceDistrict ?? null : null,
    },
    answers: context.answers,
  };
}

/** Robustness settings: samples, seed and how weights are drawn (default: the one setting, `PROPOSAL_ROBUSTNESS`). */
export interface RobustnessSettings {
  samples: number;
  seed: number;
  mode: 'around' | 'simplex';
}

/**
 * The robustness of a stored proposal under the current data: the stored run for these settings, or run now with the
 * proposal's objective, rules and tie-break, the proposal as sample 0, the criteria weights sampled and the travel
 * model's cross-validated residuals sampled per demand point (`engine/robustness.ts`), and stored.
 * @throws AppError 409 when the proposal was made on other data (ask for the scenario's current proposal), 422 when
 *   it was not stored
 */
export async function proposalRobustness(
  db: Db, proposal: Proposal, settings: RobustnessSettings = PROPOSAL_ROBUSTNESS, view: PlanningView = {},
): Promise<ProposalRobustness> {
  if (!proposal.id) throw notStored(proposal);
  if (proposal.status === 'infeasible' || proposal.selected.length === 0) throw noSetToTest(db, proposal);
  const kept = getProposalRobustness(db, proposal.id, settings);
  if (kept) return kept;
  const runKey = `${proposal.id}|${settings.samples}|${settings.seed}|${settings.mode}|${view.adviceDistrict ?? ''}`;
  const running = inflight(robustRuns, db).get(runKey);
  if (running) return running;
  const work = runRobustness(db, proposal, settings, view);
  inflight(robustRuns, db).set(runKey, work);
  try {
    return await work;
  } finally {
    inflight(robustRuns, db).delete(runKey);
  }
}

/**
 * Why a proposal has no set, as a catalogue message: its broken rules with the municipalities named (`names`), or
 * its status when no rule is broken. One text for every refusal that needs a set (robustness, a shortlist).
 */
export function whyNoSet(
  proposal: Pick<Proposal, 'violated' | 'status'> | null, names: ReadonlyMap<string, string>,
): ViolationSaid[] | { key: MessageKey } {
  return proposal?.violated.length
    ? proposal.violated.map((v) => violationSaid(v, (id) => names.get(id) ?? id))
    : { key: proposal ? SELECTION_STATUS_LABEL[proposal.status] : 'ws.status.infeasible' };
}

/** 422 for a proposal that was not stored (made with `store: false`): robustness is kept with a stored proposal only. */
function notStored(proposal: Proposal): UnprocessableError {
  return new UnprocessableError('not_stored', { key: 'err.proposalNotStored', params: { k: proposal.params.k } });
}

/** 422 for a proposal without a set (its rules cannot be met): robustness has nothing to re-choose; says why. */
function noSetToTest(db: Db, proposal: Proposal): UnprocessableError {
  const names = new Map<string, string>(planningContext(db, proposal.params.travelModel).municipalities.map((m) => [m.kommunenummer, m.name]));
  return new UnprocessableError('infeasible', { key: 'rule.noRobustness', params: { why: whyNoSet(proposal, names) } }, { violated: proposal.violated });
}

async function runRobustness(db: Db, proposal: Proposal & { id: string | null }, settings: RobustnessSettings, view: PlanningView): Promise<ProposalRobustness> {
  if (!proposal.id) throw notStored(proposal);
  if (currentProposalKey(db, proposal.params, proposal.solver, view) !== proposal.key) {
    throw new ConflictError('stale_proposal', { key: 'err.staleProposal', params: { id: proposal.id } });
  }
  const context = planningContext(db, proposal.params.travelModel);
  const sp = siteProblem(context);
  const travel = travelErrorOf(db, context);
  const p = proposal.params;
  const { method: _m, k: _k, ...selection } = selectionOptionsOf(p, 'greedy');
  const result = await heavyRunner().robustness({
    municipalities: inputsFor(context, view), rankOptions: rankOptionsOf(p), lane: robustnessLane(settings.samples), location: sp.location,
    options: {
      ...settings, k: p.k, selection, sites: sp.sites.map((s, j) => ({ id: s.id, kommunenummer: s.kommunenummer, priority: sp.savings[j] })),
      proposal: proposal.selectedSites.length === p.k ? proposal.selectedSites : null, travelError: travel?.error ?? null,
    },
  });
  const out: ProposalRobustness = {
    ...result, proposalId: proposal.id, proposal: { sites: proposal.selectedSites, municipalities: proposal.selected },
    travelError: travel && result.sampled.travel ? { residuals: travel.count, kind: travel.error.kind, source: travel.source } : null,
    createdAt: new Date().toISOString(),
  };
  return storeProposalRobustness(db, out, out.createdAt);
}
