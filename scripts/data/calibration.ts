/**
 * Calibration of the drive-time model on TØI's BA-region travel times (#11).
 *
 * Pairs: every kommune joined to a BA-region centre (inclusion rules "Utpendling > 8", "Reisevei < …",
 * "Reisetid < 90 …", "Forhindre …") → the region's centre kommune(s). Rows for `Senterkommune` and
 * `Restkommune` are skipped: their Reisetid is an internal (within-kommune) time with no destination point.
 * The centre kommuner of a region are its `Senterkommune` rows, or, when a region has none (two-kommune regions
 * such as "72 Årdal"), the kommune named in the region name. With two centres (e.g. "05 Oslo/Bærum") the
 * nearer centre (straight line between the kommuner's points) is used. Region names are matched on their number
 * and name with leading zeros dropped (the source spells "05 Oslo/Bærum" and "5 Oslo/Bærum").
 *
 * Fit: least absolute deviations for `min = a + b·km`, solved exactly: an LAD line passes through at least two
 * data points (Koenker 2005, ch. 6), so all pairs of points are tried and the lowest sum of |residuals| wins
 * (ties: the first pair in kommunenummer order).
 */
import { haversineKm } from '../../src/engine';
import type { LonLat } from '../../src/geo';
import type { BaRow } from './sources';

/** One calibration pair. */
export interface CalibrationPair {
  kommunenummer: string;
  /** The nearer centre by straight line (for the table). */
  centreKommunenummer: string;
  /** All centres of the region (usually one; the model's time is to the nearest of them). */
  centres: string[];
  distanceKm: number;
  toiMin: number;
}

const norm = (s: string): string => s.toLowerCase().trim();

/** Builds calibration pairs; `centreOf` gives a kommune's weighted centre. */
export function calibrationPairs(
  rows: readonly BaRow[],
  centreOf: (kommunenummer: string) => LonLat | undefined,
): { pairs: CalibrationPair[]; duplicatesDropped: number; skippedCentreRows: number; regions: number } {
  const seen = new Set<string>();
  const unique: BaRow[] = [];
  for (const r of rows) {
    const key = `${r.kommunenummer}|${r.region}|${r.reisetidMin}|${r.inclusion}`;
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(r);
    }
  }
  // The source writes some region names with a leading zero and some without ("05 Oslo/Bærum" for Oslo,
  // "5 Oslo/Bærum" for the other members); one key per region number and name.
  const regionKey = (region: string): string => region.trim().replace(/^0+(?=\d)/, '');
  const byRegion = new Map<string, BaRow[]>();
  for (const r of unique) byRegion.set(regionKey(r.region), [...(byRegion.get(regionKey(r.region)) ?? []), r]);
  const isCentreRow = (r: BaRow): boolean => /^(Senterkommune|Restkommune)/.test(r.inclusion);
  const pairs: CalibrationPair[] = [];
  for (const [region, members] of byRegion) {
    let centres = members.filter((r) => r.inclusion.startsWith('Senterkommune'));
    if (centres.length === 0) {
      const names = region.replace(/^\d+\s+/, '').split(/\s*\/\s*| - /).map(norm);
      centres = members.filter((r) => r.kommunenavn.split(' - ').some((n) => names.includes(norm(n))));
    }
    const centreCodes = new Set(centres.map((c) => c.kommunenummer));
    for (const r of members) {
      if (isCentreRow(r) || centreCodes.has(r.kommunenummer)) continue;
      const from = centreOf(r.kommunenummer);
      if (!from) throw new Error(`calibration: no centre for ${r.kommunenummer}`);
      let best: CalibrationPair | null = null;
      for (const c of [...centreCodes].sort()) {
        const to = centreOf(c);
        if (!to) throw new Error(`calibration: no centre for ${c}`);
        const d = haversineKm(from, to);
        if (!best || d < best.distanceKm) best = { kommunenummer: r.kommunenummer, centreKommunenummer: c, centres: [...centreCodes].sort(), distanceKm: d, toiMin: r.reisetidMin };
      }
      if (!best) throw new Error(`calibration: region ${region} has no centre kommune`);
      pairs.push(best);
    }
  }
  pairs.sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer) || a.centreKommunenummer.localeCompare(b.centreKommunenummer));
  return {
    pairs,
    duplicatesDropped: rows.length - unique.length,
    skippedCentreRows: unique.filter(isCentreRow).length,
    regions: byRegion.size,
  };
}

/** Exact LAD fit of `y = a + b·x`. */
export function fitLad(xs: readonly number[], ys: readonly number[]): { a: number; b: number } {
  let best = { a: 0, b: 0, loss: Infinity };
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[i] === xs[j]) continue;
      const b = (ys[j] - ys[i]) / (xs[j] - xs[i]);
      const a = ys[i] - b * xs[i];
      let loss = 0;
      for (let k = 0; k < xs.length && loss < best.loss; k++) loss += Math.abs(ys[k] - a - b * xs[k]);
      if (loss < best.loss) best = { a, b, loss };
    }
  }
  return { a: best.a, b: best.b };
}

/** Quantile by linear interpolation between order statistics (type 7, the R/numpy default). */
export function quantile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

/** Error summary of estimates against TØI minutes. */
export function errorSummary(estimated: readonly number[], observed: readonly number[]) {
  const err = estimated.map((e, i) => e - observed[i]);
  const abs = err.map(Math.abs);
  return {
    n: err.length,
    medianAbsErrorMin: quantile(abs, 0.5),
    p90AbsErrorMin: quantile(abs, 0.9),
    meanErrorMin: err.reduce((a, b) => a + b, 0) / err.length,
  };
}
