/**
 * Access indicators: nearest station per demand point and per kommune centre, by the committed drive-time
 * model (`src/geo/travel.ts`). Nearest by straight-line distance equals nearest by minutes because the model is
 * increasing in distance.
 */
import { estimateDriveMin, haversineKm } from '../../src/geo';
import type { LonLat, TravelModel } from '../../src/geo';

export interface Site {
  id: string;
  lon: number;
  lat: number;
}

/** Nearest site to a point: id, km and estimated minutes. */
export function nearestSite(p: LonLat, sites: readonly Site[], model: TravelModel) {
  let best = { id: '', distanceKm: Infinity };
  for (const s of sites) {
    const d = haversineKm(p, [s.lon, s.lat]);
    if (d < best.distanceKm || (d === best.distanceKm && s.id < best.id)) best = { id: s.id, distanceKm: d };
  }
  if (!best.id) throw new Error('nearestSite: sites must not be empty');
  return { ...best, driveMin: estimateDriveMin(best.distanceKm, model) };
}
