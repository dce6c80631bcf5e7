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
import { estimateDriveMin, isPointInArea } from '../src/geo';
import type { LonLat, TravelModel } from '../src/geo';
import { calibrationPairs, errorSummary, fitLad } from './data/calibration';
import { buildCrime, CRIME_PERIODS, slopePerStep, STATED_NORWAY_TOTALS } from './data/crime';
import type { CsvValue } from './data/csv';
import { formatCsv, round } from './data/csv';
import { buildDemandPoints, weightedCentre } from './data/demand';
import type { DemandPoint } from './data/demand';
import { dissolve, repairFeatures, roundFeatures } from './data/geometry';
import { repairArea } from './data/repair';
import { nearestSite } from './data/indicators';
import * as src from './data/sources';
import { buildStations } from './data/stations';
import { formatFeatureCollection, sha256File, writeText } from './data/write';

type Area = Polygon | MultiPolygon;
const REPO = path.resolve(__dirname, '..');
const THRESHOLD_MIN = 45;
const POLICE_REPORTED_SHARE_45 = 0.986;

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

  // Phase 5: travel model calibration.
  const cal = calibrationPairs(src.readBaRegions(shared), (c) => centre.get(c));
  const distances = cal.pairs.map((p) => round(p.distanceKm, 3));
  const fit = fitLad(distances, cal.pairs.map((p) => p.toiMin));
  const model: TravelModel = {
    method: 'Linear in straight-line (haversine) distance between population-weighted centres; least absolute deviations fit (exact, all-pairs) on TØI BA-region travel times to the region centre.',
    formula: 'driveMin = interceptMin + minPerKm * distanceKm',
    params: { interceptMin: round(fit.a, 4), minPerKm: round(fit.b, 4) },
  };
  const estimated = distances.map((d) => round(estimateDriveMin(d, model), 2));
  const err = errorSummary(estimated, cal.pairs.map((p) => p.toiMin));
  report.calibration = { ...err, regions: cal.regions, duplicatesDropped: cal.duplicatesDropped, skippedCentreRows: cal.skippedCentreRows, params: model.params };

  // Phase 6: access indicators.
  const sites = st.stations.map((s) => ({ id: s.id, lon: s.lon, lat: s.lat }));
  const access = new Map<string, { popMin: number; beyond: number }>();
  let within45 = 0;
  for (const p of demand.points) {
    const n = nearestSite([p.lon, p.lat], sites, model);
    const a = access.get(p.kommunenummer) ?? { popMin: 0, beyond: 0 };
    a.popMin += p.population * n.driveMin;
    if (n.driveMin > THRESHOLD_MIN) a.beyond += p.population;
    else within45 += p.population;
    access.set(p.kommunenummer, a);
  }
  const national = { population: popTotal, within45, shareWithin45: round(within45 / popTotal, 4), policeReported: POLICE_REPORTED_SHARE_45 };
  report.national = national;

  // Phase 7: crime.
  const crime = buildCrime(src.readCrime(shared), codes, population);
  const totals: Record<string, unknown> = {};
  for (const period of CRIME_PERIODS) {
    const sum = crime.rows.filter((r) => r.period === period && r.group === 'all').reduce((s, r) => s + (r.offences_per_year ?? 0), 0);
    const norge = crime.norge.find((r) => r.period === period)?.values.alt;
    totals[period] = { sumOfKommuner: sum, norgeRow: norge, stated: STATED_NORWAY_TOTALS[period], diff: sum - STATED_NORWAY_TOTALS[period] };
  }
  report.crime = { rows: crime.rows.length, missingKommunePeriods: crime.missing, suppressedCells: crime.rows.filter((r) => r.note === 'suppressed (≤4)').length, totals };

  // Phase 8: write.
  const municipalities = codes.map((c) => {
    const k = aprestmo.find((x) => x.id === c)!;
    const d = districts.get(c)!;
    const ctr = centre.get(c)!;
    return {
      kommunenummer: c, name: polyByCode.get(c)!.properties.name, county_number: d.fylkesnummer, county_name: countyName.get(d.fylkesnummer),
      police_district_number: d.politidistriktnummer, police_district: d.politidistriktnavn, population_2025: k.population,
      area_km2: k.area, admin_centre: k.adm_center, centre_lon: ctr[0], centre_lat: ctr[1], centre_inside_polygon: inside.get(c) ? 1 : 0,
    };
  });
  if (municipalities.some((m) => m.county_name === undefined)) throw new Error('a kommune has no county name');
  const indicators = codes.map((c) => {
    const rate = (group: string, period: string) => crime.rows.find((r) => r.kommunenummer === c && r.group === group && r.period === period)!.per_1000;
    const series = CRIME_PERIODS.map((p, x) => ({ x, y: rate('all', p) })).filter((p): p is { x: number; y: number } => p.y !== null);
    const a = access.get(c)!;
    const pop = population.get(c)!;
    const n = nearestSite(centre.get(c)!, sites, model);
    return {
      kommunenummer: c, crime_per_1000: rate('all', '2023-2024'), violence_per_1000: rate('violence', '2023-2024'),
      crime_trend_per_1000: series.length >= 3 ? round(slopePerStep(series), 3) : null,
      drive_min_mean: round(a.popMin / pop, 1), residents_beyond_45: a.beyond, share_beyond_45: round(a.beyond / pop, 4),
      nearest_station_id: n.id, nearest_station_min: round(n.driveMin, 1),
    } satisfies Record<string, CsvValue>;
  });

  const files: Record<string, string> = {
    'municipalities.csv': formatCsv(['kommunenummer', 'name', 'county_number', 'county_name', 'police_district_number', 'police_district', 'population_2025', 'area_km2', 'admin_centre', 'centre_lon', 'centre_lat', 'centre_inside_polygon'], municipalities),
    'kommuner.geojson': formatFeatureCollection(kommRepaired.features),
    'fylker.geojson': formatFeatureCollection(fylkeRepaired.features),
    'boundary-areas.csv': formatCsv(['kommunenummer', 'source_area_km2', 'derived_area_km2'], boundaryAreas),
    'politidistrikter.geojson': formatFeatureCollection(districtFeatures),
    'stations.csv': formatCsv(['id', 'name', 'type', 'place', 'kommunenummer', 'police_district', 'lon', 'lat', 'geocoding', 'source_url', 'note', 'passport_office_km'], st.stations),
    'demand-points.csv': formatCsv(['id', 'postnummer', 'place', 'kommunenummer', 'lon', 'lat', 'population_source', 'population'],
      demand.points.map((p) => ({ ...p, lon: round(p.lon, 5), lat: round(p.lat, 5), population_source: p.populationSource }))),
    'crime.csv': formatCsv(['kommunenummer', 'period', 'group', 'offences_per_year', 'per_1000', 'note'], crime.rows),
    'indicators.csv': formatCsv(['kommunenummer', 'crime_per_1000', 'violence_per_1000', 'crime_trend_per_1000', 'drive_min_mean', 'residents_beyond_45', 'share_beyond_45', 'nearest_station_id', 'nearest_station_min'], indicators),
    'travel-calibration.csv': formatCsv(['kommunenummer', 'centre_kommunenummer', 'distance_km', 'toi_min', 'estimated_min'],
      cal.pairs.map((p, i) => ({ kommunenummer: p.kommunenummer, centre_kommunenummer: p.centreKommunenummer, distance_km: distances[i], toi_min: p.toiMin, estimated_min: estimated[i] }))),
    'travel-model.json': JSON.stringify({
      ...model,
      calibration: {
        source: 'TØI BA-regions 2020 (tou-ba-regioner-reisetid-2024.csv)', table: 'travel-calibration.csv', n: err.n,
        medianAbsErrorMin: round(err.medianAbsErrorMin, 2), p90AbsErrorMin: round(err.p90AbsErrorMin, 2), meanErrorMin: round(err.meanErrorMin, 2),
      },
      national,
    }, null, 2) + '\n',
  };
  for (const [file, text] of Object.entries(files)) writeText(out, file, text);
  writeText(out, 'vintage.json', JSON.stringify(vintage(out, Object.keys(files).sort()), null, 2) + '\n');
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

