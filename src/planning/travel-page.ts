/**
 * What a municipality's page says about the minutes it shows: which model they come from (one label), the place
 * they are measured from, and whether the municipality has so few demand points over so large an area that its
 * drive figures are coarse.
 */
import type { PlanningContext } from './context';
import { travelModelLabel } from './travel-models';

/** A municipality counts as sparsely represented with at most this many demand points … */
export const SPARSE_MAX_POINTS = 2;
/** … over at least this many km². */
export const SPARSE_MIN_AREA_KM2 = 300;

export interface TravelPageInfo {
  modelLabel: string;
  /** The main populated place the nearest-station minutes are measured from, e.g. "Hansnes (9130)". */
  placeLabel: string;
  demandPoints: number;
  areaKm2: number;
  /** True when the municipality has ≤ 2 demand points over ≥ 300 km² (e.g. Bardu: one point for 2,704 km²). */
  sparse: boolean;
}

/** The travel facts of one municipality under the context's model. */
export function travelPageInfo(context: PlanningContext, kommunenummer: string, locale: 'nb' | 'en'): TravelPageInfo {
  const m = context.municipalities.find((x) => x.kommunenummer === kommunenummer);
  const access = context.access.get(kommunenummer);
  const place = context.allSites.find((s) => s.kind === 'place' && s.kommunenummer === kommunenummer && s.centrePlace !== '');
  const demandPoints = access?.demandPoints ?? 0;
  const areaKm2 = m?.areaKm2 ?? 0;
  return {
    modelLabel: travelModelLabel(context.travelModel, locale),
    placeLabel: place?.label ?? '',
    demandPoints,
    areaKm2,
    sparse: demandPoints <= SPARSE_MAX_POINTS && areaKm2 >= SPARSE_MIN_AREA_KM2,
  };
}
