/**
 * The police districts' advice as the engine's `districtAdvice` criterion reads it.
 *
 * Combination rule: a municipality may be assessed several times (against several shortlists, or
 * re-assessed). The engine uses its LATEST assessment (latest `assessed_at`, ties by the later
 * recorded row), whichever shortlist it was recorded against; the earlier ones stay in the history.
 * A municipality without an assessment has no value (the criterion is left out of its score and
 * its other weights are renormalised, as for any missing value).
 */
import type { Db } from './connection';
import { latestAssessments, type Advice } from './assessments-repo';
import { stmt } from './statements';

/** The current advice per kommunenummer (municipalities without an assessment are absent). */
export function districtAdviceByMunicipality(db: Db): Map<string, Advice> {
  const out = new Map<string, Advice>();
  for (const [knr, a] of latestAssessments(db)) out.set(knr, a.advice);
  return out;
}

/**
 * A cheap fingerprint of the assessments: changes whenever one is recorded or removed. With `policeDistrict`, of that
 * district's assessments only: what a district leader's view rests on (they see no other district's advice, so
 * another district's assessment must not show as a change, nor its count as a figure).
 */
export function assessmentsRevision(db: Db, policeDistrict: string | null = null): string {
  const r = (policeDistrict === null
    ? stmt(db, 'SELECT count(*) AS n, coalesce(max(id), 0) AS m FROM district_assessments').get()
    : stmt(db, 'SELECT count(*) AS n, coalesce(max(id), 0) AS m FROM district_assessments WHERE police_district = ?').get(policeDistrict)) as { n: number; m: number };
  return policeDistrict === null ? `a${r.n}.${r.m}` : `a${r.n}.${r.m}@${policeDistrict}`;
}
