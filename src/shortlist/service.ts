/**
 * Shortlist use-cases for the web layer and the CLI (the I/O shell around `./snapshot.ts`): run the
 * scenario on the database's current data, freeze the figures, store the shortlist, and compare a
 * stored shortlist with today's data.
 */
import type { Db } from '../db/connection';
import { assessmentsRevision, districtAdviceByMunicipality } from '../db/advice';
import { getMeta } from '../db/load-dataset';
import { getProposal } from '../db/proposals-repo';
import { answersRevision } from '../db/revisions';
import { getScenario } from '../db/scenarios-repo';
import { insertShortlist, type Shortlist } from '../db/shortlists-repo';
import { contentOf, listResponses } from '../db/responses-repo';
import type { PlanningContext } from '../planning/context';
import { currentProposalKey, proposalFor, proposalRobustness, whyNoSet } from '../planning/proposal';
import { explainPickedSites } from '../planning/proposal-explain';
import type { Proposal, ProposalRobustness } from '../model/proposal';
import { rankScenario } from '../planning/service';
import { inputsFor } from '../planning/service-options';
import { travelErrorOf } from '../planning/site-problem';
import type { ScenarioParams } from '../model/scenario';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../common/errors';
import { compareSnapshots, type SnapshotComparison } from './compare';
import { buildSnapshot, siteOfProposal, type SnapshotInput } from './snapshot';
import type { CandidateSite, ShortlistOrigin, ShortlistSnapshot, ShortlistSolver, SnapshotAnswer } from '../model/shortlist';

/** Where a shortlist's candidates come from. */
export type ShortlistSource =
  | { kind: 'scenario'; scenarioId: string; solver?: 'exact' | 'greedy' }
  | { kind: 'params'; params: ScenarioParams; solver?: 'exact' | 'greedy' }
  /** A stored proposal (e.g. the one the workspace shows): the shortlist holds exactly its set and sites. */
  | { kind: 'proposal'; proposalId: string }
  | { kind: 'manual'; kommunenummer: readonly string[]; params: ScenarioParams; scenarioId?: string | null };

/** The answers as the snapshot keeps them, keyed by kommunenummer. */
export function snapshotAnswers(db: Db): Map<string, SnapshotAnswer> {
  return new Map(listResponses(db).map((r) => [r.kommunenummer, { content: contentOf(r), sample: r.sample, source: r.source, version: r.version }]));
}

/** A hand-picked candidate, optionally with the site to keep (default: its site in the proposal, else its default site). */
export interface PickedCandidate {
  kommunenummer: string;
  site?: CandidateSite;
}

export interface OutcomeOptions {
  solver: ShortlistSolver;
  now: string;
  /** Hand-picked candidates; default: the proposal's set, in its order, at its sites. */
  candidates?: readonly PickedCandidate[];
  /** A stored proposal to use instead of the scenario's (it must be current). */
  proposal?: Proposal;
  /** Use the scenario's proposal (default true). */
  withSelection?: boolean;
  /** Compute robustness (default true). */
  withRobustness?: boolean;
}

/** The default site of a municipality: its offered premises when located, else its main populated place. */
function defaultSiteOf(context: PlanningContext, kommunenummer: string): CandidateSite {
  const s = context.sites.find((x) => x.kommunenummer === kommunenummer);
  if (!s) throw new ValidationError({ key: 'err.unknownMunicipality', params: { knr: kommunenummer } });
  return { kind: s.kind === 'premises' ? 'premises' : 'place', lon: s.lon, lat: s.lat, label: s.label, siteId: s.id };
}

