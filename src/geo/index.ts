/** Public surface of `src/geo`: pure geometry helpers with explicit units (km, minutes, `[lon, lat]`). */
export { EARTH_RADIUS_KM, haversineKm, haversineKmScalar } from './distance';
export type { LonLat } from './distance';
export { estimateDriveMin } from './travel';
export type { TravelModel, TravelModelParams } from './travel';
export { distanceToAreaKm, isPointInArea, locatePoint } from './polygon';
export type { AreaFeature, PointLocation } from './polygon';
