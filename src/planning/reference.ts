/**
 * What a scenario may name: the municipalities and police districts of the loaded data, read
 * once per data hash (the edge checks every request's `include`, `exclude` and district rules).
 */
import type { Db } from '../db/connection';
import { getMeta } from '../db/load-dataset';
import { listMunicipalities, listPoliceDistricts } from '../db/municipalities-repo';
import type { ScenarioReference } from '../model/scenario';

const cache = new WeakMap<Db, { hash: string | null; ref: ScenarioReference }>();

/** The reference data for scenario checks, cached per database and data hash. */
export function scenarioReference(db: Db): ScenarioReference {
  const hash = getMeta(db, 'data_hash');
  const hit = cache.get(db);
  if (hit && hit.hash === hash) return hit.ref;
  const ref: ScenarioReference = {
    kommunenummer: new Set(listMunicipalities(db).map((m) => m.kommunenummer)),
    districts: new Set(listPoliceDistricts(db).map((d) => d.name)),
  };
  cache.set(db, { hash, ref });
  return ref;
}
