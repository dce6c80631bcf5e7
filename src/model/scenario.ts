/**
 * A scenario: the planner's weights, method and rules, validated at every edge (HTTP query and
 * body, forms, CLI flags) with ONE zod schema. The TypeScript type is derived from the schema.
 *
 * - `scenarioSchemaFor(ref)`: the full check at an edge, including that `include`, `exclude` and
 *   the district rules name municipalities and police districts that exist (`ScenarioReference`).
 * - `scenarioParamsSchema`: the same without reference data (tests, stored parameters re-checked
 *   before a run).
 * - `storedScenarioSchema`: lenient reading of parameters stored by older versions (no reference
 *   checks, all-zero weights allowed through so a list of scenarios still opens; running such a
 *   scenario is refused by `runnableScenario`).
 * Messages are dictionary keys (`v.*`, see `src/web/i18n.ts`), said in the user's language by the
 * web layer and in English by the CLI.
 */
import { isKommunenummer, type Kommunenummer } from '../common/kommunenummer';
import { z } from 'zod';
import { CRITERION_IDS, DEFAULT_WEIGHTS, type CriterionId } from '../engine/criteria';
import { requestLimits } from './limits';
import { decimalNumber, flag, keyIssue, shown, wholeNumber } from '../common/fields';
import {
  AGGREGATIONS, NORMALIZATIONS, OBJECTIVES, SCENARIO_DEFAULTS, SCENARIO_LIMITS, type NumericLimit,
} from './scenario-limits';

/** What exists, for the checks that need reference data. */
export interface ScenarioReference {
  kommunenummer: ReadonlySet<string>;
  districts: ReadonlySet<string>;
}

const L = SCENARIO_LIMITS;

/** A number field within one of the shared limits (`model/scenario-limits.ts`), with its default. */
function limited(limit: NumericLimit) {
  return limit.integer ? wholeNumber(limit.min, limit.max, limit.default) : decimalNumber(limit.min, limit.max, limit.default);
}
const list = (items: readonly string[], max = 8): string => (items.length > max ? `${items.slice(0, max).join(', ')} … (+${items.length - max})` : items.join(', '));

/** Parses `a:1,b:2` (or a JSON object) into an object; null when the text is not such a list. */
export function parsePairs(text: string): Record<string, unknown> | null {
  const s = text.trim();
  if (s === '') return {};
  if (s.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(s);
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  const out: Record<string, unknown> = {};
  for (const part of s.split(',')) {
    if (part.trim() === '') continue;
    const idx = part.lastIndexOf(':');
    if (idx <= 0) return null;
    out[part.slice(0, idx).trim()] = part.slice(idx + 1).trim();
  }
  return out;
}

/** An object field that may also come as `a:1,b:2` text; unreadable text is one issue, not one per character. */
function pairsObject(v: unknown, ctx: z.RefinementCtx, unreadableKey: string, maxKeys: number): Record<string, unknown> | null {
  const obj = typeof v === 'string' ? parsePairs(v) : v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  if (!obj) {
    keyIssue(ctx, unreadableKey, { value: shown(v) });
    return null;
  }
  if (Object.keys(obj).length > maxKeys) {
    keyIssue(ctx, 'v.maxItems', { max: maxKeys });
    return null;
  }
  return obj;
}

/** Runs a field schema on one value and copies its issues under `path`. */
function checkValue<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, ctx: z.RefinementCtx, path: string): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: [path] } as z.IssueData);
  return undefined;
}

const weightValue = limited(L.weight);

/**
 * Criterion weights: given ones merged over the defaults; unknown criteria named together; unless
 * `allowAllZero`, at least one weight must be > 0 (only ratios matter, so all zero means nothing).
 */