/** Per-candidate figures and the set's figures: the proposal's own, or the hand-picked list's (see `proposal-explain.ts`). */
function figuresOf(
  db: Db, context: PlanningContext, ranking: SnapshotInput['ranking'], params: ScenarioParams, proposal: Proposal | null,
  picked: readonly { kommunenummer: string; site: CandidateSite }[] | null,
): Pick<SnapshotInput, 'figures' | 'set'> {
  if (!picked && proposal) {
    return {
      figures: { from: 'proposal', objectiveName: proposal.objectiveName, totalGain: proposal.totalGain, sites: new Map(proposal.sites.map((x) => [x.kommunenummer, x])) },
      set: proposal.newlyCovered === null ? null : { newlyCovered: proposal.newlyCovered, coveredShare: proposal.coveredShare ?? 0, meanAccessMin: proposal.meanAccess ?? 0 },
    };
  }
  const located = (picked ?? []).filter((c) => c.site.siteId && context.allSites.some((s) => s.id === c.site.siteId));
  if (!picked || located.length !== picked.length || picked.length === 0) return { figures: null, set: null };
  const { sites, selection } = explainPickedSites(
    context, ranking, inputsFor(context), params, picked.map((c) => ({ kommunenummer: c.kommunenummer, siteId: c.site.siteId! })), travelErrorOf(db, context),
  );
  return {
    figures: { from: 'list', objectiveName: selection.objectiveName, totalGain: [...sites.values()].reduce((a, x) => a + x.marginalGain, 0), sites },
    set: selection.newlyCovered === null ? null : { newlyCovered: selection.newlyCovered, coveredShare: selection.coveredShare ?? 0, meanAccessMin: selection.meanAccess ?? 0 },
  };
}

/**
 * Runs a scenario on the current data and freezes the figures of its candidates: the scenario's stored proposal
 * (its set, sites and per-site figures) and that proposal's robustness, never a re-solve.
 * @throws AppError 422 when the scenario's rules have no feasible set and no candidates are given
 */
export async function scenarioSnapshot(db: Db, params: ScenarioParams, options: OutcomeOptions): Promise<ShortlistSnapshot> {
  const withSelection = options.withSelection ?? true;
  const solver = options.solver === 'greedy' ? 'greedy' : 'exact';
  const outcome = options.proposal ? null : withSelection ? await proposalFor(db, params, { solver }) : null;
  const { ranking, context } = outcome ?? rankScenario(db, params);
  const proposal = options.proposal ?? outcome?.proposal ?? null;
  if (!options.candidates && (!proposal || proposal.selected.length === 0)) {
    const names = new Map<string, string>(context.municipalities.map((m) => [m.kommunenummer, m.name]));
    throw new UnprocessableError('infeasible', { key: 'rule.noProposal', params: { why: whyNoSet(proposal, names) } }, { violated: proposal?.violated ?? [] });
  }
  const inProposal = new Map((proposal?.sites ?? []).map((x) => [x.kommunenummer, siteOfProposal(x)]));
  const picked = options.candidates?.map((c) => ({ kommunenummer: c.kommunenummer, site: c.site ?? inProposal.get(c.kommunenummer) ?? defaultSiteOf(context, c.kommunenummer) })) ?? null;
  const candidates = picked ?? proposal!.sites.map((x) => ({ kommunenummer: x.kommunenummer, site: siteOfProposal(x) }));
  const robustness: ProposalRobustness | null = options.withRobustness === false || !proposal?.id || proposal.selected.length === 0
    ? null : await proposalRobustness(db, proposal);
  const figures = withSelection ? figuresOf(db, context, ranking, params, proposal, picked) : { figures: null, set: null };
  return buildSnapshot({
    params, solver: options.solver, now: options.now, candidates: candidates.map((c) => c.kommunenummer), ranking, proposal, robustness,
    municipalities: context.municipalities, sites: new Map(candidates.map((c) => [c.kommunenummer, c.site])), ...figures,
    answers: snapshotAnswers(db), answersStatus: context.answers, answersRevision: answersRevision(db),
    advice: districtAdviceByMunicipality(db), assessmentsRevision: assessmentsRevision(db),
    dataHash: getMeta(db, 'data_hash') ?? '', dataVintage: getMeta(db, 'data_vintage') ?? '',
  });
}

