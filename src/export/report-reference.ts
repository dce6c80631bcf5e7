/**
 * What the method text compares the proposal's world with: how many open police stations the model counts, and,
 * for the built-in travel model, the national share of residents within 45 minutes of them next to the share the
 * police published (98.6 %, Politidirektoratet on POD's decision of 13.01.2017, reported by NRK). The figures are
 * computed once, at data build (`data/travel-model.json`, `national`; see data/SOURCES.md); this module only reads
 * them, so the report and SOURCES.md print the same numbers.
 */
import type { Db } from '../db/connection';
import { listStations } from '../db/municipalities-repo';
import { builtinModel } from '../planning/travel-models';

/** The reference figures of the method text. */
export interface MethodReference {
  /** Open police stations the model treats as open (data/stations.csv). */
  stations: number;
  /** The built-in model's national figures; null when the scenario uses an imported matrix (not computed for it). */
  model: {
    shareWithin45: number; beyond45: number; population: number;
    /** The same under the model's cross-validated error: expected beyond, its share within, and a 90 % interval of draws. */
    underError: { shareWithin45: number; beyond45: number; p05: number; p95: number; medianAbsErrorMin: number | null } | null;
  } | null;
  /** The police's published share within 45 minutes, the residents beyond it implies today, and its source. */
  police: { share: number; beyondApprox: number; source: string } | null;
}

/** The reference figures for a scenario's travel model (`builtin` or an imported matrix's id). */
export function methodReference(db: Db, travelModel: string | undefined): MethodReference {
  const builtin = builtinModel(db);
  const national = builtin.national;
  return {
    stations: listStations(db).length,
    model: national && (travelModel ?? 'builtin') === 'builtin'
      ? {
        shareWithin45: national.shareWithin45, beyond45: national.beyond45, population: national.population,
        underError: national.underModelError
          ? { shareWithin45: national.underModelError.shareWithin45, beyond45: national.underModelError.beyond45, p05: national.underModelError.beyond45P05, p95: national.underModelError.beyond45P95,
            medianAbsErrorMin: builtin.calibration?.crossValidated?.overall?.medianAbsErrorMin ?? null }
          : null,
      }
      : null,
    police: national ? { share: national.policeReported, beyondApprox: national.policeBeyond45Approx, source: national.policeSource } : null,
  };
}
