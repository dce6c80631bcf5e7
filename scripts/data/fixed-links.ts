/**
 * Fixed links that the land/sea travel model treats as land: road bridges and subsea road tunnels across water
 * that the 1 km raster would otherwise see as sea (and charge a ferry crossing for). The list is short on
 * purpose: only crossings wider than about a kilometre, or where the raster leaves a gap, that carry a public
 * road today (2024).
 *
 * Facts (name, kind, opening year, length, the two shores) are from the Wikipedia article named in `source`,
 * which cites Statens vegvesen; the coordinates are the two shores read off the committed kommune polygons
 * (data/kommuner.geojson) at the places the article names, to about 0.005°. The build checks that each end
 * lies on land of the kommune given in `ends` (within 2 km) and reports the sea cells each link bridges.
 *
 * Also the two sea-border barriers of the sea flood fill (see `src/geo/land-grid.ts`): the border with Sweden
 * from the mouth of Iddefjorden (Svinesund) out between Hvaler and Koster, and the border with Russia at
 * Grense Jakobselv (Kartverket's border points; positions to about 0.05°).
 */
import { haversineKm } from '../../src/engine';
import { type LonLat } from '../../src/geo';
import { cellCentre, cellLonLat, forEachCellOnSegment, LAND, landComponents, snapToLand, type LandGrid } from '../../src/geo/land-grid';
import { projectKm } from '../../src/geo/projection';

/** A bridge or tunnel treated as land. */
export interface FixedLink {
  name: string;
  kind: 'bridge' | 'tunnel' | 'bridges' | 'road';
  opened: number;
  /** Length of the crossing in metres (from the source). */
  lengthM: number;
  /** Position of the structure (`[lon, lat]`): the source's coordinates, or the strait it crosses. */
  at: LonLat;
  /** kommunenummer of the two shores. */
  ends: [string, string];
  /** For a link between two shores of one kommune: a point on each shore (the two islands, or island and mainland). */
  sides?: [LonLat, LonLat];
  /** Search radius around `at`, km (default: half the length plus 2 km, at least 3 km); wider where the raster lost a small island the link lands on. */
  searchKm?: number;
  source: string;
}

const wiki = (title: string): string => `https://en.wikipedia.org/wiki/${title}`;