/**
 * A stored proposal that is current (made on today's data, answers and assessments).
 * @throws NotFoundError when there is none; AppError 409 when it was made on other data
 */
export function currentStoredProposal(db: Db, id: string): Proposal {
  const p = getProposal(db, id);
  if (!p) throw new NotFoundError({ key: 'err.noProposal', params: { id } });
  if (currentProposalKey(db, p.params, p.solver) !== p.key) {
    throw new ConflictError('stale_proposal', { key: 'err.staleProposal', params: { id } });
  }
  return p;
}

/** Resolves a source to parameters, origin and (for manual lists) the candidates. */
function resolveSource(db: Db, source: ShortlistSource): {
  params: ScenarioParams; origin: ShortlistOrigin; scenarioId: string | null; scenarioName: string; solver: ShortlistSolver;
  candidates?: PickedCandidate[]; proposal?: Proposal;
} {
  if (source.kind === 'scenario') {
    const s = getScenario(db, source.scenarioId);
    if (!s) throw new NotFoundError({ key: 'err.noScenario', params: { id: source.scenarioId } });
    return { params: s.params, origin: 'scenario', scenarioId: s.id, scenarioName: s.name, solver: source.solver ?? 'exact' };
  }
  if (source.kind === 'params') return { params: source.params, origin: 'params', scenarioId: null, scenarioName: '', solver: source.solver ?? 'exact' };
  if (source.kind === 'proposal') {
    const proposal = currentStoredProposal(db, source.proposalId);
    return { params: proposal.params, origin: 'params', scenarioId: null, scenarioName: '', solver: proposal.solver, proposal };
  }
  const list = [...new Set(source.kommunenummer)];
  if (list.length === 0) throw new ValidationError({ key: 'err.noMunicipalities' });
  const known = new Set((db.prepare('SELECT kommunenummer FROM municipalities').all() as { kommunenummer: string }[]).map((r) => r.kommunenummer));
  const unknown = list.filter((k) => !known.has(k));
  if (unknown.length) throw new ValidationError({ key: 'err.unknownMunicipality', params: { knr: unknown.join(', ') } });
  const scenario = source.scenarioId ? getScenario(db, source.scenarioId) : null;
  if (source.scenarioId && !scenario) throw new NotFoundError({ key: 'err.noScenario', params: { id: source.scenarioId } });
  return {
    params: scenario?.params ?? source.params, origin: 'manual', scenarioId: scenario?.id ?? null, scenarioName: scenario?.name ?? '',
    solver: 'manual', candidates: list.map((kommunenummer) => ({ kommunenummer })),
  };
}

export interface CreateShortlistInput {
  name: string;
  description?: string;
  source: ShortlistSource;
  by: string;
  now: string;
}

/** Creates a shortlist: runs the scenario, freezes the snapshot, stores candidates at their engine sites. */
export async function createShortlist(db: Db, input: CreateShortlistInput): Promise<Shortlist> {
  const src = resolveSource(db, input.source);
  const snapshot = await scenarioSnapshot(db, src.params, { solver: src.solver, now: input.now, candidates: src.candidates, proposal: src.proposal });
  return insertShortlist(db, {
    name: input.name, description: input.description ?? '', origin: src.origin, scenarioId: src.scenarioId,
    scenarioName: src.scenarioName, snapshot, by: input.by, now: input.now,
    candidates: snapshot.candidates.map((c) => ({ kommunenummer: c.kommunenummer, site: c.site })),
  });
}

/** Recomputes the shortlist's candidates under its parameters on today's data and lists the differences. */
export async function compareWithToday(db: Db, shortlist: Shortlist, now: string): Promise<SnapshotComparison> {
  const today = await scenarioSnapshot(db, shortlist.params, {
    solver: 'manual', now, withSelection: false, withRobustness: false,
    candidates: shortlist.snapshot.candidates.map((c) => ({ kommunenummer: c.kommunenummer, site: c.site })),
  });
  return compareSnapshots(shortlist.snapshot, today);
}
