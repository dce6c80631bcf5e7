/**
 * The limits and choices of a scenario's parameters in one module that imports nothing, so the
 * server's zod schema (`planning/scenario.ts`), the coverage query and the browser's weights form
 * (`client/workspace/params-form.ts`) share one definition instead of repeating numbers by hand.
 */

/** An inclusive numeric range. */
export interface NumericLimit {
  readonly min: number;
  readonly max: number;
  /** True when only whole numbers are allowed. */
  readonly integer: boolean;
  /** The value when the field is left out (absent where the default depends on more than the field). */
  readonly default?: number;
}

/** Limits of the numeric scenario fields, with the default where the field has one of its own. */
export const SCENARIO_LIMITS = {
  /** Number of new stations to choose (K). */
  k: { min: 1, max: 100, integer: true, default: 20 },
  /** Coverage radius in estimated drive minutes. */
  minutes: { min: 5, max: 240, integer: false, default: 45 },
  /** Share of the score in the `blend` objective. */
  blendAlpha: { min: 0, max: 1, integer: false, default: 0.5 },
  /** One criterion weight (only ratios matter; defaults are per criterion, see `engine/criteria.ts`). */
  weight: { min: 0, max: 1000, integer: false },
  /** A police district's minimum or maximum number of new stations (at most the 357 municipalities). */
  districtCount: { min: 0, max: 357, integer: true },
} as const satisfies Record<string, NumericLimit>;

export const NORMALIZATIONS = ['minmax', 'percentile', 'z'] as const;
export type ScenarioNormalization = (typeof NORMALIZATIONS)[number];

export const AGGREGATIONS = ['wsm', 'topsis'] as const;
export type ScenarioAggregation = (typeof AGGREGATIONS)[number];

/**
 * What the proposed set optimises: `coverage` (residents newly within the limit), `access` (population-weighted
 * drive time), `beyond` ("minutes beyond the limit": Σ residents × max(0, t − T)), `score`, `blend`.
 */
export const OBJECTIVES = ['coverage', 'beyond', 'access', 'score', 'blend'] as const;
export type ScenarioObjective = (typeof OBJECTIVES)[number];

/** Defaults of the non-numeric scenario fields. */
export const SCENARIO_DEFAULTS = {
  normalization: 'minmax', method: 'wsm', objective: 'coverage', wishGate: true,
} as const satisfies { normalization: ScenarioNormalization; method: ScenarioAggregation; objective: ScenarioObjective; wishGate: boolean };

