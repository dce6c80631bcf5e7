/**
 * Which travel-time model a scenario uses, and the one short label every page and export shows next to a drive
 * time. `builtin` is the land/sea model of `data/travel-model.json` (its matrix is `data/travel-times.txt`); a
 * number is a matrix imported from a router (`src/import/travel-matrix-import.ts`).
 */
import type { Db } from '../db/connection';
import { getMeta } from '../db/load-dataset';
import { getTravelMatrixInfo, loadTravelMatrix, type TravelMatrixInfo } from '../db/travel-matrices-repo';
import { parseTravelTimes } from '../data/travel-times';
import { NotFoundError } from '../common/errors';
import { say, type Locale } from '../common/i18n';
import type { TravelMatrix } from '../model/travel-matrix';

/** A scenario's `travelModel` parameter: 'builtin' or the id of an imported matrix (as text). */
export type TravelModelRef = string;

/** What a page needs to know about the model behind its minutes. */
export interface TravelModelInfo {
  ref: TravelModelRef;
  kind: 'builtin' | 'imported';
  /** The built-in model's version, or the imported matrix's provenance. */
  version?: number;
  imported?: TravelMatrixInfo;
  /** Minutes per straight-line km over land of the built-in model (used for the short leg to offered premises). */
  landMinPerKm: number;
}

/** The built-in model's parameters as committed (`data/travel-model.json`, `params`). */
export interface BuiltinModelJson {
  id: string;
  version: number;
  params: { interceptMin: number; landMinPerKm: number; remoteLandMinPerKm: number; remoteKm: number; seaMinPerKm: number; ferryPenaltyMin: number };
  calibration?: { crossValidated?: { overall?: { medianAbsErrorMin: number; p90AbsErrorMin: number } } };
  /** Residents within and beyond 45 minutes of the open stations, and the police's published share (data build). */
  national?: {
    population: number; beyond45: number; shareWithin45: number; policeReported: number; policeBeyond45Approx: number; policeSource: string;
    /** The same count under the model's own error (`engine/beyond-error.ts`): expectation and a 90 % interval of draws. */
    underModelError?: { beyond45: number; shareWithin45: number; beyond45P05: number; beyond45P95: number; residuals: number };
  };
}

/**
 * The short label of a model (one place for every page and export), from the catalogue (`tm.label.*`).
 * @returns e.g. "Innebygd land/sjø-modell v2 (TØI-kalibrert)" or "Importert matrise «OSRM 2024» (nr. 3)"
 */
export function travelModelLabel(info: Pick<TravelModelInfo, 'kind' | 'version' | 'imported'>, locale: Locale = 'nb'): string {
  if (info.kind === 'imported' && info.imported) return say(locale, 'tm.label.imported', { name: info.imported.name, id: info.imported.id });
  return say(locale, 'tm.label.builtin', { version: info.version ?? 2 });
}

/** The committed model JSON as loaded into the database. */
export function builtinModel(db: Db): BuiltinModelJson {
  const model = JSON.parse(getMeta(db, 'travel_model') ?? 'null') as BuiltinModelJson | null;
  if (!model || !model.params || !(model.params.landMinPerKm > 0)) throw new Error('the travel model is not loaded; start the app once to load data/');
  return model;
}

let builtinCache: { hash: string; matrix: TravelMatrix } | null = null;

/**
 * The matrix and description of a model.
 * @throws NotFoundError when `ref` names no imported matrix
 */
export function resolveTravelModel(db: Db, ref: TravelModelRef = 'builtin'): { info: TravelModelInfo; matrix: TravelMatrix } {
  const model = builtinModel(db);
  if (ref === 'builtin') {
    const hash = getMeta(db, 'data_hash') ?? '';
    if (!builtinCache || builtinCache.hash !== hash) {
      builtinCache = { hash, matrix: parseTravelTimes(getMeta(db, 'travel_times') ?? '').matrix };
    }
    return { info: { ref, kind: 'builtin', version: model.version, landMinPerKm: model.params.landMinPerKm }, matrix: builtinCache.matrix };
  }
  const loaded = /^\d+$/.test(ref) ? loadTravelMatrix(db, Number(ref)) : null;
  if (!loaded) throw new NotFoundError({ key: 'err.noMatrix', params: { id: ref } });
  return { info: { ref, kind: 'imported', imported: loaded.info, landMinPerKm: model.params.landMinPerKm }, matrix: loaded.matrix };
}

/** The description of a model without loading its matrix (for labels). */
export function describeTravelModel(db: Db, ref: TravelModelRef = 'builtin'): TravelModelInfo {
  const model = builtinModel(db);
  if (ref === 'builtin') return { ref, kind: 'builtin', version: model.version, landMinPerKm: model.params.landMinPerKm };
  const imported = /^\d+$/.test(ref) ? getTravelMatrixInfo(db, Number(ref)) : null;
  if (!imported) throw new NotFoundError({ key: 'err.noMatrix', params: { id: ref } });
  return { ref, kind: 'imported', imported, landMinPerKm: model.params.landMinPerKm };
}
