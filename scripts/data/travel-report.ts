/**
 * The figures `data/travel-model.json` and `data/SOURCES.md` report about the travel model: its error against
 * TØI in-sample and cross-validated (overall, by county, for the five western and northern counties the issue
 * names, and for ferry pairs), and the calibration table.
 */
import type { CalibrationPair } from './calibration';
import { round, type CsvValue } from './csv';
import type { TravelFit } from './travel-build';
import { errorStats, type ErrorStats } from './travel-fit';

/** Counties where fjords and ferries shape most trips (the "Vestland, Møre og Romsdal, Nordland, Troms, Finnmark"). */
export const WEST_NORTH_COUNTIES: readonly string[] = ['46', '15', '18', '55', '56'];

const rounded = (e: ErrorStats) => ({
  n: e.n, medianAbsErrorMin: round(e.medianAbsErrorMin, 2), p90AbsErrorMin: round(e.p90AbsErrorMin, 2),
  meanErrorMin: round(e.meanErrorMin, 2), medianErrorMin: round(e.medianErrorMin, 2),
});

/**
 * Error breakdowns of a fit.
 * @param countyOf fylkesnummer and name of a kommune
 */
export function calibrationReport(fit: TravelFit, pairs: readonly CalibrationPair[], countyOf: (k: string) => { number: string; name: string }) {
  const { observed, cv } = fit;
  const all = observed.map((_, i) => i);
  const byCounty = new Map<string, number[]>();
  pairs.forEach((p, i) => {
    const c = countyOf(p.kommunenummer);
    const key = `${c.number} ${c.name}`;
    byCounty.set(key, [...(byCounty.get(key) ?? []), i]);
  });
  const westNorth = all.filter((i) => WEST_NORTH_COUNTIES.includes(countyOf(pairs[i].kommunenummer).number));
  const ferry = all.filter((i) => cv.crossings[i] > 0);
  return {
    inSample: rounded(errorStats(fit.inSample, observed)),
    inSampleFerryPairs: rounded(errorStats(fit.inSample, observed, all.filter((i) => fit.chosen.crossings[i] > 0))),
    crossValidated: {
      folds: cv.k,
      overall: rounded(errorStats(cv.predicted, observed)),
      westAndNorth: { counties: WEST_NORTH_COUNTIES, ...rounded(errorStats(cv.predicted, observed, westNorth)) },
      rest: rounded(errorStats(cv.predicted, observed, all.filter((i) => !westNorth.includes(i)))),
      ferryPairs: { definition: 'the fold model\'s route has at least one ferry crossing', ...rounded(errorStats(cv.predicted, observed, ferry)) },
      byCounty: Object.fromEntries([...byCounty.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, idx]) => [k, rounded(errorStats(cv.predicted, observed, idx))])),
      foldParams: cv.foldParams.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, round(v, 3)]))),
    },
  };
}

/** Rows of `travel-calibration.csv`. */
export function calibrationRows(fit: TravelFit, pairs: readonly CalibrationPair[]): Record<string, CsvValue>[] {
  return pairs.map((p, i) => ({
    kommunenummer: p.kommunenummer, centre_kommunenummer: p.centres.join(' '), toi_min: p.toiMin,
    path_cost_land_km: round(fit.chosen.cost[i], 3), ferry_crossings: fit.chosen.crossings[i],
    estimated_min: round(fit.inSample[i], 2), cv_estimated_min: round(fit.cv.predicted[i], 2), cv_ferry_crossings: fit.cv.crossings[i],
  }));
}
