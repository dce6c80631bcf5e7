/**
 * The input hash of a scenario outcome: SHA-256 of the canonical JSON (keys sorted at every level)
 * of `{ params, dataHash, answersRevision }`, plus `assessmentsRevision` when the
 * `districtAdvice` criterion has weight (then the assessments are an input too). Equal inputs give
 * equal hashes on any machine.
 */
import crypto from 'node:crypto';
import type { ScenarioParams } from '../model/scenario';
import { canonicalJson } from '../common/canonical-json';

export { canonicalJson };

/** The input hash (64 hex digits). */
export function inputHash(input: { params: ScenarioParams; dataHash: string; answersRevision: string; assessmentsRevision: string }): string {
  const hashed: Record<string, unknown> = { params: input.params, dataHash: input.dataHash, answersRevision: input.answersRevision };
  if ((input.params.weights.districtAdvice ?? 0) > 0) hashed.assessmentsRevision = input.assessmentsRevision;
  return crypto.createHash('sha256').update(canonicalJson(hashed)).digest('hex');
}
