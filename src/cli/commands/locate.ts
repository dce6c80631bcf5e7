import { numberFlag, parseArgs, stringFlag } from '../args';
import { CliUsageError, type CommandFn } from '../types';
import { readCsvFile, numberCell } from './score';
import { buildLocationProblem, evaluateSet, selectSites, type LocationProblem } from '../../engine';

export const usage = `usage: stedsvalg locate --demand FILE.csv --sites FILE.csv [--distances FILE.csv]
                        --k N --objective coverage|access --radius R
                        [--method exact|greedy] [--time-limit SECONDS] [--json]

  --demand     rows "id,weight,lon,lat" (weight ≥ 0, e.g. residents)
  --sites      rows "id,lon,lat,fixed"; fixed = 1/true/yes for an existing facility that stays open
  --distances  optional rows "demand_id,site_id,distance" replacing straight-line km; pairs not
               listed are unreachable; lon/lat may then be empty
  --k          number of new sites to open (among the non-fixed sites)
  --objective  coverage: maximise the demand weight within R of an open site (fixed included)
               access:   minimise Σ weight × distance to the nearest open site
  --radius     R, in km (straight line) or in the unit of the distance file (default 45)
A demand point that no open site reaches counts at its largest distance to any site (access);
a demand point with no distance to any site at all is an error for access.
`;

interface Row { id: string; line: number; lon: number; lat: number }

function readPoints(path: string, label: string, columns: string[], needCoords: boolean): { header: string[]; rows: (Row & { values: Record<string, string> })[] } {
  const { header, records } = readCsvFile(path, label);
  for (const col of columns) if (!header.includes(col)) throw new CliUsageError(`${path}: missing column "${col}" (expected ${columns.join(',')})`);
  if (records.length === 0) throw new CliUsageError(`${path}: no rows`);
  const seen = new Set<string>();
  const rows = records.map(({ line, values }) => {
    const id = values.id.trim();
    if (!id) throw new CliUsageError(`${path} line ${line}, column id: empty id`);
    if (seen.has(id)) throw new CliUsageError(`${path} line ${line}, column id: "${id}" appears twice`);
    seen.add(id);
    const lon = numberCell(path, line, 'lon', values.lon, !needCoords);
    const lat = numberCell(path, line, 'lat', values.lat, !needCoords);
    if (needCoords && (lon < -180 || lon > 180)) throw new CliUsageError(`${path} line ${line}, column lon: ${lon} is outside −180…180`);
    if (needCoords && (lat < -90 || lat > 90)) throw new CliUsageError(`${path} line ${line}, column lat: ${lat} is outside −90…90`);
    return { id, line, lon, lat, values };
  });
  return { header, rows };
}

function parseFixed(path: string, line: number, raw: string | undefined): boolean {
  const v = (raw ?? '').trim().toLowerCase();
  if (['1', 'true', 'yes', 'ja', 'y'].includes(v)) return true;
  if (['', '0', 'false', 'no', 'nei', 'n'].includes(v)) return false;
  throw new CliUsageError(`${path} line ${line}, column fixed: "${raw}" must be 1/0, true/false or yes/no`);
}

function readDistances(path: string, demandIndex: Map<string, number>, siteIndex: Map<string, number>, nSites: number): Float32Array {
  const { header, records } = readCsvFile(path, 'distances');
  for (const col of ['demand_id', 'site_id', 'distance']) if (!header.includes(col)) throw new CliUsageError(`${path}: missing column "${col}" (expected demand_id,site_id,distance)`);
  const matrix = new Float32Array(demandIndex.size * nSites).fill(Infinity);
  for (const { line, values } of records) {
    const d = demandIndex.get(values.demand_id.trim());
    if (d === undefined) throw new CliUsageError(`${path} line ${line}, column demand_id: "${values.demand_id}" is not in the demand file`);
    const s = siteIndex.get(values.site_id.trim());
    if (s === undefined) throw new CliUsageError(`${path} line ${line}, column site_id: "${values.site_id}" is not in the sites file`);
    const dist = numberCell(path, line, 'distance', values.distance);
    if (dist < 0) throw new CliUsageError(`${path} line ${line}, column distance: must be ≥ 0`);
    matrix[d * nSites + s] = dist;
  }
  return matrix;
}

function loadProblem(demandPath: string, sitesPath: string, distancesPath: string | undefined): { problem: LocationProblem; candidateIds: string[]; demandIds: string[] } {
  const needCoords = distancesPath === undefined;
  const demand = readPoints(demandPath, 'demand', ['id', 'weight', 'lon', 'lat'], needCoords).rows.map((r) => {
    const weight = numberCell(demandPath, r.line, 'weight', r.values.weight);
    if (weight < 0) throw new CliUsageError(`${demandPath} line ${r.line}, column weight: must be ≥ 0`);
    return { id: r.id, lon: r.lon, lat: r.lat, weight };
  });
  const sites = readPoints(sitesPath, 'sites', ['id', 'lon', 'lat', 'fixed'], needCoords).rows.map((r) => ({ ...r, fixed: parseFixed(sitesPath, r.line, r.values.fixed) }));
  const candidates = sites.filter((s) => !s.fixed);
  const fixed = sites.filter((s) => s.fixed);
  let costs: { candidate: Float32Array; fixed: Float32Array } | undefined;
  if (distancesPath !== undefined) {
    const all = readDistances(distancesPath, new Map(demand.map((d, i) => [d.id, i])), new Map(sites.map((s, i) => [s.id, i])), sites.length);
    const pick = (group: typeof sites): Float32Array => {
      const idx = group.map((s) => sites.indexOf(s));
      const out = new Float32Array(demand.length * group.length);
      for (let i = 0; i < demand.length; i++) idx.forEach((s, j) => (out[i * group.length + j] = all[i * sites.length + s]));
      return out;
    };
    costs = { candidate: pick(candidates), fixed: pick(fixed) };
  }
  const problem = buildLocationProblem({ demand, candidates, fixed, costs });
  return { problem, candidateIds: candidates.map((c) => c.id), demandIds: demand.map((d) => d.id) };
}

