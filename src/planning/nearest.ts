/**
 * Nearest existing stations to a point, with straight-line km and estimated drive minutes (the
 * calibrated travel model of `src/geo/travel.ts`). Pure.
 */
import { estimateDriveMin, haversineKm, type LonLat, type TravelModel } from '../geo';

export interface NearbyStation {
  id: string;
  name: string;
  place: string;
  distanceKm: number;
  driveMin: number;
}

/**
 * The `count` stations closest to `from` (by straight-line distance).
 * @param from `[lon, lat]`
 * @param stations candidates with `lon`/`lat`
 * @param model the travel model; @param count how many (default 3)
 */
export function nearestStations(
  from: LonLat, stations: readonly { id: string; name: string; place: string; lon: number; lat: number }[], model: TravelModel, count = 3,
): NearbyStation[] {
  return stations
    .map((s) => ({ s, km: haversineKm(from, [s.lon, s.lat]) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count)
    .map(({ s, km }) => ({ id: s.id, name: s.name, place: s.place, distanceKm: km, driveMin: estimateDriveMin(km, model) }));
}
