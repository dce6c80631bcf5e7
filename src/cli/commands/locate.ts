import { numberFlag, parseArgs, stringFlag, type ParsedArgs } from '../args';
import { CliUsageError, type CommandFn } from '../types';
import { readCsvFile, numberCell } from './score';
import { readDistanceFile } from './distance-file';
import { buildLocationProblem, evaluateSet, selectSites, type LocationProblem, type SelectionObjective, type SelectionResult, violationText } from '../../engine';
import { statusLabel } from '../solver-status';

export const usage = `usage: stedsvalg locate --demand FILE.csv --sites FILE.csv [--distances FILE.csv]
                        --k N --objective coverage|access|beyond [--radius R]
                        [--method exact|greedy] [--time-limit SECONDS] [--gap TOLERANCE]
                        [--max-per-group N] [--json]

  --demand     rows "id,weight,lon,lat" (weight ≥ 0, e.g. residents)
  --sites      rows "id,lon,lat,fixed[,group]"; fixed = 1/true/yes for an existing facility that
               stays open; optional group: at most --max-per-group (default 1) chosen sites per group
  --distances  optional rows "demand_id,site_id,distance" replacing straight-line km (read as a
               stream); pairs not listed are unreachable; lon/lat may then be empty
  --k          number of new sites to open (among the non-fixed sites)
  --objective  coverage: maximise the demand weight within R of an open site (fixed included)
               access:   minimise Σ weight × distance to the nearest open site
               beyond:   minimise Σ weight × max(0, distance − R) to the nearest open site
  --radius     R, in km (straight line) or in the unit of the distance file; required for beyond,
               default 45 for coverage; for access only used to report the weight within R
  --time-limit exact solver wall-clock limit in seconds (default 60)
  --gap        relative optimality tolerance (default 1e-6): "optimal" means the chosen set is proven
               within this of the best possible; integer weights: proven exactly optimal
Within R means distance ≤ R exactly (64-bit). Every figure is recomputed from the chosen set.
A demand point that no open site reaches counts at its largest distance to any site (access, beyond);
a demand point with no distance to any site at all is an error for access and beyond.
`;

interface Row { id: string; line: number; lon: number; lat: number; values: Record<string, string> }