function weightsField(allowAllZero: boolean) {
  return z.unknown().transform((v, ctx): Record<CriterionId, number> => {
    const given = v === undefined ? {} : pairsObject(v, ctx, 'v.weightsUnreadable', 100);
    if (!given) return z.NEVER;
    const unknown = Object.keys(given).filter((k) => !(CRITERION_IDS as readonly string[]).includes(k));
    if (unknown.length) keyIssue(ctx, 'v.unknownCriteria', { list: list(unknown.map(shown)), known: CRITERION_IDS.join(', ') });
    const out: Record<string, number> = { ...DEFAULT_WEIGHTS };
    let valid = unknown.length === 0;
    for (const id of CRITERION_IDS) {
      if (!(id in given)) continue;
      const w = checkValue(weightValue, given[id], ctx, id);
      if (w === undefined) valid = false;
      else out[id] = w;
    }
    if (valid && !allowAllZero && !Object.values(out).some((w) => w > 0)) keyIssue(ctx, 'v.allZero');
    return out as Record<CriterionId, number>;
  });
}

/** Police district name → count (`districtMin`, `districtMax`). */
const countsField = z.unknown().transform((v, ctx): Record<string, number> => {
  if (v === undefined || v === '') return {};
  const given = pairsObject(v, ctx, 'v.pairsUnreadable', requestLimits.maxDistrictRules);
  if (!given) return z.NEVER;
  const out: Record<string, number> = {};
  for (const [name, raw] of Object.entries(given)) {
    const n = checkValue(limited(L.districtCount), raw, ctx, name);
    if (n !== undefined) out[name] = n;
  }
  return out;
});

/** A list of kommunenummer (array, or `0301,5601` text): well-formed, at most 357, no repeats. */
export const kommunenummerList = z.unknown().transform((v, ctx): Kommunenummer[] => {
  if (v === undefined || v === '') return [];
  const items = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
  if (!Array.isArray(items)) {
    keyIssue(ctx, 'v.type', { expected: 'array', received: typeof v });
    return z.NEVER;
  }
  if (items.length > requestLimits.maxListEntries) {
    keyIssue(ctx, 'v.maxItems', { max: requestLimits.maxListEntries });
    return z.NEVER;
  }
  const bad = items.filter((x) => !isKommunenummer(x));
  if (bad.length) {
    keyIssue(ctx, 'v.knr', { value: list(bad.map(shown), 5) });
    return z.NEVER;
  }
  const numbers = items as Kommunenummer[];
  const repeated = [...new Set(numbers.filter((x, i) => numbers.indexOf(x) !== i))];
  if (repeated.length) keyIssue(ctx, 'v.duplicates', { list: list(repeated) });
  return numbers;
});

/** The scenario's fields (format checks; all-zero weights refused unless `allowAllZero`). */
function scenarioObject(allowAllZero: boolean) {
  return z.object({
    weights: weightsField(allowAllZero),
    normalization: z.enum(NORMALIZATIONS).default(SCENARIO_DEFAULTS.normalization),
    method: z.enum(AGGREGATIONS).default(SCENARIO_DEFAULTS.method),
    wishGate: flag(SCENARIO_DEFAULTS.wishGate),
    k: limited(L.k),
    objective: z.enum(OBJECTIVES).default(SCENARIO_DEFAULTS.objective),
    minutes: limited(L.minutes),
    blendAlpha: limited(L.blendAlpha),
    districtMin: countsField,
    districtMax: countsField,
    include: kommunenummerList,
    exclude: kommunenummerList,
    /** Travel-time model: 'builtin' (the land/sea model) or the id of an imported matrix. */
    travelModel: z.union([z.literal('builtin'), z.string().regex(/^\d{1,9}$/, "must be 'builtin' or the id of an imported matrix")]).default('builtin'),
  });
}

type Parsed = z.output<ReturnType<typeof scenarioObject>>;

/** Adds an issue naming the kommunenummer of `items` that do not exist. */
export function checkKnownKommunenummer(items: readonly string[], ref: ScenarioReference, ctx: z.RefinementCtx, path?: (string | number)[]): void {
  const unknown = items.filter((k) => !ref.kommunenummer.has(k));
  if (unknown.length) keyIssue(ctx, 'v.unknownKnr', { list: list(unknown) }, path);
}