function vintage(out: string, files: readonly string[]) {
  return {
    dataVintage: 'Kommuner 2024 (357); population 1.1.2025; crime 2020–2024 (two-year averages); police stations open 23.02.2022',
    files: Object.fromEntries(files.map((f) => [f, sha256File(out, f)])),
    sources: [
      { id: 'kartverket-kommuner-2024', title: 'Kommuner 2024 (simplified, coast-clipped)', publisher: 'Kartverket, processed by Robert Hopland', licence: 'CC BY 4.0 (© Kartverket)', vintage: '2024', repo: 'robhop/fylker-og-kommuner@77f1e665a1037e171154bd7d5a8d62284c6c9219 Kommuner-S.geojson' },
      { id: 'kartverket-fylker-2024', title: 'Fylker 2024 (simplified)', publisher: 'Kartverket, processed by Robert Hopland', licence: 'CC BY 4.0 (© Kartverket)', vintage: '2024', repo: 'robhop/fylker-og-kommuner@22834b17dd4049ef5b4a8599dc3489ae5464c381 Fylker-S.geojson' },
      { id: 'aprestmo-municipalities-2025', title: 'Municipalities 2025: population 1.1.2025, area, admin centre', publisher: 'aprestmo/norway-geodata (values from SSB)', licence: 'MIT (repo); SSB data CC BY 4.0', vintage: '1.1.2025', repo: 'aprestmo/norway-geodata@bd44a4507c9262b44302db9f1665d43f2a6f927b data/municipalities-2025.json' },
      { id: 'aprestmo-postal-codes-2026', title: 'Postal codes 2026 → kommune', publisher: 'aprestmo/norway-geodata', licence: 'MIT (repo)', vintage: '2026', repo: 'aprestmo/norway-geodata@97b15cd65b3ae43890bac5a3bc3c82343ba1d152 data/postal-codes-2026.json' },
      { id: 'bolstad-postnummer-2020', title: 'Postnummer i Noreg med koordinatar', publisher: 'Erik Bolstad', licence: 'not stated; credit Erik Bolstad', vintage: 'coordinates 2020; FOLKETAL unknown (2010s)', repo: 'TrondelagiTall/mal@17edcaf6b87ea806562d6839cfd90ed8e6e36afe postnummer.csv' },
      { id: 'ssb-08487', title: 'Anmeldte lovbrudd etter gjerningssted (SSB 08487), two-year averages', publisher: 'SSB; tilrettelagt av Samarbeidsdesken (Christian Lura)', licence: 'SSB CC BY 4.0; credit "Tallene er publisert av Statistisk Sentralbyrå og tilrettelagt av Samarbeidsdesken"', vintage: '2020–2024', repo: 'chrilur/lovbrudd@f55604707185ad25df8727a67a506d0699df8225 anmeldt_20-24.csv' },
      { id: 'ssb-klass-109', title: 'Kommune → politidistrikt (SSB KLASS 109)', publisher: 'SSB via jahili/norge-administrative-grenser', licence: 'SSB CC BY 4.0; repo: none stated', vintage: '2024', repo: 'jahili/norge-administrative-grenser@068f0c5102ba6485e7278a3f6a62781562db120e src/assets/norge-grenser.topojson' },
      { id: 'toi-ba-regioner-2020', title: 'Bo- og arbeidsmarkedsregioner 2020, Reisetid', publisher: 'TØI for KMD (2019), recoded by jahili', licence: 'none stated', vintage: '2019/2020, recoded to 2024', repo: 'jahili/norge-administrative-grenser@3ffd4b87aac7bd24f83ae18aba4f3c21d5a4a2f4 data-pipeline/source/bo_og_arbeidsmarkedsregioner_2024.csv' },
      { id: 'politiet-pass-id-2022', title: 'Pass- og ID-kontor (Qmatic branchGroups)', publisher: 'Politiet', licence: 'none stated', vintage: 'March 2022', repo: 'lwollan/passbestilling@8572b82656a9801f9227f3b09d4549c71f47c07f src/test/resources/branchGroups.json' },
      { id: 'politi-tjenestesteder-2022', title: 'Police service locations before 23.02.2022 (hand-compiled)', publisher: 'Compiled from Politiet, POD and news pages (see stations.csv source_url)', licence: 'none (facts)', vintage: 'early 2022', url: 'https://www.politiet.no/' },
    ],
  };
}

main();
