/** Public surface of `src/geo`: pure geometry helpers with explicit units (km, minutes, `[lon, lat]`). */
export { EARTH_RADIUS_KM } from './earth';
export type { LonLat } from './earth';
export { projectKm, unprojectKm, CENTRAL_MERIDIAN_DEG } from './projection';
export type { XyKm } from './projection';
export { BLOCKED, SEA, LAND, buildLandGrid, cellAt, cellCentre, cellLonLat, drawLinks, landComponents, snapToLand, defaultLandGridOptions } from './land-grid';
export type { LandGrid, LandGridOptions, LandSnap } from './land-grid';
export { CostDistance } from './cost-distance';
export type { CostRates, CostSource, RunOptions } from './cost-distance';
export { markRemoteLand } from './remote-land';
export { minutesFromCost, searchRates } from './travel-model';
export type { LandSeaParams } from './travel-model';
export { snapIntoArea } from './snap';
export type { SnapResult } from './snap';
export { distanceToAreaKm, isPointInArea, locatePoint } from './polygon';
export type { AreaFeature, PointLocation } from './polygon';