export const FIXED_LINKS: readonly FixedLink[] = [
  // Troms and Finnmark
  { name: 'Tromsøysundtunnelen', kind: 'tunnel', opened: 1994, lengthM: 3500, at: [19.00889, 69.67417], ends: ['5501', '5501'], sides: [[18.97, 69.68], [19.04, 69.66]], source: wiki('Tromsøysund_Tunnel') },
  { name: 'Sandnessundbrua', kind: 'bridge', opened: 1974, lengthM: 1220, at: [18.88, 69.63], ends: ['5501', '5501'], sides: [[18.92, 69.63], [18.82, 69.63]], source: wiki('Sandnessund_Bridge') },
  { name: 'Kvalsundtunnelen (Kvaløya–Ringvassøya)', kind: 'tunnel', opened: 1988, lengthM: 1650, at: [19.0144, 69.8133], ends: ['5501', '5501'], sides: [[19.0, 69.79], [19.03, 69.84]], source: wiki('Kvalsund_Tunnel') },
  { name: 'Gisundbrua', kind: 'bridge', opened: 1972, lengthM: 1147, at: [17.97, 69.235], ends: ['5530', '5530'], sides: [[18.0, 69.225], [17.93, 69.245]], source: wiki('Gisund_Bridge') },
  { name: 'Ibestadtunnelen (Rolla–Andørja)', kind: 'tunnel', opened: 2000, lengthM: 3398, at: [17.18, 68.82], ends: ['5514', '5514'], sides: [[17.08, 68.80], [17.30, 68.82]], source: wiki('Ibestad_Tunnel') },
  { name: 'Mjøsundbrua', kind: 'bridge', opened: 1994, lengthM: 840, at: [17.46083, 68.88917], ends: ['5514', '5522'], source: wiki('Mjøsund_Bridge') },
  { name: 'Maursundtunnelen (Skjervøy)', kind: 'tunnel', opened: 1990, lengthM: 2122, at: [20.70, 69.965], ends: ['5542', '5542'], sides: [[20.72, 70.02], [20.58, 69.93]], searchKm: 5, source: wiki('Skjervøy') },
  { name: 'Skattørsundbrua (Skjervøya–Kågen)', kind: 'bridge', opened: 1971, lengthM: 800, at: [20.924, 70.0], ends: ['5542', '5542'], sides: [[20.96, 70.03], [20.85, 69.99]], searchKm: 3.5, source: wiki('Skjervøya') },
  { name: 'Kvalsundbrua (Hammerfest)', kind: 'bridge', opened: 1977, lengthM: 741, at: [24.0, 70.5], ends: ['5603', '5603'], sides: [[24.05, 70.47], [23.95, 70.53]], source: wiki('Kvalsund_Bridge') },
  { name: 'Nordkapptunnelen', kind: 'tunnel', opened: 1999, lengthM: 6875, at: [25.694, 70.921], ends: ['5620', '5620'], sides: [[25.68333, 70.89167], [25.70556, 70.95]], source: wiki('North_Cape_Tunnel') },
  { name: 'Vardøtunnelen', kind: 'tunnel', opened: 1982, lengthM: 2892, at: [31.06, 70.36], ends: ['5634', '5634'], sides: [[31.0, 70.34], [31.1, 70.37]], source: wiki('Vardø_Tunnel') },
  // Nordland: Vesterålen, Lofoten, Helgeland
  { name: 'Tjeldsundbrua', kind: 'bridge', opened: 1967, lengthM: 1007, at: [16.50, 68.57], ends: ['5512', '5512'], sides: [[16.45, 68.58], [16.55, 68.56]], source: wiki('Tjeldsund_Bridge') },
  { name: 'Sortlandsbrua', kind: 'bridge', opened: 1975, lengthM: 948, at: [15.43, 68.70], ends: ['1870', '1870'], sides: [[15.40, 68.70], [15.47, 68.70]], source: wiki('Sortland_Bridge') },
  { name: 'Andøybrua', kind: 'bridge', opened: 1974, lengthM: 750, at: [15.64, 68.97], ends: ['1871', '1871'], sides: [[15.62, 68.99], [15.67, 68.95]], source: wiki('Andøy_Bridge') },
  { name: 'Hadselbrua', kind: 'bridge', opened: 1978, lengthM: 1020, at: [14.93, 68.575], ends: ['1866', '1866'], sides: [[14.90, 68.56], [14.95, 68.60]], source: wiki('Hadsel_Bridge') },
  { name: 'Raftsundbrua', kind: 'bridge', opened: 1998, lengthM: 711, at: [15.19184, 68.45711], ends: ['1866', '1866'], sides: [[15.15, 68.46], [15.24, 68.455]], source: wiki('Raftsund_Bridge') },
  { name: 'Gimsøystraumen bru', kind: 'bridge', opened: 1981, lengthM: 839, at: [14.29, 68.29], ends: ['1865', '1865'], sides: [[14.33, 68.28], [14.24, 68.30]], source: wiki('Gimsøystraumen_Bridge') },
  { name: 'Sundklakkstraumen bru', kind: 'bridge', opened: 1976, lengthM: 271, at: [14.15556, 68.26806], ends: ['1865', '1860'], source: wiki('Sundklakkstraumen_Bridge') },
  { name: 'Nappstraumtunnelen', kind: 'tunnel', opened: 1990, lengthM: 1776, at: [13.44, 68.10], ends: ['1860', '1859'], source: wiki('Nappstraum_Tunnel') },
  { name: 'Helgelandsbrua', kind: 'bridge', opened: 1991, lengthM: 1065, at: [12.64, 66.02], ends: ['1820', '1822'], source: wiki('Helgeland_Bridge') },
  { name: 'Engeløybrua', kind: 'bridge', opened: 1978, lengthM: 500, at: [15.155, 67.903], ends: ['1848', '1848'], sides: [[15.155, 67.93], [15.16, 67.88]], searchKm: 3, source: wiki('Engeløya') },
  // Trøndelag, Møre og Romsdal
  { name: 'Nærøysundbrua', kind: 'bridge', opened: 1981, lengthM: 701, at: [11.25, 64.845], ends: ['5060', '5060'], sides: [[11.22, 64.85], [11.28, 64.84]], source: wiki('Nærøysund_Bridge') },
  { name: 'Hitratunnelen', kind: 'tunnel', opened: 1994, lengthM: 5645, at: [9.10, 63.475], ends: ['5056', '5055'], sides: [[8.95, 63.55], [9.09, 63.29]], source: wiki('Hitra_Tunnel') },
  { name: 'Frøyatunnelen', kind: 'tunnel', opened: 2000, lengthM: 5305, at: [8.80, 63.678], ends: ['5056', '5014'], source: wiki('Frøya_Tunnel') },
  { name: 'Atlanterhavstunnelen', kind: 'tunnel', opened: 2009, lengthM: 5727, at: [7.69, 63.095], ends: ['1554', '1505'], source: wiki('Atlantic_Ocean_Tunnel') },
  { name: 'Atlanterhavsvegen', kind: 'road', opened: 1989, lengthM: 8274, at: [7.35, 63.02], ends: ['1554', '1579'], source: wiki('Atlantic_Ocean_Road') },
  { name: 'Krifast: Gjemnessundbrua og Freifjordtunnelen', kind: 'tunnel', opened: 1992, lengthM: 5086, at: [7.78, 63.01], ends: ['1557', '1505'], source: wiki('Freifjord_Tunnel') },
  { name: 'Eiksundtunnelen', kind: 'tunnel', opened: 2008, lengthM: 7765, at: [5.9112, 62.2185], ends: ['1516', '1520'], source: wiki('Eiksund_Tunnel') },
  { name: 'Ellingsøytunnelen', kind: 'tunnel', opened: 1987, lengthM: 3481, at: [6.20, 62.49], ends: ['1508', '1508'], sides: [[6.17, 62.47], [6.22, 62.51]], source: wiki('Ellingsøy_Tunnel') },
  { name: 'Valderøytunnelen', kind: 'tunnel', opened: 1987, lengthM: 4222, at: [6.15, 62.51], ends: ['1508', '1532'], source: wiki('Valderøy_Tunnel') },
  { name: 'Ålesund sentrum (Aspøya og Nørvøya)', kind: 'bridges', opened: 1900, lengthM: 300, at: [6.158, 62.466], ends: ['1508', '1508'], sides: [[6.13, 62.466], [6.19, 62.47]], searchKm: 3, source: wiki('Ålesund') },
  { name: 'Giskebrua (Valderøya–Giske)', kind: 'bridge', opened: 1987, lengthM: 552, at: [6.06, 62.51], ends: ['1532', '1532'], sides: [[6.02, 62.505], [6.11, 62.515]], searchKm: 4, source: wiki('Giske_Bridge') },
  { name: 'Godøytunnelen (Giske–Godøya)', kind: 'tunnel', opened: 1989, lengthM: 3844, at: [6.03, 62.494], ends: ['1532', '1532'], sides: [[6.02, 62.505], [6.04, 62.475]], searchKm: 3.5, source: wiki('Godøy_Tunnel') },
  { name: 'Vigrabrua (Valderøya–Vigra)', kind: 'bridge', opened: 1980, lengthM: 1000, at: [6.118, 62.531], ends: ['1532', '1532'], sides: [[6.11, 62.55], [6.12, 62.51]], searchKm: 3, source: wiki('Vigra') },
  { name: 'Herøy: bruene til Hareidlandet', kind: 'bridges', opened: 1976, lengthM: 1500, at: [5.716, 62.31], ends: ['1515', '1515'], sides: [[5.64, 62.335], [5.75, 62.28]], searchKm: 3.5, source: wiki('Herøy,_Møre_og_Romsdal') },
  // Vestland, Rogaland
  { name: 'Trekantsambandet: Bømlafjordtunnelen og Stordabrua (via Føyno)', kind: 'tunnel', opened: 2000, lengthM: 8897, at: [5.43896, 59.72216], ends: ['4612', '4614'], searchKm: 6.5, source: wiki('Bømlafjord_Tunnel') },
  { name: 'Trekantsambandet: Bømlabrua og Spissøybrua (via Føyno)', kind: 'bridges', opened: 2001, lengthM: 1281, at: [5.40, 59.745], ends: ['4614', '4613'], sides: [[5.45, 59.78], [5.26, 59.78]], searchKm: 6, source: wiki('Triangle_Link') },
  { name: 'Karmsundbrua', kind: 'bridge', opened: 1955, lengthM: 691, at: [5.31, 59.35], ends: ['1149', '1149'], sides: [[5.27, 59.35], [5.35, 59.35]], source: wiki('Karmsund_Bridge') },
  { name: 'Ryfast: Hundvågtunnelen', kind: 'tunnel', opened: 2019, lengthM: 5700, at: [5.72, 58.98], ends: ['1103', '1103'], sides: [[5.70, 58.965], [5.75, 58.995]], source: wiki('Ryfast') },
  { name: 'Ryfast: Ryfylketunnelen', kind: 'tunnel', opened: 2019, lengthM: 14400, at: [5.86, 59.01], ends: ['1103', '1130'], source: wiki('Ryfylke_Tunnel') },
  { name: 'Rennfast: Byfjordtunnelen', kind: 'tunnel', opened: 1992, lengthM: 5875, at: [5.65, 59.045], ends: ['1127', '1103'], source: wiki('Byfjord_Tunnel') },
  { name: 'Rennfast: Mastrafjordtunnelen', kind: 'tunnel', opened: 1992, lengthM: 4424, at: [5.675, 59.09], ends: ['1103', '1103'], sides: [[5.66, 59.07], [5.69, 59.12]], source: wiki('Mastrafjord_Tunnel') },
  { name: 'Øygarden: bruene ved Rong', kind: 'bridges', opened: 1990, lengthM: 1000, at: [4.951, 60.456], ends: ['4626', '4626'], sides: [[4.90, 60.51], [4.97, 60.43]], searchKm: 3, source: wiki('Øygarden') },
  { name: 'Halsnøytunnelen', kind: 'tunnel', opened: 2008, lengthM: 4120, at: [5.82, 59.786], ends: ['4617', '4617'], sides: [[5.78, 59.78], [5.87, 59.79]], searchKm: 3, source: wiki('Halsnøy_Tunnel') },
  { name: 'Finnfast (Finnøy–Rennesøy)', kind: 'tunnel', opened: 2009, lengthM: 5700, at: [5.778, 59.131], ends: ['1103', '1103'], sides: [[5.82, 59.16], [5.73, 59.11]], searchKm: 4, source: wiki('Finnfast') },
  { name: 'Sotrabrua', kind: 'bridge', opened: 1971, lengthM: 1236, at: [5.19, 60.37], ends: ['4601', '4626'], source: wiki('Sotra_Bridge') },
  { name: 'Askøybrua', kind: 'bridge', opened: 1992, lengthM: 1057, at: [5.23, 60.41], ends: ['4601', '4627'], source: wiki('Askøy_Bridge') },
  { name: 'Nordhordlandsbrua', kind: 'bridge', opened: 1994, lengthM: 1615, at: [5.265, 60.49], ends: ['4601', '4631'], source: wiki('Nordhordland_Bridge') },
  { name: 'Hardangerbrua', kind: 'bridge', opened: 2013, lengthM: 1380, at: [6.83139, 60.47944], ends: ['4619', '4620'], source: wiki('Hardanger_Bridge') },
  // Østlandet
  { name: 'Hvaler: bruene Kråkerøy–Vesterøy', kind: 'bridges', opened: 1989, lengthM: 1000, at: [10.925, 59.128], ends: ['3107', '3110'], searchKm: 3, source: wiki('Hvaler') },
  { name: 'Hvalertunnelen', kind: 'tunnel', opened: 1989, lengthM: 3751, at: [10.965, 59.075], ends: ['3110', '3110'], sides: [[10.93, 59.08], [11.0, 59.06]], source: wiki('Hvaler_Tunnel') },
  { name: 'Oslofjordtunnelen', kind: 'tunnel', opened: 2000, lengthM: 7306, at: [10.59, 59.665], ends: ['3203', '3214'], source: wiki('Oslofjord_Tunnel') },
];

