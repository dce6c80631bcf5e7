/**
 * Builds the committed data files in `data/` from the raw files in `shared/data` (see data/SOURCES.md).
 *
 *   npm run data:build -- [--shared DIR] [--out DIR]
 *
 * Defaults: --shared ../shared/data and --out data, both relative to the repository root. Output is
 * deterministic (no timestamps); a summary of every check is printed as JSON on stdout.
 */
import * as path from 'path';
import { area, booleanValid, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { parseArgs } from '../src/cli/args';
import { isPointInArea } from '../src/geo';
import type { LonLat } from '../src/geo';
import { calibrationPairs } from './data/calibration';
import { buildCrime, CRIME_PERIODS, slopePerStep, STATED_NORWAY_TOTALS, SUPPRESSED_NOTE } from './data/crime';
import type { CsvValue } from './data/csv';
import { formatCsv, round } from './data/csv';
import { buildDemandPoints, weightedCentre } from './data/demand';
import type { DemandPoint } from './data/demand';
import { dissolve, repairFeatures, roundFeatures } from './data/geometry';
import { repairArea } from './data/repair';
import { accessByKommune } from './data/indicators';
import { beyondUnderError, relativeResidual } from '../src/engine/beyond-error';
import { FIXED_LINKS } from './data/fixed-links';
import { centrePlace } from './data/places';
import { buildSites, type CandidateSite } from './data/sites';
import * as src from './data/sources';
import { buildStations, type StationOut } from './data/stations';
import { fitTravel, travelGrid } from './data/travel-build';
import { buildTravelMatrix, formatTravelMatrix } from './data/travel-matrix';
import { calibrationReport, calibrationRows } from './data/travel-report';
import { formatFeatureCollection, sha256File, writeText } from './data/write';

type Area = Polygon | MultiPolygon;
const REPO = path.resolve(__dirname, '..');
const THRESHOLD_MIN = 45;
/** Politidirektør Odd Reidar Humlegård on POD's decision of 13.01.2017 (221 tjenestesteder), reported by NRK. */
const POLICE_REPORTED_SHARE_45 = 0.986;
const POLICE_SOURCE = 'https://www.nrk.no/norge/vil-legge-ned-126-av-politiets-tjenestesteder-1.13320667';
/** Pairs more than this many minutes beyond a demand point's nearest station are left out of the matrix. */
const MATRIX_MARGIN_MIN = 30;

function main(): void {
  const { flags } = parseArgs(process.argv.slice(2));
  const shared = path.resolve(REPO, typeof flags.shared === 'string' ? flags.shared : '../shared/data');
  const out = path.resolve(REPO, typeof flags.out === 'string' ? flags.out : 'data');
  const report: Record<string, unknown> = {};

  // Phase 1: the kommune base table, with every source keyed on the same 357 codes.
  const aprestmo = src.readAprestmo(shared);
  const districts = new Map(src.readDistricts(shared).map((d) => [d.kommunenummer, d]));
  const kommGeo = src.readGeoJson(shared, 'kommuner-2024-S.geojson');
  const fylkeGeo = src.readGeoJson(shared, 'fylker-2024-S.geojson');
  const codes = aprestmo.map((k) => k.id).sort();
  const geoByCode = new Map(kommGeo.features.map((f) => [f.properties.kommunenummer.padStart(4, '0'), f]));
  for (const c of codes) {
    if (!districts.has(c)) throw new Error(`no police district for ${c}`);
    if (!geoByCode.has(c)) throw new Error(`no polygon for ${c}`);
  }
  if (codes.length !== 357 || districts.size !== 357 || geoByCode.size !== 357) throw new Error('expected 357 kommuner in every source');
  const population = new Map(aprestmo.map((k) => [k.id, k.population]));
  const popTotal = aprestmo.reduce((s, k) => s + k.population, 0);
  report.kommuner = { count: codes.length, populationTotal: popTotal };

  // Phase 2: boundaries.
  const kommFeatures = codes.map((c) => {
    const f = geoByCode.get(c)!;
    return { type: 'Feature' as const, properties: { kommunenummer: c, name: f.properties.name }, geometry: f.geometry };
  });
  const kommRounded = roundFeatures(kommFeatures, 4);
  const kommRepaired = repairFeatures(kommRounded.features, (p) => p.kommunenummer);
  const fylkeFeatures = [...fylkeGeo.features]
    .sort((a, b) => a.properties.fylkesnummer.localeCompare(b.properties.fylkesnummer))
    .map((f) => ({ type: 'Feature' as const, properties: { fylkesnummer: f.properties.fylkesnummer.padStart(2, '0'), name: f.properties.name }, geometry: f.geometry }));
  const fylkeRounded = roundFeatures(fylkeFeatures, 4);
  const fylkeRepaired = repairFeatures(fylkeRounded.features, (p) => p.fylkesnummer);
  for (const [file, r] of [['kommuner', kommRepaired.report], ['fylker', fylkeRepaired.report]] as const) {
    if (r.kinkPointsAfter > 0) throw new Error(`${file}: self-intersections left after repair`);
  }
  const countyName = new Map(fylkeRepaired.features.map((f) => [f.properties.fylkesnummer, f.properties.name]));
  const polyByCode = new Map(kommRepaired.features.map((f) => [f.properties.kommunenummer, f]));
  const areaKm2 = (g: Area) => round(area(g) / 1e6, 4);
  const boundaryAreas = codes.map((c) => ({ kommunenummer: c, source_area_km2: areaKm2(geoByCode.get(c)!.geometry), derived_area_km2: areaKm2(polyByCode.get(c)!.geometry) }));
  const areaChange = boundaryAreas
    .map((a) => ({ kommunenummer: a.kommunenummer, pct: round((a.derived_area_km2 / a.source_area_km2 - 1) * 100, 4) }))
    .sort((a, b) => Math.abs(b.pct) - Math.abs(a.pct));
  report.geometry = {
    kommuner: { rounding: kommRounded.report, repair: kommRepaired.report, largestAreaChangeVsSourcePct: areaChange.slice(0, 5) },
    fylker: { rounding: fylkeRounded.report, repair: fylkeRepaired.report },
  };

  const districtFeatures: Feature<Area, { police_district_number: string; police_district: string }>[] = [];
  const districtNumbers = [...new Set([...districts.values()].map((d) => d.politidistriktnummer))].sort();
  const dissolveFailures: string[] = [];
  const districtRepairs: Record<string, unknown> = {};
  for (const dn of districtNumbers) {
    const members = codes.filter((c) => districts.get(c)!.politidistriktnummer === dn);
    const merged = dissolve(members.map((c) => polyByCode.get(c)!.geometry));
    if (!merged) {
      dissolveFailures.push(dn);
      continue;
    }
    // repairArea rounds union's off-grid intersection vertices to 6 dp, not 4 (snapping them to 4 dp created kinks,
    // Agder 0 → 34), drops gap slivers between neighbouring kommuner and separates rings that touch at a vertex.
    const repaired = repairArea(merged);
    if (repaired.kinkPoints > 0) throw new Error(`district ${dn}: self-intersections left after repair`);
    districtRepairs[dn] = { slivers: repaired.slivers, sliverKm2: round(repaired.sliverKm2, 5), touchesSeparated: repaired.touchesSeparated, dp: repaired.dp };
    districtFeatures.push({
      type: 'Feature',
      properties: { police_district_number: dn, police_district: districts.get(members[0])!.politidistriktnavn },
      geometry: repaired.geometry,
    });
  }
  report.districtsDissolved = {
    count: districtFeatures.length,
    failures: dissolveFailures,
    repairs: districtRepairs,
    kinkPoints: Object.fromEntries(districtFeatures.map((f) => [f.properties.police_district_number, kinks(f.geometry).features.length])),
    invalid: districtFeatures.filter((f) => !booleanValid(f.geometry)).map((f) => f.properties.police_district_number),
    memberKinkPoints: Object.fromEntries(districtNumbers.map((dn) => [dn, codes.filter((c) => districts.get(c)!.politidistriktnummer === dn).reduce((s, c) => s + kinks(polyByCode.get(c)!.geometry).features.length, 0)])),
  };

  // Phase 3: demand points and weighted centres.
  const derived = new Map(src.readDerivedCentres(shared).map((d) => [d.kommunenummer, d]));
  const demand = buildDemandPoints(
    src.readBolstad(shared),
    aprestmo.map((k) => ({ kommunenummer: k.id, names: [k.name, k.name_no, districts.get(k.id)!.kommunenavn], population: k.population })),
    src.readPostalCodes(shared),
    (c) => [derived.get(c)!.lon, derived.get(c)!.lat],
  );
  if (new Set(demand.points.map((p) => p.id)).size !== demand.points.length) throw new Error('demand point ids are not unique');
  const pointsByCode = new Map<string, DemandPoint[]>();
  for (const p of demand.points) pointsByCode.set(p.kommunenummer, [...(pointsByCode.get(p.kommunenummer) ?? []), p]);
  const centre = new Map<string, LonLat>();
  let maxCentreDiffM = 0;
  let insideCount = 0;
  const insideDisagree: string[] = [];
  const inside = new Map<string, boolean>();
  for (const c of codes) {
    const [lon, lat] = weightedCentre(pointsByCode.get(c)!);
    const ctr: LonLat = [round(lon, 5), round(lat, 5)];
    centre.set(c, ctr);
    const d = derived.get(c)!;
    maxCentreDiffM = Math.max(maxCentreDiffM, Math.hypot((ctr[0] - d.lon) * 111320 * Math.cos((ctr[1] * Math.PI) / 180), (ctr[1] - d.lat) * 110540));
    const isIn = isPointInArea(ctr, polyByCode.get(c)!);
    inside.set(c, isIn);
    if (isIn) insideCount++;
    if (isIn !== d.inside) insideDisagree.push(c);
  }
  report.demand = {
    points: demand.points.length,
    populationTotal: demand.points.reduce((s, p) => s + p.population, 0),
    sourcePopulationTotal: demand.points.reduce((s, p) => s + p.populationSource, 0),
    recode: { ...demand.report, dropped: demand.report.dropped.length, droppedRows: demand.report.dropped },
    fallbackKommuner: demand.fallbackKommuner,
  };
  report.centres = { maxDiffVsDerivedFileM: round(maxCentreDiffM, 1), insideOwnPolygon: insideCount, outside: codes.length - insideCount, insideFlagDisagreesWithDerivedFile: insideDisagree };

  // Phase 4: stations.
  const st = buildStations(src.readStations(shared), src.readPassportOffices(shared));
  const passKm = st.stations.filter((s) => s.passport_office_km !== null).sort((a, b) => (b.passport_office_km as number) - (a.passport_office_km as number));
  report.stations = { count: st.stations.length, excluded: st.excluded, withPassportKm: passKm.length, largestPassportKm: passKm.slice(0, 8).map((s) => `${s.id} ${s.passport_office_km}`) };

  // Phase 5: main populated places, candidate sites, the land/sea travel model and its matrix.
  const places = new Map(codes.map((c) => {
    const k = aprestmo.find((x) => x.id === c)!;
    return [c, centrePlace(c, pointsByCode.get(c)!, k.adm_center, polyByCode.get(c)!.properties.name, centre.get(c)!)] as const;
  }));
  const demandById = new Map(demand.points.map((p) => [p.id, p]));
  const placePoint = (c: string): LonLat => { const p = demandById.get(places.get(c)!.demandPointId)!; return [p.lon, p.lat]; };
  const sites = buildSites(demand.points, (c) => polyByCode.get(c)!.geometry, places);
  report.sites = {
    count: sites.length, moved: sites.filter((x) => x.movedKm > 0).length, maxMovedKm: round(Math.max(...sites.map((x) => x.movedKm)), 3),
    farPostcodes: sites.flatMap((x) => x.farPostcodes.map((p) => `${p} → ${x.id}`)),
    centrePlaceRules: Object.fromEntries(['admin_centre', 'kommune_name', 'nearest_weighted_centre'].map((r) => [r, [...places.values()].filter((p) => p.rule === r).length])),
  };
  const travel = buildTravelPhase(codes, polyByCode, demand.points, sites, st.stations, placePoint, src.readBaRegions(shared), (c) => ({ number: districts.get(c)!.fylkesnummer, name: countyName.get(districts.get(c)!.fylkesnummer)! }));
  report.travel = travel.report;

  // Phase 6: access indicators from the matrix.
  const rowOf = new Map(demand.points.map((p, i) => [p.id, i]));
  const access = accessByKommune(travel.matrix, (i) => demand.points[i].kommunenummer, (i) => demand.points[i].population,
    new Map(codes.map((c) => [c, rowOf.get(places.get(c)!.demandPointId)!])), sites.length, THRESHOLD_MIN);
  const beyond45 = [...access.values()].reduce((s, a) => s + a.beyond, 0);
  // The same count under the model's own error (src/engine/beyond-error.ts): the expectation and a 90 % interval.
  const underError = beyondUnderError(travel.matrix.nearestStationMin, demand.points.map((p) => p.population), travel.relativeResiduals, THRESHOLD_MIN);
  if (underError.point !== beyond45) throw new Error(`national: ${underError.point} beyond by point, ${beyond45} by kommune`);
  const national = {
    population: popTotal, within45: popTotal - beyond45, beyond45, shareWithin45: round((popTotal - beyond45) / popTotal, 4),
    underModelError: {
      method: 'expected residents beyond 45 min when each demand point\'s minutes are multiplied by 1 + r, r one of the model\'s cross-validated relative residuals (TØI / estimate − 1, as robustness samples them); exact expectation over the residuals; interval: 5th and 95th percentile of seeded draws with r independent per point (too narrow: errors of neighbouring points are correlated)',
      residuals: travel.relativeResiduals.length, beyond45: underError.expected, shareWithin45: round((popTotal - underError.expected) / popTotal, 4),
      beyond45P05: underError.p05, beyond45P95: underError.p95, draws: underError.draws,
    },
    policeReported: POLICE_REPORTED_SHARE_45, policeBeyond45Approx: Math.round(popTotal * (1 - POLICE_REPORTED_SHARE_45)),
    policeSource: POLICE_SOURCE,
  };
  report.national = national;

  // Phase 7: crime.
  const crime = buildCrime(src.readCrime(shared), codes, population);
  const totals: Record<string, unknown> = {};
  for (const period of CRIME_PERIODS) {
    const sum = crime.rows.filter((r) => r.period === period && r.group === 'all').reduce((s, r) => s + (r.offences_per_year ?? 0), 0);
    const norge = crime.norge.find((r) => r.period === period)?.values.alt;
    totals[period] = { sumOfKommuner: sum, norgeRow: norge, stated: STATED_NORWAY_TOTALS[period], diff: sum - STATED_NORWAY_TOTALS[period] };
  }
  report.crime = { rows: crime.rows.length, missingKommunePeriods: crime.missing, suppressedCells: crime.rows.filter((r) => r.note === SUPPRESSED_NOTE).length, totals };

  // Phase 8: write.
  const municipalities = codes.map((c) => {
    const k = aprestmo.find((x) => x.id === c)!;
    const d = districts.get(c)!;
    const ctr = centre.get(c)!;
    return {
      kommunenummer: c, name: polyByCode.get(c)!.properties.name, county_number: d.fylkesnummer, county_name: countyName.get(d.fylkesnummer),
      police_district_number: d.politidistriktnummer, police_district: d.politidistriktnavn, population: k.population,
      area_km2: k.area, admin_centre: k.adm_center, centre_lon: ctr[0], centre_lat: ctr[1], centre_inside_polygon: inside.get(c) ? 1 : 0,
    };
  });
  if (municipalities.some((m) => m.county_name === undefined)) throw new Error('a kommune has no county name');
  const indicators = codes.map((c) => {
    const row = (group: string, period: string) => crime.rows.find((r) => r.kommunenummer === c && r.group === group && r.period === period)!;
    const series = CRIME_PERIODS.map((p, x) => ({ x, y: row('all', p).per_1000 })).filter((p): p is { x: number; y: number } => p.y !== null);
    const a = access.get(c)!;
    const pop = population.get(c)!;
    const violence = row('violence', '2023-2024');
    return {
      kommunenummer: c, crime_per_1000: row('all', '2023-2024').per_1000, violence_per_1000: violence.per_1000,
      violence_suppressed: violence.note === SUPPRESSED_NOTE ? 1 : 0,
      crime_trend_per_1000: series.length >= 3 ? round(slopePerStep(series), 3) : null,
      drive_min_mean: round(a.popMinutes / pop, 1), residents_beyond_45: a.beyond, share_beyond_45: round(a.beyond / pop, 4),
      nearest_station_id: a.nearestStationId, nearest_station_min: round(a.nearestStationMin, 1),
    } satisfies Record<string, CsvValue>;
  });

  const files: Record<string, string> = {
    'municipalities.csv': formatCsv(['kommunenummer', 'name', 'county_number', 'county_name', 'police_district_number', 'police_district', 'population', 'area_km2', 'admin_centre', 'centre_lon', 'centre_lat', 'centre_inside_polygon'], municipalities),
    'kommuner.geojson': formatFeatureCollection(kommRepaired.features),
    'fylker.geojson': formatFeatureCollection(fylkeRepaired.features),
    'boundary-areas.csv': formatCsv(['kommunenummer', 'source_area_km2', 'derived_area_km2'], boundaryAreas),
    'politidistrikter.geojson': formatFeatureCollection(districtFeatures),
    'stations.csv': formatCsv(['id', 'name', 'type', 'place', 'kommunenummer', 'police_district', 'lon', 'lat', 'geocoding', 'source_url', 'note', 'passport_office_km'], st.stations),
    'demand-points.csv': formatCsv(['id', 'postnummer', 'place', 'kommunenummer', 'lon', 'lat', 'population_source', 'population'],
      demand.points.map((p) => ({ ...p, lon: round(p.lon, 5), lat: round(p.lat, 5), population_source: p.populationSource }))),
    'sites.csv': formatCsv(['id', 'kommunenummer', 'place', 'postnummer', 'lon', 'lat', 'source_lon', 'source_lat', 'moved_km', 'population', 'postcodes', 'far_postcodes', 'centre_place'],
      sites.map((x) => ({
        id: x.id, kommunenummer: x.kommunenummer, place: x.place, postnummer: x.postnummer, lon: x.lon, lat: x.lat, source_lon: x.sourceLon,
        source_lat: x.sourceLat, moved_km: round(x.movedKm, 3), population: x.population, postcodes: x.postcodes.join(' '),
        far_postcodes: x.farPostcodes.join(' '), centre_place: x.centrePlace,
      }))),
    'crime.csv': formatCsv(['kommunenummer', 'period', 'group', 'offences_per_year', 'per_1000', 'note'], crime.rows),
    'indicators.csv': formatCsv(['kommunenummer', 'crime_per_1000', 'violence_per_1000', 'violence_suppressed', 'crime_trend_per_1000', 'drive_min_mean', 'residents_beyond_45', 'share_beyond_45', 'nearest_station_id', 'nearest_station_min'], indicators),
    'travel-calibration.csv': travel.files.calibration,
    'fixed-links.csv': travel.files.links,
    'travel-times.txt': travel.files.matrix,
    'travel-model.json': JSON.stringify({ ...travel.modelJson, national }, null, 2) + '\n',
  };
  for (const [file, text] of Object.entries(files)) writeText(out, file, text);
  writeText(out, 'vintage.json', JSON.stringify(vintage(out, Object.keys(files).sort()), null, 2) + '\n');
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

/** Phase 5 of the build: the land/sea model, its calibration and the matrix (see scripts/data/travel-build.ts). */
function buildTravelPhase(
  codes: readonly string[], polyByCode: ReadonlyMap<string, Feature<Area, { kommunenummer: string; name: string }>>,
  demand: readonly DemandPoint[], sites: readonly CandidateSite[], stations: readonly StationOut[], placePoint: (c: string) => LonLat,
  baRows: ReturnType<typeof src.readBaRegions>, countyOf: (c: string) => { number: string; name: string },
) {
  const tg = travelGrid(codes.map((c) => polyByCode.get(c)!.geometry), codes);
  const cal = calibrationPairs(baRows, placePoint);
  const demandPlaces = demand.map((p) => ({ id: p.id, at: [p.lon, p.lat] as LonLat, snap: tg.snap([p.lon, p.lat], p.kommunenummer) }));
  const fit = fitTravel(tg, cal.pairs, demandPlaces.map((d) => d.snap.cell), placePoint);
  const sitePlaces = sites.map((x) => ({ id: x.id, at: [x.lon, x.lat] as LonLat, snap: tg.snap([x.lon, x.lat], x.kommunenummer) }));
  const stationPlaces = stations.map((x) => ({ id: String(x.id), at: [Number(x.lon), Number(x.lat)] as LonLat, snap: tg.snap([Number(x.lon), Number(x.lat)], String(x.kommunenummer)) }));
  const matrix = buildTravelMatrix(tg.grid, fit.params, demandPlaces, sitePlaces, stationPlaces, MATRIX_MARGIN_MIN);
  const errors = calibrationReport(fit, cal.pairs, countyOf);
  const params = Object.fromEntries(Object.entries(fit.params).map(([k, v]) => [k, round(v, 4)]));
  const kinds = [0, 0, 0];
  for (const k of tg.grid.kind) kinds[k]++;
  const pairs = matrix.rows.reduce((s, r) => s + r.targets.length, 0);
  const modelJson = {
    id: 'builtin', version: 2, label: { nb: 'Innebygd land/sjø-modell', en: 'Built-in land/sea model' },
    method: 'Least-cost path over a 1 km land/sea raster of the kommune polygons (Dijkstra, 8 neighbours), land cheaper than remote land, sea dearer, a ferry penalty per land-to-sea crossing, fixed links (bridges, subsea tunnels) as land; parameters fitted by least absolute deviations on TØI BA-region travel times; 10-fold cross-validated.',
    formula: 'minutes = interceptMin + landMinPerKm*landKm + remoteLandMinPerKm*remoteLandKm + seaMinPerKm*seaKm + ferryPenaltyMin*crossings',
    params,
    grid: { cellKm: tg.grid.cellKm, projection: 'spherical transverse Mercator, central meridian 15 E', width: tg.grid.width, height: tg.grid.height, landCells: kinds[2], seaCells: kinds[1], blockedCells: kinds[0], remoteLandCells: tg.grid.remote.reduce((a, b) => a + b, 0) },
    fixedLinks: { file: 'fixed-links.csv', listed: tg.links.length, drawn: tg.links.filter((l) => l.status === 'drawn').length },
    calibration: { source: 'TØI BA-regions 2020 (tou-ba-regioner-reisetid-2024.csv)', table: 'travel-calibration.csv', pairs: cal.pairs.length, regions: cal.regions, gridPoints: fit.gridPoints, ...errors },
    matrix: { file: 'travel-times.txt', unit: '0.1 min', marginMin: MATRIX_MARGIN_MIN, demandPoints: matrix.rows.length, sites: sites.length, stations: stations.length, pairs },
  };
  const report = { params, links: tg.links.map((l) => `${l.name}: ${l.status}${l.status === 'drawn' ? ` ${round(l.lengthKm, 2)} km` : ''}`), calibration: { pairs: cal.pairs.length, ...errors }, matrixPairs: pairs };
  const relativeResiduals = calibrationRows(fit, cal.pairs).map((r) => relativeResidual(Number(r.toi_min), Number(r.cv_estimated_min)));
  return {
    matrix, report, modelJson, relativeResiduals,
    files: {
      calibration: formatCsv(['kommunenummer', 'centre_kommunenummer', 'toi_min', 'path_cost_land_km', 'ferry_crossings', 'estimated_min', 'cv_estimated_min', 'cv_ferry_crossings'], calibrationRows(fit, cal.pairs)),
      links: formatCsv(['name', 'kind', 'opened', 'length_m', 'status', 'from_lon', 'from_lat', 'to_lon', 'to_lat', 'ends', 'source'],
        tg.links.map((l, i) => ({ name: l.name, kind: FIXED_LINKS[i].kind, opened: FIXED_LINKS[i].opened, length_m: FIXED_LINKS[i].lengthM, status: l.status, from_lon: l.from?.[0], from_lat: l.from?.[1], to_lon: l.to?.[0], to_lat: l.to?.[1], ends: FIXED_LINKS[i].ends.join(' '), source: FIXED_LINKS[i].source }))),
      matrix: formatTravelMatrix(matrix, { format: 'stedsvalg-travel-times/1', model: 'builtin', unit: '0.1 min', rows: 'demand-points.csv ids', columns_are: 'sites.csv ids, then stations.csv ids' }),
    },
  };
}

function vintage(out: string, files: readonly string[]) {
  return {
    dataVintage: 'Kommuner 2024 (357); population 1.1.2024; crime 2020–2024 (two-year averages); police stations open 23.02.2022',
    files: Object.fromEntries(files.map((f) => [f, sha256File(out, f)])),
    sources: [
      { id: 'kartverket-kommuner-2024', title: 'Kommuner 2024 (simplified, coast-clipped; self-intersections repaired by this project\'s build, see SOURCES.md)', publisher: 'Kartverket; simplified and coast-clipped by Robert Hopland (robhop/fylker-og-kommuner)', licence: 'CC BY 4.0 (© Kartverket)', vintage: '2024', repo: 'robhop/fylker-og-kommuner@77f1e665a1037e171154bd7d5a8d62284c6c9219 Kommuner-S.geojson' },
      { id: 'kartverket-fylker-2024', title: 'Fylker 2024 (simplified)', publisher: 'Kartverket, processed by Robert Hopland', licence: 'CC BY 4.0 (© Kartverket)', vintage: '2024', repo: 'robhop/fylker-og-kommuner@22834b17dd4049ef5b4a8599dc3489ae5464c381 Fylker-S.geojson' },
      { id: 'aprestmo-municipalities-2025', title: 'Municipalities: population 1.1.2024 (file name says 2025), area, admin centre', publisher: 'aprestmo/norway-geodata (values from SSB)', licence: 'MIT (repo); SSB data CC BY 4.0', vintage: 'population 1.1.2024 (sum 5,550,203); 2024/2025 kommune structure', repo: 'aprestmo/norway-geodata@bd44a4507c9262b44302db9f1665d43f2a6f927b data/municipalities-2025.json' },
      { id: 'aprestmo-postal-codes-2026', title: 'Postal codes 2026 → kommune', publisher: 'aprestmo/norway-geodata', licence: 'MIT (repo)', vintage: '2026', repo: 'aprestmo/norway-geodata@97b15cd65b3ae43890bac5a3bc3c82343ba1d152 data/postal-codes-2026.json' },
      { id: 'bolstad-postnummer-2020', title: 'Postnummer i Noreg med koordinatar', publisher: 'Erik Bolstad', licence: 'not stated; credit Erik Bolstad', vintage: 'coordinates 2020; FOLKETAL unknown (2010s)', repo: 'TrondelagiTall/mal@17edcaf6b87ea806562d6839cfd90ed8e6e36afe postnummer.csv' },
      { id: 'ssb-08487', title: 'Anmeldte lovbrudd etter gjerningssted (SSB 08487), two-year averages', publisher: 'SSB; tilrettelagt av Samarbeidsdesken (Christian Lura)', licence: 'SSB CC BY 4.0; credit "Tallene er publisert av Statistisk Sentralbyrå og tilrettelagt av Samarbeidsdesken"', vintage: '2020–2024', repo: 'chrilur/lovbrudd@f55604707185ad25df8727a67a506d0699df8225 anmeldt_20-24.csv' },
      { id: 'ssb-klass-109', title: 'Kommune → politidistrikt (SSB KLASS 109)', publisher: 'SSB via jahili/norge-administrative-grenser', licence: 'SSB CC BY 4.0; repo: none stated', vintage: '2024', repo: 'jahili/norge-administrative-grenser@068f0c5102ba6485e7278a3f6a62781562db120e src/assets/norge-grenser.topojson' },
      { id: 'toi-ba-regioner-2020', title: 'Bo- og arbeidsmarkedsregioner 2020, Reisetid', publisher: 'TØI for KMD (2019), recoded by jahili', licence: 'none stated', vintage: '2019/2020, recoded to 2024', repo: 'jahili/norge-administrative-grenser@3ffd4b87aac7bd24f83ae18aba4f3c21d5a4a2f4 data-pipeline/source/bo_og_arbeidsmarkedsregioner_2024.csv' },
      { id: 'politiet-pass-id-2022', title: 'Pass- og ID-kontor (Qmatic branchGroups)', publisher: 'Politiet', licence: 'none stated', vintage: 'March 2022', repo: 'lwollan/passbestilling@8572b82656a9801f9227f3b09d4549c71f47c07f src/test/resources/branchGroups.json' },
      { id: 'politi-tjenestesteder-2022', title: 'Police service locations open 23.02.2022 (hand-compiled; not published by Politiet as a list)', publisher: 'Compiled from Politiet, POD and news pages (see stations.csv source_url)', licence: 'none (facts)', vintage: 'early 2022', url: 'https://www.politiet.no/' },
      { id: 'fixed-links', title: 'Bridges and subsea tunnels treated as land by the travel model (fixed-links.csv)', publisher: 'Wikipedia articles citing Statens vegvesen (one URL per link)', licence: 'facts', vintage: '2024', url: 'https://en.wikipedia.org/wiki/List_of_subsea_tunnels_in_Norway' },
      { id: 'police-45-minutes', title: '98.6 % of residents within 45 minutes of a police service location (POD decision of 13.01.2017)', publisher: 'Politidirektoratet (Odd Reidar Humlegård), reported by NRK 13.01.2017', licence: 'facts', vintage: '2017', url: POLICE_SOURCE },
    ],
  };
}

main();