/** The checks against reference data (zod runs refinements even after a field failed: such a field is skipped). */
function checkReferences(p: Parsed, ref: ScenarioReference, ctx: z.RefinementCtx): void {
  const read = (v: unknown) => v !== z.NEVER && v !== undefined && v !== null;
  for (const field of ['include', 'exclude'] as const) if (read(p[field]) && Array.isArray(p[field])) checkKnownKommunenummer(p[field], ref, ctx, [field]);
  for (const field of ['districtMin', 'districtMax'] as const) {
    if (!read(p[field])) continue;
    const unknown = Object.keys(p[field]).filter((d) => !ref.districts.has(d));
    if (unknown.length) keyIssue(ctx, 'v.unknownDistrict', { list: list(unknown.map(shown)), known: [...ref.districts].join(', ') }, [field]);
  }
}

/** The scenario parameters. Every field has a default, so `{}` is the default scenario. */
export const scenarioParamsSchema = scenarioObject(false);

/** Parameters as stored by this or an older version (format only; see the file comment). */
export const storedScenarioSchema = scenarioObject(true);

const withReference = new WeakMap<ScenarioReference, z.ZodType<Parsed, z.ZodTypeDef, unknown>>();

/** The full edge check: format, at least one weight > 0, and every name and number exists. */
export function scenarioSchemaFor(ref?: ScenarioReference): z.ZodType<Parsed, z.ZodTypeDef, unknown> {
  if (!ref) return scenarioParamsSchema;
  let schema = withReference.get(ref);
  if (!schema) {
    schema = scenarioParamsSchema.superRefine((p, ctx) => checkReferences(p, ref, ctx));
    withReference.set(ref, schema);
  }
  return schema;
}

export type ScenarioParams = z.output<typeof scenarioParamsSchema>;
export type ScenarioParamsInput = z.input<typeof scenarioParamsSchema>;

/** The default scenario (what the UI starts with). */
export const defaultScenarioParams: ScenarioParams = scenarioParamsSchema.parse({});

/**
 * Parameters that may be run: stored parameters are re-checked (a scenario saved with all-zero
 * weights by an older version is refused here with the same message as at the edge).
 * @throws ZodError naming the field
 */
export function runnableScenario(params: ScenarioParams): ScenarioParams {
  return scenarioParamsSchema.parse(params);
}

/**
 * Reads scenario parameters from a URL query (or CLI flags, or a form), over `base` (a saved
 * scenario) or the defaults, and checks them against `ref` when given.
 * Formats: `weights=crimeRate:2,driveTime:3` (or JSON) and/or one `w.<criterion>=2` per weight;
 * `include=0301,5601`; `districtMin=Finnmark:2` (or JSON); `wishGate=false`; other fields by name.
 * Weights given in the query are merged over the base weights.
 * @throws ZodError naming the offending field
 */
export function scenarioFromQuery(query: Record<string, unknown>, base?: ScenarioParams, ref?: ScenarioReference): ScenarioParams {
  const wKeys = Object.keys(query).filter((k) => k.startsWith('w.'));
  let weights: unknown = query.weights;
  if (base || wKeys.length) {
    const given = typeof weights === 'string' ? parsePairs(weights) : weights === undefined ? {} : weights;
    // Unreadable `weights` text is passed on as it is, so the schema reports it (once).
    if (given && typeof given === 'object' && !Array.isArray(given)) {
      weights = { ...base?.weights, ...(given as Record<string, unknown>), ...Object.fromEntries(wKeys.map((k) => [k.slice(2), query[k]])) };
    }
  }
  const raw: Record<string, unknown> = {
    weights,
    normalization: query.normalization ?? query.normalisation,
    method: query.method,
    wishGate: query.wishGate ?? query.gate,
    k: query.k,
    objective: query.objective,
    minutes: query.minutes,
    blendAlpha: query.blendAlpha,
    districtMin: query.districtMin,
    districtMax: query.districtMax,
    include: query.include,
    exclude: query.exclude,
    travelModel: query.travelModel,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined || raw[key] === '') delete raw[key];
  return scenarioSchemaFor(ref).parse({ ...base, ...raw });
}
