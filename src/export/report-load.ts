/** The report's shell: gathers a shortlist's or a scenario's report inputs from the database, the data files and the engine. */
import { describeTravelModel, travelModelLabel } from '../planning/travel-models';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { listAssessments } from '../db/assessments-repo';
import { answersStatus } from '../db/responses-repo';
import { getScenario } from '../db/scenarios-repo';
import { getShortlist } from '../db/shortlists-repo';
import type { ScenarioParams } from '../model/scenario';
import { compareWithToday, currentStoredProposal, scenarioSnapshot } from '../shortlist/service';
import { NotFoundError } from '../common/errors';
import { methodReference } from './report-reference';
import { type ReportInputs, type SourceEntry } from './report-model';

const root = path.resolve(__dirname, '..', '..');

/** The data sources listed in data/vintage.json. */
export function readSources(): SourceEntry[] {
  const file = JSON.parse(fs.readFileSync(path.join(root, 'data', 'vintage.json'), 'utf8')) as {
    sources: { id: string; title: string; publisher: string; licence: string; vintage: string; repo?: string; url?: string }[];
  };
  return file.sources.map((x) => ({ id: x.id, title: x.title, publisher: x.publisher, licence: x.licence, vintage: x.vintage, reference: x.repo ?? x.url ?? '' }));
}

/** `stedsvalg <version>` from package.json, plus the Node version. */
export function softwareVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version} (Node ${process.versions.node})`;
}

/**
 * Gathers a stored shortlist's report inputs: its snapshot, its kept candidates, the assessments
 * of its candidates and the comparison with today's data.
 * @throws NotFoundError when the shortlist does not exist
 */
export async function loadShortlistReport(db: Db, id: string, now: string): Promise<ReportInputs> {
  const sl = getShortlist(db, id);
  if (!sl) throw new NotFoundError({ key: 'err.shortlistMissing', params: { shortlist: id } });
  const knrs = new Set(sl.candidates.map((c) => c.kommunenummer));
  return {
    kind: 'shortlist',
    shortlist: { id: sl.id, name: sl.name, description: sl.description, createdBy: sl.createdBy, createdAt: sl.createdAt },
    scenario: { id: sl.scenarioId, name: sl.scenarioName },
    snapshot: sl.snapshot,
    candidates: sl.candidates.map((c) => ({ kommunenummer: c.kommunenummer, position: c.position, site: c.site, rationale: c.rationale, status: c.status })),
    assessments: listAssessments(db).filter((a) => knrs.has(a.kommunenummer)),
    comparison: await compareWithToday(db, sl, now),
    answersSampleNow: answersStatus(db).sample,
    sources: readSources(),
    softwareVersion: softwareVersion(),
    travelModel: travelModelLabels(db, sl.snapshot.params.travelModel),
    reference: methodReference(db, sl.snapshot.params.travelModel),
  };
}

/** The model label in both languages; a deleted imported matrix is named as such. */
function travelModelLabels(db: Db, ref: string | undefined): { nb: string; en: string } {
  try {
    const info = describeTravelModel(db, ref ?? 'builtin');
    return { nb: travelModelLabel(info, 'nb'), en: travelModelLabel(info, 'en') };
  } catch {
    return { nb: `Importert matrise nr. ${ref} (slettet)`, en: `Imported matrix no. ${ref} (deleted)` };
  }
}

/**
 * Gathers the report inputs of a scenario's stored proposal (its set at its sites, all `proposed`): the stored
 * proposal of `proposalId` when given (it must be current), else the scenario's (read from the store, or solved once
 * and stored). Never a second solve of the same inputs.
 * @throws NotFoundError for an unknown scenario or proposal; AppError 409 for a proposal made on other data
 */
export async function loadScenarioReport(
  db: Db, params: ScenarioParams, now: string, options: { scenarioId?: string | null; solver?: 'exact' | 'greedy'; proposalId?: string | null } = {},
): Promise<ReportInputs> {
  const scenario = options.scenarioId ? getScenario(db, options.scenarioId) : null;
  if (options.scenarioId && !scenario) throw new NotFoundError({ key: 'err.noScenario', params: { id: options.scenarioId } });
  const proposal = options.proposalId ? currentStoredProposal(db, options.proposalId) : undefined;
  const snapshot = await scenarioSnapshot(db, proposal?.params ?? scenario?.params ?? params, { solver: proposal?.solver ?? options.solver ?? 'exact', now, proposal });
  const knrs = new Set(snapshot.candidates.map((c) => c.kommunenummer));
  return {
    kind: 'scenario',
    shortlist: null,
    scenario: { id: scenario?.id ?? null, name: scenario?.name ?? '' },
    snapshot,
    candidates: snapshot.candidates.map((c, i) => ({ kommunenummer: c.kommunenummer, position: i + 1, site: c.site, rationale: '', status: 'proposed' })),
    assessments: listAssessments(db).filter((a) => knrs.has(a.kommunenummer)),
    comparison: null,
    answersSampleNow: answersStatus(db).sample,
    sources: readSources(),
    softwareVersion: softwareVersion(),
    travelModel: travelModelLabels(db, (proposal?.params ?? scenario?.params ?? params).travelModel),
    reference: methodReference(db, (proposal?.params ?? scenario?.params ?? params).travelModel),
  };
}