function readPoints(path: string, label: string, columns: string[], needCoords: boolean): Row[] {
  const { header, records } = readCsvFile(path, label);
  for (const col of columns) if (!header.includes(col)) throw new CliUsageError(`${path}: missing column "${col}" (expected ${columns.join(',')})`);
  if (records.length === 0) throw new CliUsageError(`${path}: no rows`);
  const seen = new Set<string>();
  return records.map(({ line, values }) => {
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
}

function parseFixed(path: string, line: number, raw: string | undefined): boolean {
  const v = (raw ?? '').trim().toLowerCase();
  if (['1', 'true', 'yes', 'ja', 'y'].includes(v)) return true;
  if (['', '0', 'false', 'no', 'nei', 'n'].includes(v)) return false;
  throw new CliUsageError(`${path} line ${line}, column fixed: "${raw}" must be 1/0, true/false or yes/no`);
}

interface Loaded {
  problem: LocationProblem;
  candidates: { id: string; group: string | null }[];
  demandIds: string[];
  readMs: number;
}

function loadProblem(demandPath: string, sitesPath: string, distancesPath: string | undefined): Loaded {
  const t0 = performance.now();
  const needCoords = distancesPath === undefined;
  const demand = readPoints(demandPath, 'demand', ['id', 'weight', 'lon', 'lat'], needCoords).map((r) => {
    const weight = numberCell(demandPath, r.line, 'weight', r.values.weight);
    if (weight < 0) throw new CliUsageError(`${demandPath} line ${r.line}, column weight: must be ≥ 0`);
    return { id: r.id, lon: r.lon, lat: r.lat, weight };
  });
  const sites = readPoints(sitesPath, 'sites', ['id', 'lon', 'lat', 'fixed'], needCoords).map((r) => ({
    ...r, fixed: parseFixed(sitesPath, r.line, r.values.fixed), group: r.values.group?.trim() || null,
  }));
  const candidates = sites.filter((s) => !s.fixed);
  const fixed = sites.filter((s) => s.fixed);
  let costs: { candidate: Float64Array; fixedNearest: Float64Array } | undefined;
  if (distancesPath !== undefined) {
    let next = 0;
    const candidateOf = Int32Array.from(sites, (s) => (s.fixed ? -1 : next++));
    costs = readDistanceFile(distancesPath, { demandIds: demand.map((d) => d.id), siteIds: sites.map((s) => s.id), candidateOf, nCandidates: candidates.length });
  }
  const problem = buildLocationProblem({ demand, candidates, fixed, costs });
  return { problem, candidates: candidates.map((c) => ({ id: c.id, group: c.group })), demandIds: demand.map((d) => d.id), readMs: performance.now() - t0 };
}

interface Flags {
  k: number;
  objective: SelectionObjective;
  radius: number | null;
  method: 'exact' | 'greedy';
  timeLimitSeconds: number;
  gapTolerance: number;
  maxPerGroup: number;
}

function readFlags(parsed: ParsedArgs): Flags {
  const k = numberFlag(parsed, 'k', NaN);
  if (!Number.isInteger(k) || k < 0) throw new CliUsageError('--k is required and must be a whole number ≥ 0');
  const objective = stringFlag(parsed, 'objective', true);
  if (objective !== 'coverage' && objective !== 'access' && objective !== 'beyond') throw new CliUsageError(`--objective must be coverage, access or beyond, got "${objective}"`);
  const radius = parsed.flags.radius === undefined ? null : numberFlag(parsed, 'radius', 45);
  if (radius !== null && radius < 0) throw new CliUsageError('--radius must be ≥ 0');
  if (objective === 'beyond' && radius === null) throw new CliUsageError('--radius is required for --objective beyond');
  const method = stringFlag(parsed, 'method') ?? 'exact';
  if (method !== 'exact' && method !== 'greedy') throw new CliUsageError(`--method must be exact or greedy, got "${method}"`);
  const timeLimitSeconds = numberFlag(parsed, 'time-limit', 60);
  if (!(timeLimitSeconds > 0)) throw new CliUsageError('--time-limit must be > 0');
  const gapTolerance = numberFlag(parsed, 'gap', 1e-6);
  if (!(gapTolerance >= 0 && gapTolerance < 1)) throw new CliUsageError('--gap must be ≥ 0 and < 1');
  const maxPerGroup = numberFlag(parsed, 'max-per-group', 1);
  if (!Number.isInteger(maxPerGroup) || maxPerGroup < 1) throw new CliUsageError('--max-per-group must be a whole number ≥ 1');
  return { k, objective, radius, method, timeLimitSeconds, gapTolerance, maxPerGroup };
}

/** Rejects a demand point that no site reaches at all, where the cost objectives need a distance. */
function checkReachable(problem: LocationProblem, demandIds: string[], path: string | undefined): void {
  for (let i = 0; i < problem.nDemand; i++) {
    if (problem.fixedCost[i] < Infinity) continue;
    if (!problem.candidateCost.subarray(i * problem.nCandidates, (i + 1) * problem.nCandidates).some((c) => c < Infinity)) {
      throw new CliUsageError(`${path ?? 'demand'}: demand point "${demandIds[i]}" has no distance to any site, so access is undefined`);
    }
  }
}

function summarise(f: Flags, loaded: Loaded, result: SelectionResult) {
  const { problem } = loaded;
  const solved = result.status !== 'infeasible' && result.status !== 'timedOut';
  const index = new Map(problem.candidateIds.map((id, j) => [id, j]));
  const chosen = result.selected.map((id) => index.get(id)!);
  const ev = solved ? evaluateSet(problem, chosen, f.radius ?? 0) : null;
  const shift = f.objective === 'coverage' && ev ? ev.fixedCovered : 0;
  return {
    status: result.status, solver: result.solver, method: f.method, objective: f.objective, radius: f.radius, k: f.k,
    value: result.objective === null ? null : result.objective + shift, bound: result.bound === null ? null : result.bound + shift,
    gap: result.gap, gapTolerance: result.gapTolerance, timeLimitSeconds: f.timeLimitSeconds, stoppedBy: result.stoppedBy,
    selected: result.selected, sites: result.sites, violated: result.violated.map(violationText), unreachedDemandPoints: ev?.unreached ?? null,
    ...(f.radius !== null ? { coveredWeight: ev?.coveredTotal ?? null } : {}),
    meanDistance: ev?.meanAccess ?? null, ...(f.objective === 'beyond' ? { weightedDistanceBeyond: ev?.beyondCost ?? null } : {}),
    notes: result.notes, readMs: Math.round(loaded.readMs), solveMs: Math.round(result.solveMs),
  };
}

/** `stedsvalg locate`: maximal covering, p-median or beyond-the-limit location on the analyst's own files (see `usage`). */
export const run: CommandFn = async (args, io) => {
  const parsed = parseArgs(args, ['json', 'help']);
  if (parsed.flags.help) {
    io.stdout(usage);
    return 0;
  }
  const demandPath = stringFlag(parsed, 'demand', true);
  const sitesPath = stringFlag(parsed, 'sites', true);
  const distancesPath = stringFlag(parsed, 'distances');
  const f = readFlags(parsed);
  const loaded = loadProblem(demandPath, sitesPath, distancesPath);
  if (f.objective !== 'coverage') checkReachable(loaded.problem, loaded.demandIds, distancesPath);
  const result = await selectSites(
    { candidates: loaded.candidates.map((c) => ({ id: c.id, group: c.group })), location: loaded.problem },
    { k: f.k, objective: f.objective, radius: f.radius ?? 45, method: f.method, timeLimitSeconds: f.timeLimitSeconds, gapTolerance: f.gapTolerance, maxPerGroup: f.maxPerGroup },
  );
  const summary = summarise(f, loaded, result);
  const failed = result.status === 'infeasible' || result.status === 'timedOut';
  if (parsed.flags.json) {
    io.stdout(JSON.stringify(summary, null, 2) + '\n');
    return failed ? 1 : 0;
  }
  if (failed) {
    io.stdout(`status ${result.status}${result.violated.length ? `: ${result.violated.map(violationText).join('; ')}` : ''}\n`);
    return 1;
  }
  printTable(io.stdout, f, summary);
  return 0;
};

function printTable(out: (s: string) => void, f: Flags, s: ReturnType<typeof summarise>): void {
  const label = f.objective === 'coverage' ? `demand weight within ${f.radius ?? 45} of an open site`
    : f.objective === 'access' ? 'Σ weight × distance to the nearest open site' : `Σ weight × distance beyond ${f.radius}`;
  const num = (v: number | null): string => (v === null ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(4));
  out(`status ${statusLabel(s)} (${s.method}, ${s.solver}), objective ${f.objective}: ${label} = ${num(s.value)}\n`);
  out(`bound ${num(s.bound)}, gap ${s.gap === null ? '-' : `${(100 * s.gap).toPrecision(3)} %`} (tolerance ${s.gapTolerance}), read ${s.readMs} ms, solve ${s.solveMs} ms\n`);
  if (f.objective !== 'coverage' && s.meanDistance !== null) out(`mean distance to the nearest open site ${s.meanDistance.toFixed(6)}\n`);
  if (s.unreachedDemandPoints) out(`${s.unreachedDemandPoints} demand points are reached by no open site (counted at their largest distance to any site)\n`);
  for (const note of s.notes) out(`note: ${note}\n`);
  out(`${'order'.padStart(5)}  ${'site'.padEnd(12)}  ${'gain'.padStart(14)}  ${'loss if removed'.padStart(15)}\n`);
  s.sites.forEach((site, i) => {
    out(`${String(i + 1).padStart(5)}  ${site.id.padEnd(12)}  ${num(site.marginalGain).padStart(14)}  ${num(site.lossIfRemoved).padStart(15)}\n`);
  });
}
