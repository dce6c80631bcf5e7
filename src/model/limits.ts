/**
 * The limits of one request, in one place so the API, the forms, the CLI and the README agree
 * (README "Limits"). Import files have their own limits in `src/import/responses-model.ts`.
 */
import { defaultSelectionOptions } from '../engine/selection';
import { SCENARIO_LIMITS } from './scenario-limits';

export const requestLimits = {
  /** Sites in a proposed set (`k`): 1 to this (the scenario limit, `model/scenario-limits.ts`). */
  maxK: SCENARIO_LIMITS.k.max,
  /**
   * Samples of one robustness request over HTTP (`samples`), counted in units of K = 20: a run re-chooses the set
   * in every sample, and its cost grows with K, so `samples × max(1, K / 20)` may be at most this (K = 100: 1,000
   * samples). The CLI allows `maxCliSamples`.
   */
  maxSamples: 5000,
  /** Weight samples of one `stedsvalg robustness` run (local, no server to keep responsive). */
  maxCliSamples: 100000,
  /** Entries of `include` / `exclude` (there are 357 municipalities). */
  maxListEntries: 357,
  /** Names in `districtMin` / `districtMax` (there are 12 police districts). */
  maxDistrictRules: 12,
  /** Characters of a name (scenario, shortlist). */
  maxNameChars: 200,
  /**
   * The exact solver's time limit one request may set (`timeLimitSeconds`, seconds): the default limit, so a
   * request may shorten a solve but never hold a worker longer than an ordinary one (the CLI may set any limit).
   */
  maxTimeLimitSeconds: defaultSelectionOptions.timeLimitSeconds,
} as const;

/**
 * Heavy computations (robustness, exact selection, exports, shortlist snapshots, profiles, exact
 * scenario comparison) run in worker threads and are rate-limited per account by cost: a bucket of
 * `burst` units refilled at `perMinute` units per minute. A unit is 1,000 robustness samples (the
 * workspace asks for one after each change; a profile costs one; both times K / 20 above K = 20); an exact selection, an exact
 * comparison or an export costs 2; a new shortlist 3. When more than `maxQueued` heavy jobs wait for a
 * worker, new ones are refused with 503 so pages and `/healthz` stay fast.
 */
export const heavyLimits = {
  perMinute: 60,
  burst: 30,
  maxQueued: 24,
} as const;
