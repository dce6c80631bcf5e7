import { SCENARIO_LIMITS } from '../../src/model/scenario-limits';
import { scenarioParamsSchema } from '../../src/planning/scenario';

describe('scenario limits shared by the server schema and the browser form', () => {
  it.each([
    ['k', SCENARIO_LIMITS.k],
    ['minutes', SCENARIO_LIMITS.minutes],
    ['blendAlpha', SCENARIO_LIMITS.blendAlpha],
  ] as const)('When %s is at its limits, then the schema accepts it, and just outside them it names the bound', (field, limit) => {
    expect(scenarioParamsSchema.safeParse({ [field]: limit.min }).success).toBe(true);
    expect(scenarioParamsSchema.safeParse({ [field]: limit.max }).success).toBe(true);
    const below = scenarioParamsSchema.safeParse({ [field]: limit.min - 1 });
    const above = scenarioParamsSchema.safeParse({ [field]: limit.max + 1 });
    // Messages are catalogue keys with their values (said in the user's language by the web layer).
    const bound = (r: typeof below) => (r.success ? null : (r.error.issues[0] as { params?: { key: string; values: { min: number; max: number } } }).params);
    expect(bound(below)).toMatchObject({ key: 'v.range', values: { min: limit.min, max: limit.max } });
    expect(bound(above)).toMatchObject({ key: 'v.range', values: { min: limit.min, max: limit.max } });
  });

  it('When fields are left out, then the schema uses the shared defaults', () => {
    const p = scenarioParamsSchema.parse({});
    expect([p.k, p.minutes, p.blendAlpha]).toEqual([SCENARIO_LIMITS.k.default, SCENARIO_LIMITS.minutes.default, SCENARIO_LIMITS.blendAlpha.default]);
  });

  it('When a whole-number field gets a fraction, or a district rule exceeds the number of municipalities, then it is refused', () => {
    expect(scenarioParamsSchema.safeParse({ k: 2.5 }).success).toBe(false);
    expect(scenarioParamsSchema.safeParse({ districtMin: { Finnmark: SCENARIO_LIMITS.districtCount.max + 1 } }).success).toBe(false);
    expect(scenarioParamsSchema.safeParse({ weights: { crimeRate: SCENARIO_LIMITS.weight.max + 1 } }).success).toBe(false);
  });
});
