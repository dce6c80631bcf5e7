import { kommunenummer } from '../../src/common/kommunenummer';
import { defaultScenarioParams, scenarioFromQuery, type ScenarioParams } from '../../src/model/scenario';
import { scenarioFromQueryString, scenarioQuery } from '../../src/client/workspace/query';

/** A scenario that differs from the defaults in every field. */
const varied: ScenarioParams = {
  ...defaultScenarioParams,
  weights: { ...defaultScenarioParams.weights, crimeRate: 7.5, driveTime: 0, population: 10 },
  normalization: 'percentile',
  method: 'topsis',
  wishGate: false,
  k: 12,
  objective: 'blend',
  minutes: 60,
  blendAlpha: 0.25,
  districtMin: { Finnmark: 2, 'Møre og Romsdal': 1 },
  districtMax: { Oslo: 0 },
  include: [kommunenummer('0301'), kommunenummer('5601')],
  exclude: [kommunenummer('1804')],
};

/** The query as Express hands it to the server (one string per key). */
const serverQuery = (q: string): Record<string, string> => Object.fromEntries(new URLSearchParams(q));

describe('workspace scenario as a URL query', () => {
  it('When the default scenario is written and read back, then it is unchanged', () => {
    expect(scenarioFromQueryString(scenarioQuery(defaultScenarioParams), defaultScenarioParams)).toEqual(defaultScenarioParams);
  });

  it('When a scenario that differs in every field is written and read back over the defaults, then every field comes back', () => {
    expect(scenarioFromQueryString(scenarioQuery(varied), defaultScenarioParams)).toEqual(varied);
  });

  it('When the server reads the query the browser writes, then it gets the same scenario', () => {
    expect(scenarioFromQuery(serverQuery(scenarioQuery(varied)))).toEqual(varied);
    expect(scenarioFromQuery(serverQuery(scenarioQuery(defaultScenarioParams)))).toEqual(defaultScenarioParams);
  });

  it('When district rules and include/exclude are empty, then the query leaves them out', () => {
    const q = scenarioQuery(defaultScenarioParams);
    expect(q).not.toMatch(/districtMin|districtMax|include|exclude/);
    expect(q).toContain('k=20');
  });

  it('When k is omitted (the municipality comparison uses k for municipalities), then the query has no k and the rest is intact', () => {
    const q = scenarioQuery(varied, ['k']);
    expect(new URLSearchParams(q).has('k')).toBe(false);
    expect(scenarioFromQueryString(q, defaultScenarioParams)).toEqual({ ...varied, k: defaultScenarioParams.k });
  });

  it('When a query has values out of range, unknown choices or unknown criteria, then those fields keep the base values', () => {
    const q = 'k=500&minutes=2&blendAlpha=abc&normalization=log&objective=&weights=crimeRate:3,nonsense:4,driveTime:-1&include=0301,abc,12345&districtMin=Finnmark:1000,Oslo:2';
    const read = scenarioFromQueryString(q, varied);
    expect(read).toEqual({
      ...varied,
      weights: { ...varied.weights, crimeRate: 3 },
      include: ['0301'],
      districtMin: { Oslo: 2 },
    });
  });

  it('When a query starts with ? or is given as URLSearchParams, then it reads the same', () => {
    const q = scenarioQuery(varied);
    expect(scenarioFromQueryString(`?${q}`, defaultScenarioParams)).toEqual(varied);
    expect(scenarioFromQueryString(new URLSearchParams(q), defaultScenarioParams)).toEqual(varied);
  });
});
