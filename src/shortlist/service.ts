/**
 * Shortlist use-cases for the web layer and the CLI (the I/O shell around `./snapshot.ts`): run the
 * scenario on the database's current data, freeze the figures, store the shortlist, and compare a
 * stored shortlist with today's data.
 */
import { ROBUSTNESS_SETTING } from '../model/scenario-limits';
import type { Db } from '../db/connection';
import { assessmentsRevision, districtAdviceByMunicipality } from '../db/advice';
import { getMeta } from '../db/load-dataset';
import { answersRevision } from '../db/revisions';
import { getScenario } from '../db/scenarios-repo';
import { insertShortlist, type Shortlist } from '../db/shortlists-repo';
import { contentOf, listResponses } from '../db/responses-repo';
import { rankScenario, robustnessScenario, selectScenario } from '../planning/service';
import type { ScenarioParams } from '../model/scenario';
import { ValidationError, NotFoundError, UnprocessableError } from '../common/errors';
import { compareSnapshots, type SnapshotComparison } from './compare';
import { buildSnapshot } from './snapshot';
import type { ShortlistOrigin, ShortlistSnapshot, ShortlistSolver, SnapshotAnswer } from '../model/shortlist';

/** Robustness settings frozen into every snapshot (seeded, so a snapshot is repeatable). */
export const snapshotRobustnessOptions = ROBUSTNESS_SETTING;

/** Where a shortlist's candidates come from. */
export type ShortlistSource =
  | { kind: 'scenario'; scenarioId: string; solver?: 'exact' | 'greedy' }
  | { kind: 'params'; params: ScenarioParams; solver?: 'exact' | 'greedy' }
  | { kind: 'manual'; kommunenummer: readonly string[]; params: ScenarioParams; scenarioId?: string | null };

/** The answers as the snapshot keeps them, keyed by kommunenummer. */
export function snapshotAnswers(db: Db): Map<string, SnapshotAnswer> {
  return new Map(listResponses(db).map((r) => [r.kommunenummer, { content: contentOf(r), sample: r.sample, source: r.source, version: r.version }]));
}

export interface OutcomeOptions {
  solver: ShortlistSolver;
  now: string;
  /** The candidates; default: the scenario's proposed set in the order the selection explains it. */
  candidates?: readonly string[];
  /** Compute the proposed set (default true). */
  withSelection?: boolean;
  /** Compute robustness (default true). */
  withRobustness?: boolean;
}

/**
 * Runs a scenario on the current data and freezes the figures of its candidates.
 * @throws AppError 422 when the scenario's rules have no feasible set and no candidates are given
 */
export async function scenarioSnapshot(db: Db, params: ScenarioParams, options: OutcomeOptions): Promise<ShortlistSnapshot> {
  const withSelection = options.withSelection ?? true;
  const { ranking, context } = rankScenario(db, params);
  const selection = withSelection
    ? (await selectScenario(db, params, options.solver === 'greedy' ? 'greedy' : 'exact')).selection
    : null;
  if (!options.candidates && (!selection || selection.selected.length === 0)) {
    const why = selection?.violated.length ? selection.violated.join('; ') : (selection?.status ?? 'no selection');
    throw new UnprocessableError('infeasible', `the scenario has no proposed set: ${why}`);
  }
  const candidates = options.candidates ?? selection!.sites.map((s) => s.id);
  const robustness = options.withRobustness === false ? null : await robustnessScenario(db, params, snapshotRobustnessOptions);
  return buildSnapshot({
    params, solver: options.solver, now: options.now, candidates, ranking, selection, robustness,
    municipalities: context.municipalities, sites: context.sites, location: context.location,
    answers: snapshotAnswers(db), answersStatus: context.answers, answersRevision: answersRevision(db),
    advice: districtAdviceByMunicipality(db), assessmentsRevision: assessmentsRevision(db),
    dataHash: getMeta(db, 'data_hash') ?? '', dataVintage: getMeta(db, 'data_vintage') ?? '',
  });
}

/** Resolves a source to parameters, origin and (for manual lists) the candidates. */
function resolveSource(db: Db, source: ShortlistSource): {
  params: ScenarioParams; origin: ShortlistOrigin; scenarioId: string | null; scenarioName: string; solver: ShortlistSolver; candidates?: string[];
} {
  if (source.kind === 'scenario') {
    const s = getScenario(db, source.scenarioId);
    if (!s) throw new NotFoundError(`scenario "${source.scenarioId}" does not exist`);
    return { params: s.params, origin: 'scenario', scenarioId: s.id, scenarioName: s.name, solver: source.solver ?? 'exact' };
  }
  if (source.kind === 'params') return { params: source.params, origin: 'params', scenarioId: null, scenarioName: '', solver: source.solver ?? 'exact' };
  const list = [...new Set(source.kommunenummer)];
  if (list.length === 0) throw new ValidationError('kommunenummer: give at least one municipality');
  const known = new Set((db.prepare('SELECT kommunenummer FROM municipalities').all() as { kommunenummer: string }[]).map((r) => r.kommunenummer));
  const unknown = list.filter((k) => !known.has(k));
  if (unknown.length) throw new ValidationError(`kommunenummer: unknown municipality ${unknown.join(', ')}`);
  const scenario = source.scenarioId ? getScenario(db, source.scenarioId) : null;
  if (source.scenarioId && !scenario) throw new NotFoundError(`scenario "${source.scenarioId}" does not exist`);
  return {
    params: scenario?.params ?? source.params, origin: 'manual', scenarioId: scenario?.id ?? null, scenarioName: scenario?.name ?? '',
    solver: 'manual', candidates: list,
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
  const snapshot = await scenarioSnapshot(db, src.params, { solver: src.solver, now: input.now, candidates: src.candidates });
  return insertShortlist(db, {
    name: input.name, description: input.description ?? '', origin: src.origin, scenarioId: src.scenarioId,
    scenarioName: src.scenarioName, snapshot, by: input.by, now: input.now,
    candidates: snapshot.candidates.map((c) => ({ kommunenummer: c.kommunenummer, site: c.site })),
  });
}

/** Recomputes the shortlist's candidates under its parameters on today's data and lists the differences. */
export async function compareWithToday(db: Db, shortlist: Shortlist, now: string): Promise<SnapshotComparison> {
  const today = await scenarioSnapshot(db, shortlist.params, {
    solver: 'manual', now, candidates: shortlist.snapshot.candidates.map((c) => c.kommunenummer), withSelection: false, withRobustness: false,
  });
  return compareSnapshots(shortlist.snapshot, today);
}