/** Polylines the sea flood may not cross: the sea borders with Sweden (Svinesund) and Russia (Grense Jakobselv). */
export const SEA_BARRIERS: readonly (readonly LonLat[])[] = [
  [[11.27, 59.11], [11.15, 59.02], [11.09, 58.96], [10.95, 58.90], [10.60, 58.50], [10.5, 57.0]],
  [[30.83, 69.79], [31.6, 69.85], [33, 69.95]],
];

/** A link as drawn on the grid. */
export interface PlacedLink {
  name: string;
  /** `drawn`: the link was drawn as land; `joined`: the raster already joins the two shores here, nothing drawn. */
  status: 'drawn' | 'joined';
  from: [number, number] | null;
  to: [number, number] | null;
  lengthKm: number;
}

/**
 * Places each link on a grid that has no links yet, at the closest pair of shore cells across water near the
 * structure: one LAND cell of each end's kommune (or, with `sides`, of the land component under each side
 * point) within half the link's length plus 1.5 km of `at`, on different land components when the kommune is
 * the same, such that the straight segment between them crosses a cell that is not land. When there is no such
 * pair because the 1 km raster already joins the two shores (a narrow strait drawn as land), nothing is drawn.
 * @throws Error naming the link when its shores are neither joined nor found
 */
export function placeLinks(grid: LandGrid, links: readonly FixedLink[], ownerIndex: (kommunenummer: string) => number): PlacedLink[] {
  const comp = landComponents(grid);
  return links.map((l) => {
    const radius = l.searchKm ?? Math.max(3, l.lengthM / 2000 + 2);
    const near = cellsNear(grid, projectKm(l.at), radius);
    const sideOf = (i: 0 | 1): number[] => {
      const owner = ownerIndex(l.ends[i]);
      if (owner < 0) throw new Error(`fixed link ${l.name}: unknown kommune ${l.ends[i]}`);
      if (!l.sides) return near.filter((c) => grid.owner[c] === owner);
      const snap = snapToLand(grid, l.sides[i], owner, 10);
      if (!snap) throw new Error(`fixed link ${l.name}: no land of ${l.ends[i]} within 10 km of side ${i + 1}`);
      return near.filter((c) => comp[c] === comp[snap.cell]);
    };
    const pa = sideOf(0);
    const pb = sideOf(1);
    const distinctComponents = l.ends[0] === l.ends[1];
    let best: { d: number; p: number; q: number } | null = null;
    for (const p of pa) {
      const pc = cellCentre(grid, p);
      for (const q of pb) {
        if (p === q || (distinctComponents && comp[p] === comp[q])) continue;
        const qc = cellCentre(grid, q);
        const d = Math.hypot(pc.x - qc.x, pc.y - qc.y);
        if ((!best || d < best.d || (d === best.d && (p < best.p || (p === best.p && q < best.q)))) && crossesWater(grid, pc, qc)) best = { d, p, q };
      }
    }
    if (!best) {
      const joined = pa.some((p) => pb.some((q) => comp[p] === comp[q]));
      if (joined) return { name: l.name, status: 'joined', from: null, to: null, lengthKm: 0 };
      throw new Error(`fixed link ${l.name}: no shores of ${l.ends.join(' and ')} across water within ${radius.toFixed(1)} km of its position`);
    }
    const r = (v: number) => Math.round(v * 1e5) / 1e5;
    const from = cellLonLat(grid, best.p);
    const to = cellLonLat(grid, best.q);
    return { name: l.name, status: 'drawn', from: [r(from[0]), r(from[1])], to: [r(to[0]), r(to[1])], lengthKm: haversineKm(from, to) };
  });
}

function crossesWater(grid: LandGrid, a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  let water = false;
  forEachCellOnSegment(grid, a, b, (cell) => { if (grid.kind[cell] !== LAND) water = true; });
  return water;
}

function cellsNear(grid: LandGrid, centre: { x: number; y: number }, radiusKm: number): number[] {
  const out: number[] = [];
  const c0 = Math.floor((centre.x - grid.x0) / grid.cellKm);
  const r0 = Math.floor((centre.y - grid.y0) / grid.cellKm);
  const n = Math.ceil(radiusKm / grid.cellKm);
  for (let row = Math.max(0, r0 - n); row <= Math.min(grid.height - 1, r0 + n); row++) {
    for (let col = Math.max(0, c0 - n); col <= Math.min(grid.width - 1, c0 + n); col++) {
      const cell = row * grid.width + col;
      const cc = cellCentre(grid, cell);
      if (grid.kind[cell] === LAND && Math.hypot(cc.x - centre.x, cc.y - centre.y) <= radiusKm) out.push(cell);
    }
  }
  return out;
}
