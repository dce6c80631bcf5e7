/**
 * The input key of a stored proposal: SHA-256 of the canonical JSON (keys sorted at every level) of everything the
 * proposal depends on: the scenario parameters, the solver, the data hash (data files, the built-in matrix and its
 * calibration residuals), the answers revision, the travel model, and, only when the district advice criterion has
 * weight, the assessments revision and the viewer's police district (a district leader's ranking treats other
 * districts' advice as missing). `PROPOSAL_VERSION` changes when the way a proposal is computed changes, so results
 * of older code are not served. Equal inputs give equal keys on any machine; `include` and `exclude` are sets, so
 * they are keyed sorted.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';
import type { ScenarioParams } from '../model/scenario';

/** Bumped whenever the proposal's computation or stored shape changes (2: premises read their nearest place; travel error relative; 3: ties after the score go to the minutes a site saves alone; 4: the robustness stored beside it breaks ties by the same priority). */
export const PROPOSAL_VERSION = 4;

export interface ProposalKeyInput {
  params: ScenarioParams;
  solver: 'exact' | 'greedy';
  dataHash: string;
  answersRevision: string;
  assessmentsRevision: string;
  /** The viewer's police district when advice is hidden from them (district leaders), else null. */
  viewDistrict: string | null;
}

/** Whether the district advice enters the ranking (its weight is > 0). */
export function adviceMatters(params: ScenarioParams): boolean {
  return (params.weights.districtAdvice ?? 0) > 0;
}

/** The input key (64 hex digits). */
export function proposalKey(input: ProposalKeyInput): string {
  const keyed: Record<string, unknown> = {
    version: PROPOSAL_VERSION, params: { ...input.params, include: [...input.params.include].sort(), exclude: [...input.params.exclude].sort() }, solver: input.solver, dataHash: input.dataHash, answersRevision: input.answersRevision,
    travelModel: input.params.travelModel,
  };
  if (adviceMatters(input.params)) {
    keyed.assessmentsRevision = input.assessmentsRevision;
    keyed.viewDistrict = input.viewDistrict;
  }
  return crypto.createHash('sha256').update(canonicalJson(keyed)).digest('hex');
}

/** The stored proposal's id: `p-` and the first 16 hex digits of its key (stable across restarts). */
export function proposalIdOf(key: string): string {
  return `p-${key.slice(0, 16)}`;
}
