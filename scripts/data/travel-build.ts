/**
 * Builds the land/sea travel model end to end for `build-data.ts`: the raster with its fixed links and remote
 * land, the calibration on TØI (fit and 10-fold cross-validation), and the sparse travel-time matrix.
 * See `src/geo/travel-model.ts` for the model and `data/SOURCES.md` for the figures.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { buildLandGrid, drawLinks, snapToLand, type LandGrid, type LandSnap } from '../../src/geo/land-grid';
import { markRemoteLand } from '../../src/geo/remote-land';
import type { LonLat } from '../../src/geo';
import type { LandSeaParams } from '../../src/geo/travel-model';
import type { CalibrationPair } from './calibration';
import { FIXED_LINKS, placeLinks, SEA_BARRIERS, type PlacedLink } from './fixed-links';
import { crossValidate, defaultRateGrid, fitOnSubset, pairCosts, type CrossValidation, type GridPair, type PairCosts } from './travel-fit';

/** The raster, ready for searches: links drawn; remote land not yet marked. */
export interface TravelGrid {
  grid: LandGrid;
  links: PlacedLink[];
  /** Snaps a point to the land of its kommune (any land when the kommune has none within 40 km). */
  snap: (lonLat: LonLat, kommunenummer: string) => LandSnap;
}

/**
 * Rasterises the kommune polygons (in `codes` order) and draws the fixed links.
 * @throws Error naming a link whose shores cannot be found
 */
export function travelGrid(areas: readonly (Polygon | MultiPolygon)[], codes: readonly string[]): TravelGrid {
  const grid = buildLandGrid(areas, { barriers: SEA_BARRIERS });
  const index = new Map(codes.map((c, i) => [c, i]));
  const ownerIndex = (k: string) => index.get(k) ?? -1;
  const links = placeLinks(grid, FIXED_LINKS, ownerIndex);
  drawLinks(grid, links.flatMap((l) => (l.from && l.to ? [{ from: l.from, to: l.to }] : [])));
  const snap = (lonLat: LonLat, kommunenummer: string): LandSnap => {
    const s = snapToLand(grid, lonLat, ownerIndex(kommunenummer)) ?? snapToLand(grid, lonLat);
    if (!s) throw new Error(`no land within 40 km of ${lonLat.join(',')} (${kommunenummer})`);
    return s;
  };
  return { grid, links, snap };
}

/** The fitted model with its in-sample and cross-validated predictions. */
export interface TravelFit {
  params: LandSeaParams;
  /** The chosen grid point's path costs (land-km equivalents) and crossings, per pair. */
  chosen: PairCosts;
  inSample: Float64Array;
  cv: CrossValidation;
  observed: number[];
  gridPoints: number;
}

/**
 * Fits the model on the calibration pairs over the default grid, with 10-fold cross-validation.
 * Leaves `tg.grid.remote` marked for the chosen distance.
 * @param settlements LAND cells of the populated places (for remote land)
 * @param pointOf the point that stands for a kommune (its main populated place)
 */
export function fitTravel(tg: TravelGrid, pairs: readonly CalibrationPair[], settlements: readonly number[], pointOf: (k: string) => LonLat): TravelFit {
  const gridPairs: GridPair[] = pairs.map((p) => ({
    from: tg.snap(pointOf(p.kommunenummer), p.kommunenummer),
    to: p.centres.map((c) => tg.snap(pointOf(c), c)),
    observedMin: p.toiMin,
  }));
  const observed = gridPairs.map((p) => p.observedMin);
  const all: PairCosts[] = [];
  const g = defaultRateGrid;
  for (const remoteKm of g.remoteKm) {
    markRemoteLand(tg.grid, settlements, remoteKm);
    for (const remoteRatio of g.remoteRatios) for (const seaRatio of g.seaRatios) for (const ferryLandKm of g.ferryLandKm) {
      all.push(pairCosts(tg.grid, gridPairs, { remoteKm, remoteRatio, seaRatio, ferryLandKm }));
    }
  }
  const fit = fitOnSubset(all, observed, observed.map((_, i) => i));
  const chosen = all[fit.choice];
  markRemoteLand(tg.grid, settlements, chosen.remoteKm);
  const inSample = Float64Array.from(observed, (_, i) => fit.params.interceptMin + fit.params.landMinPerKm * chosen.cost[i]);
  return { params: fit.params, chosen, inSample, cv: crossValidate(all, observed, 10), observed, gridPoints: all.length };
}
