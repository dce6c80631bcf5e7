/**
 * A scenario: the planner's weights, method and rules, validated at the edge (HTTP query/body, CLI
 * flags, stored scenarios) with one zod schema. The TypeScript type is derived from the schema.
 */
import { z } from 'zod';
import { CRITERION_IDS, DEFAULT_WEIGHTS, type CriterionId } from '../engine/criteria';

const weight = z.coerce.number().finite().min(0, 'must be ≥ 0').max(1000, 'must be ≤ 1000');
const knr = z.string().regex(/^\d{4}$/, 'must be a 4-digit kommunenummer');
const count = z.coerce.number().int('must be a whole number').min(0, 'must be ≥ 0').max(357);

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
  normalization: z.enum(['minmax', 'percentile', 'z']).default('minmax'),
  method: z.enum(['wsm', 'topsis']).default('wsm'),
  wishGate: z.boolean().default(true),
  k: z.coerce.number().int('must be a whole number').min(1, 'must be ≥ 1').max(100, 'must be ≤ 100').default(20),
  objective: z.enum(['score', 'coverage', 'access', 'blend']).default('coverage'),
  minutes: z.coerce.number().finite().min(5, 'must be ≥ 5').max(240, 'must be ≤ 240').default(45),
  blendAlpha: z.coerce.number().min(0).max(1).default(0.5),
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
