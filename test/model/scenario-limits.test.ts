import { SCENARIO_LIMITS } from '../../src/model/scenario-limits';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { describeZodError } from '../../src/common/errors';

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
    const said = (r: typeof below) => (r.success ? '' : describeZodError(r.error));
    expect(said(below)).toBe(`${field}: must be from ${limit.min} to ${limit.max}, got ${limit.min - 1}`);
    expect(said(above)).toBe(`${field}: must be from ${limit.min} to ${limit.max}, got ${limit.max + 1}`);
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
