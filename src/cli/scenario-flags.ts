import { ZodError } from 'zod';
import type { ParsedArgs } from './args';
import { CliUsageError } from './types';
import { scenarioFromQuery, type ScenarioParams } from '../model/scenario';
import { getScenario } from '../db/scenarios-repo';
import { scenarioReference } from '../planning/reference';
import { issueText } from '../common/errors';
import type { Db } from '../db/connection';

/** Scenario flags shared by `rank`, `select` and `robustness`. */
export const scenarioFlagHelp = `scenario options:
  --scenario ID                 start from a saved scenario
  --weights id:w,id:w           criterion weights (see GET /api/criteria), e.g. crimeRate:2,driveTime:3
  --normalization minmax|percentile|z   --aggregation wsm|topsis   --gate on|off (wish gate)
  --k N   --objective coverage|beyond|access|score|blend   --minutes T   --blend-alpha A
                                (beyond = minutes beyond the limit: Σ residents × max(0, t − T))
  --district-min Name:n,…   --district-max Name:n,…   --include 0301,…   --exclude 0301,…
  --travel-model builtin|ID     drive times: the built-in land/sea model (default) or an imported matrix (travel-matrix list)`;

/**
 * Reads a scenario from CLI flags (over a saved scenario when `--scenario ID` is given).
 * @throws CliUsageError naming the flag when a value is invalid
 */
export function scenarioFromFlags(db: Db, parsed: ParsedArgs): ScenarioParams {
  const f = parsed.flags;
  const str = (name: string): string | undefined => (typeof f[name] === 'string' ? (f[name] as string) : undefined);
  let base: ScenarioParams | null = null;
  const id = str('scenario');
  if (id) {
    const saved = getScenario(db, id);
    if (!saved) throw new CliUsageError(`--scenario: no saved scenario with id ${id}`);
    base = saved.params;
  }
  const gate = str('gate');
  if (gate !== undefined && gate !== 'on' && gate !== 'off') throw new CliUsageError(`--gate must be on or off, got "${gate}"`);
  const query: Record<string, unknown> = {
    weights: str('weights'), normalization: str('normalization'), method: str('aggregation'),
    wishGate: gate === undefined ? undefined : gate === 'on' ? 'true' : 'false',
    k: str('k'), objective: str('objective'), minutes: str('minutes'), blendAlpha: str('blend-alpha'),
    districtMin: str('district-min'), districtMax: str('district-max'), include: str('include'), exclude: str('exclude'),
    travelModel: str('travel-model'),
  };
  try {
    return scenarioFromQuery(query, base ?? undefined, scenarioReference(db));
  } catch (err) {
    if (err instanceof ZodError) {
      const flag = (field: string) => (field === 'method' ? 'aggregation' : field === 'wishGate' ? 'gate' : field.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()));
      throw new CliUsageError([...new Set(err.issues.map((i) => `--${flag(String(i.path[0]))}${i.path.length > 1 ? '.' + i.path.slice(1).join('.') : ''}: ${issueText(i, 'en')}`))].join('; '));
    }
    throw err;
  }
}
