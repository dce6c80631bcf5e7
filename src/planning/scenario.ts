/**
 * A scenario: the planner's weights, method and rules, validated at the edge (HTTP query/body, CLI
 * flags, stored scenarios) with one zod schema. The TypeScript type is derived from the schema.
 */
import { z } from 'zod';
import { CRITERION_IDS, DEFAULT_WEIGHTS, type CriterionId } from '../engine/criteria';
import {
  AGGREGATIONS, KOMMUNENUMMER_PATTERN, NORMALIZATIONS, OBJECTIVES, SCENARIO_DEFAULTS, SCENARIO_LIMITS, type NumericLimit,
} from '../model/scenario-limits';

/** A number within `limit` (whole when the limit says so), with messages that name the bound. */
function limited(limit: NumericLimit) {
  const n = z.coerce.number().finite();
  return (limit.integer ? n.int('must be a whole number') : n).min(limit.min, `must be ≥ ${limit.min}`).max(limit.max, `must be ≤ ${limit.max}`);
}

const L = SCENARIO_LIMITS;
const weight = limited(L.weight);
const knr = z.string().regex(KOMMUNENUMMER_PATTERN, 'must be a 4-digit kommunenummer');
const count = limited(L.districtCount);

export const weightsSchema = z
  .record(z.string(), weight)
  .superRefine((w, ctx) => {
    for (const key of Object.keys(w)) {
      if (!(CRITERION_IDS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `unknown criterion; known: ${CRITERION_IDS.join(', ')}` });
      }
    }
  })
  .transform((w) => ({ ...DEFAULT_WEIGHTS, ...w }) as Record<CriterionId, number>);

/** The scenario parameters. Every field has a default, so `{}` is the default scenario. */
export const scenarioParamsSchema = z.object({
  weights: weightsSchema.default({}),
  normalization: z.enum(NORMALIZATIONS).default(SCENARIO_DEFAULTS.normalization),
  method: z.enum(AGGREGATIONS).default(SCENARIO_DEFAULTS.method),
  wishGate: z.boolean().default(SCENARIO_DEFAULTS.wishGate),
  k: limited(L.k).default(L.k.default),
  objective: z.enum(OBJECTIVES).default(SCENARIO_DEFAULTS.objective),
  minutes: limited(L.minutes).default(L.minutes.default),
  blendAlpha: limited(L.blendAlpha).default(L.blendAlpha.default),
  districtMin: z.record(z.string(), count).default({}),
  districtMax: z.record(z.string(), count).default({}),
  include: z.array(knr).default([]),
  exclude: z.array(knr).default([]),
  /** Travel-time model: 'builtin' (the land/sea model) or the id of an imported matrix. */
  travelModel: z.union([z.literal('builtin'), z.string().regex(/^\d{1,9}$/, "must be 'builtin' or the id of an imported matrix")]).default('builtin'),
});

export type ScenarioParams = z.output<typeof scenarioParamsSchema>;
export type ScenarioParamsInput = z.input<typeof scenarioParamsSchema>;

/** The default scenario (what the UI starts with). */
export const defaultScenarioParams: ScenarioParams = scenarioParamsSchema.parse({});

const bool = (v: unknown): unknown => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v);
const list = (v: unknown): unknown => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v);

/** Parses `a:1,b:2` into `{ a: '1', b: '2' }`; JSON objects are accepted too. */
function pairs(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (s.startsWith('{')) {
    try {
      return JSON.parse(s);
    } catch {
      return v;
    }
  }
  const out: Record<string, string> = {};
  for (const part of s.split(',').filter(Boolean)) {
    const idx = part.lastIndexOf(':');
    if (idx <= 0) return v;
    out[part.slice(0, idx).trim()] = part.slice(idx + 1).trim();
  }
  return out;
}

/**
 * Reads scenario parameters from a URL query, over `base` (a saved scenario) or the defaults.
 * Formats: `weights=crimeRate:2,driveTime:3` (or JSON) and/or one `w.<criterion>=2` per weight;
 * `include=0301,5601`; `districtMin=Finnmark:2` (or JSON); `wishGate=false`; other fields by name.
 * Weights given in the query are merged over the base weights.
 * @throws ZodError naming the offending field
 */
export function scenarioFromQuery(query: Record<string, unknown>, base?: ScenarioParams): ScenarioParams {
  const weights: Record<string, unknown> = { ...((pairs(query.weights) as Record<string, unknown> | undefined) ?? {}) };
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('w.')) weights[key.slice(2)] = value;
  }
  const raw: Record<string, unknown> = {
    normalization: query.normalization ?? query.normalisation,
    method: query.method,
    wishGate: bool(query.wishGate ?? query.gate),
    k: query.k,
    objective: query.objective,
    minutes: query.minutes,
    blendAlpha: query.blendAlpha,
    districtMin: pairs(query.districtMin),
    districtMax: pairs(query.districtMax),
    include: list(query.include),
    exclude: list(query.exclude),
    travelModel: query.travelModel,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined || raw[key] === '') delete raw[key];
  return scenarioParamsSchema.parse({ ...base, ...raw, weights: { ...base?.weights, ...weights } });
}
