/**
 * Settings of the proposal and its robustness that every place showing them uses (workspace, profile,
 * shortlists, exports, CLI), in one module that imports nothing so the browser bundle can read it too.
 */

/**
 * Robustness of a proposal: the number of samples, the seed and how weights are drawn. One setting for the
 * workspace, the profile, shortlist snapshots and exports, shown wherever robustness is shown.
 */
export const PROPOSAL_ROBUSTNESS = { samples: 1000, seed: 1, mode: 'around' } as const;

/**
 * The error margin of the "within the model's error" flag is this quantile of the absolute cross-validated
 * residuals of the built-in travel model: the median (4.2 minutes), the model's typical error. A flagged site's
 * whole gain would be undone by a typical error; the tail of the errors (p90 11.9 minutes) is covered by the
 * robustness run, which samples the whole residual distribution. See data/SOURCES.md.
 */
export const ERROR_MARGIN_QUANTILE = 0.5;

/** Objectives whose figures are drive times (they name the travel model and use the error margin). */
export const TRAVEL_OBJECTIVES = ['coverage', 'access', 'beyond'] as const;