/** `stedsvalg locate`: maximal covering or p-median location on the analyst's own files (see HELP). */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'help']);
  if (parsed.flags.help) {
    io.stdout(usage);
    return 0;
  }
  const demandPath = stringFlag(parsed, 'demand', true);
  const sitesPath = stringFlag(parsed, 'sites', true);
  const distancesPath = stringFlag(parsed, 'distances');
  const k = numberFlag(parsed, 'k', NaN);
  if (!Number.isInteger(k) || k < 0) throw new CliUsageError('--k is required and must be a whole number ≥ 0');
  const objective = stringFlag(parsed, 'objective', true);
  if (objective !== 'coverage' && objective !== 'access') throw new CliUsageError(`--objective must be coverage or access, got "${objective}"`);
  const radius = numberFlag(parsed, 'radius', 45);
  if (radius < 0) throw new CliUsageError('--radius must be ≥ 0');
  const method = stringFlag(parsed, 'method') ?? 'exact';
  if (method !== 'exact' && method !== 'greedy') throw new CliUsageError(`--method must be exact or greedy, got "${method}"`);
  const timeLimitSeconds = numberFlag(parsed, 'time-limit', 60);
  if (!(timeLimitSeconds > 0)) throw new CliUsageError('--time-limit must be > 0');

  const { problem, candidateIds, demandIds } = loadProblem(demandPath, sitesPath, distancesPath);
  if (objective === 'access') {
    for (let i = 0; i < problem.nDemand; i++) {
      if (problem.fixedCost[i] === Infinity && problem.penaltyCost[i] === 0 && !problem.candidateCost.subarray(i * problem.nCandidates, (i + 1) * problem.nCandidates).some((c) => c < Infinity)) {
        throw new CliUsageError(`${distancesPath}: demand point "${demandIds[i]}" has no distance to any site, so access is undefined`);
      }
    }
  }
  const result = await selectSites({ candidates: candidateIds.map((id) => ({ id })), location: problem }, { k, objective, radius, method, timeLimitSeconds });
  const fixedOnly = evaluateSet(problem, [], radius);
  const shift = objective === 'coverage' ? fixedOnly.fixedCovered : 0;
  const value = result.objective === null ? null : result.objective + shift;
  const bound = result.bound === null ? null : result.bound + shift;
  const chosen = new Set(result.selected.map((id) => candidateIds.indexOf(id)));
  let unreached = 0;
  for (let i = 0; i < problem.nDemand; i++) {
    let best = problem.fixedCost[i];
    for (const j of chosen) best = Math.min(best, problem.candidateCost[i * problem.nCandidates + j]);
    if (best === Infinity) unreached++;
  }
  const summary = {
    status: result.status, method, objective, radius, k, value, bound, gap: result.gap,
    selected: result.selected, sites: result.sites, violated: result.violated, unreachedDemandPoints: unreached,
    coveredWeight: result.status === 'infeasible' || result.status === 'timedOut' ? null : fixedOnly.fixedCovered + (result.newlyCovered ?? 0),
    meanDistance: result.meanAccess, solveMs: Math.round(result.solveMs),
  };
  if (parsed.flags.json) {
    io.stdout(JSON.stringify(summary, null, 2) + '\n');
    return result.status === 'infeasible' || result.status === 'timedOut' ? 1 : 0;
  }
  if (result.status === 'infeasible' || result.status === 'timedOut') {
    io.stdout(`status ${result.status}${result.violated.length ? `: ${result.violated.join('; ')}` : ''}\n`);
    return 1;
  }
  const label = objective === 'coverage' ? `demand weight within ${radius} of an open site` : 'Σ weight × distance to the nearest open site';
  io.stdout(`status ${result.status} (${method}), objective ${objective}: ${label} = ${value!.toFixed(2)}\n`);
  io.stdout(`bound ${bound === null ? '-' : bound.toFixed(2)}, gap ${result.gap === null ? '-' : (100 * result.gap).toFixed(4) + ' %'}, ${Math.round(result.solveMs)} ms\n`);
  if (unreached > 0) io.stdout(`${unreached} demand points are reached by no open site (counted at their largest distance to any site)\n`);
  io.stdout(`${'order'.padStart(5)}  ${'site'.padEnd(12)}  ${'gain'.padStart(12)}  ${'loss if removed'.padStart(15)}\n`);
  result.sites.forEach((s, i) => {
    io.stdout(`${String(i + 1).padStart(5)}  ${s.id.padEnd(12)}  ${s.marginalGain.toFixed(2).padStart(12)}  ${s.lossIfRemoved.toFixed(2).padStart(15)}\n`);
  });
  return 0;
};
