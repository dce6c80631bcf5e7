/**
 * Class breaks and colours for the choropleth map. Quantile classes: each class holds about the
 * same number of municipalities, so a few extreme values (Oslo's population, tourist municipalities'
 * crime rates) do not leave every other municipality in one class (Slocum et al., Thematic
 * Cartography and Geovisualization, 3rd ed., ch. 5). Pure.
 */

/** ColorBrewer YlGnBu, 5 classes (Brewer, colorbrewer2.org): sequential, safe for the common colour-vision deficiencies. */
export const PALETTE: readonly string[] = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
/** Fill of a municipality without a value. */
export const MISSING_COLOUR = '#bdbdbd';
/** Okabe & Ito (2008) qualitative palette for criteria (distinguishable with colour-vision deficiencies). */
export const CRITERION_COLOURS: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#7f3b08'];

/** Class breaks: the upper bound of each class (ascending, no duplicates) and the smallest value. */
export interface ClassBreaks {
  uppers: number[];
  min: number;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Quantile class breaks over the finite values (missing values are left out).
 * @param classes the number of classes wanted; ties that would make two classes share an upper
 *   bound are merged, so there may be fewer
 * @returns `{ uppers: [], min: 0 }` when there is no finite value
 */
export function quantileBreaks(values: readonly (number | null | undefined)[], classes: number): ClassBreaks {
  const sorted = values.filter(isNumber).sort((a, b) => a - b);
  const uppers: number[] = [];
  for (let i = 1; i <= classes && sorted.length; i++) {
    const v = sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / classes) - 1)];
    if (uppers.length === 0 || v > uppers[uppers.length - 1]) uppers.push(v);
  }
  return { uppers, min: sorted.length ? sorted[0] : 0 };
}

/** The class (0-based) of `value` under `uppers`; −1 when the value is missing. */
export function classOf(value: number | null | undefined, uppers: readonly number[]): number {
  if (!isNumber(value)) return -1;
  for (let i = 0; i < uppers.length; i++) if (value <= uppers[i]) return i;
  return uppers.length - 1;
}

/**
 * The colour of class `cls` of `n` classes, spread over the palette; reversed when `reverse`
 * (so rank 1 is darkest). Class −1 (missing) gets the missing colour.
 */
export function colourOf(cls: number, n: number, reverse = false): string {
  if (cls < 0) return MISSING_COLOUR;
  const idx = n <= 1 ? PALETTE.length - 1 : Math.round((cls * (PALETTE.length - 1)) / (n - 1));
  return PALETTE[reverse ? PALETTE.length - 1 - idx : idx];
}

/** One legend row: the class's colour and its value range (`lower` is exclusive except in the first class). */
export interface LegendClass {
  colour: string;
  lower: number;
  upper: number;
  /** True for the first class (its lower bound is included). */
  first: boolean;
}

/** The legend rows of `breaks`, lowest class first. */
export function legendClasses(breaks: ClassBreaks, reverse = false): LegendClass[] {
  return breaks.uppers.map((upper, i) => ({
    colour: colourOf(i, breaks.uppers.length, reverse),
    lower: i === 0 ? breaks.min : breaks.uppers[i - 1],
    upper,
    first: i === 0,
  }));
}
