/**
 * The workspace's scenario as a URL query and back. `scenarioQuery` writes the format the server's
 * `scenarioFromQuery` (planning/scenario.ts) reads, for the ranking and robustness calls and the
 * links to profiles and comparisons; `scenarioFromQueryString` reads it in the browser (for state
 * kept in the address bar), taking each field it understands over `base` and ignoring the rest.
 * Pure.
 */
import { isKommunenummer, type Kommunenummer } from '../../common/kommunenummer';
import {
  AGGREGATIONS, NORMALIZATIONS, OBJECTIVES, SCENARIO_LIMITS, type NumericLimit,
} from '../../model/scenario-limits';
import type { ScenarioParams } from '../page-types';

/** Fields that a query may leave out (e.g. `k` on the municipality comparison, where `k` names the municipalities). */
export type OmittableField = 'k';

/** `params` as a query string (without `?`); district rules and include/exclude only when set. */
export function scenarioQuery(params: ScenarioParams, omit: readonly OmittableField[] = []): string {
  const weights = Object.entries(params.weights).map(([id, w]) => `${id}:${w}`).join(',');
  const q = [
    `weights=${encodeURIComponent(weights)}`, `normalization=${params.normalization}`, `method=${params.method}`, `wishGate=${params.wishGate}`,
    ...(omit.includes('k') ? [] : [`k=${params.k}`]),
    `objective=${params.objective}`, `minutes=${params.minutes}`, `blendAlpha=${params.blendAlpha}`,
  ];
  if (Object.keys(params.districtMin).length) q.push(`districtMin=${encodeURIComponent(JSON.stringify(params.districtMin))}`);
  if (Object.keys(params.districtMax).length) q.push(`districtMax=${encodeURIComponent(JSON.stringify(params.districtMax))}`);
  if (params.include.length) q.push(`include=${params.include.join(',')}`);
  if (params.exclude.length) q.push(`exclude=${params.exclude.join(',')}`);
  if (params.travelModel !== 'builtin') q.push(`travelModel=${encodeURIComponent(params.travelModel)}`);
  return q.join('&');
}

const oneOf = <T extends string>(choices: readonly T[], value: string | null): T | undefined =>
  (choices as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

function numberIn(limit: NumericLimit, value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= limit.min && n <= limit.max && (!limit.integer || Number.isInteger(n)) ? n : undefined;
}

function booleanOf(value: string | null): boolean | undefined {
  return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : undefined;
}

/** `a:1,b:2` or a JSON object into numbers within `limit`; entries that are not are dropped. */
function numberPairs(value: string | null, limit: NumericLimit): Record<string, number> | undefined {
  if (value === null || value.trim() === '') return undefined;
  let raw: Record<string, unknown> = {};
  if (value.trim().startsWith('{')) {
    try {
      raw = JSON.parse(value) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  } else {
    for (const part of value.split(',').filter(Boolean)) {
      const at = part.lastIndexOf(':');
      if (at > 0) raw[part.slice(0, at).trim()] = part.slice(at + 1).trim();
    }
  }
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(raw)) {
    const n = numberIn(limit, typeof v === 'number' ? String(v) : typeof v === 'string' ? v : null);
    if (n !== undefined) out[key] = n;
  }
  return out;
}

/** `builtin` or the id of an imported travel-time matrix (digits). */
const travelModelOf = (value: string | null): string | undefined =>
  value === 'builtin' || (value !== null && /^\d{1,9}$/.test(value)) ? value : undefined;

const codes = (value: string | null): Kommunenummer[] | undefined =>
  value === null ? undefined : value.split(',').map((s) => s.trim()).filter(isKommunenummer);

/**
 * Reads a scenario from a query string over `base`. Weights are merged over the base weights (only
 * known criteria); a field with a value out of range or unknown keeps the base's value.
 */
export function scenarioFromQueryString(query: string | URLSearchParams, base: ScenarioParams): ScenarioParams {
  const q = typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
  const L = SCENARIO_LIMITS;
  const weights = { ...base.weights };
  for (const [id, w] of Object.entries(numberPairs(q.get('weights'), L.weight) ?? {})) {
    if (id in weights) weights[id as keyof typeof weights] = w;
  }
  return {
    weights,
    normalization: oneOf(NORMALIZATIONS, q.get('normalization')) ?? base.normalization,
    method: oneOf(AGGREGATIONS, q.get('method')) ?? base.method,
    wishGate: booleanOf(q.get('wishGate')) ?? base.wishGate,
    k: numberIn(L.k, q.get('k')) ?? base.k,
    objective: oneOf(OBJECTIVES, q.get('objective')) ?? base.objective,
    minutes: numberIn(L.minutes, q.get('minutes')) ?? base.minutes,
    blendAlpha: numberIn(L.blendAlpha, q.get('blendAlpha')) ?? base.blendAlpha,
    districtMin: numberPairs(q.get('districtMin'), L.districtCount) ?? base.districtMin,
    districtMax: numberPairs(q.get('districtMax'), L.districtCount) ?? base.districtMax,
    include: codes(q.get('include')) ?? base.include,
    exclude: codes(q.get('exclude')) ?? base.exclude,
    travelModel: travelModelOf(q.get('travelModel')) ?? base.travelModel,
  };
}
