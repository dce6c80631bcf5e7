/**
 * Bench: the published instances (prints figures).
 * - spopt's San Francisco p-median (205 × 16, p = 4) and MCLP (5,000 m, p = 4) through `stedsvalg locate`
 *   as a user runs it: whole process wall time, 5 runs each (compiled CLI in dist/, rebuilt first);
 *   the in-process solve time with enumeration and with the MILP forced.
 * - OR-Library pmed instances in test/fixtures/orlib: exact solve time and value against the official optimum.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildLocationProblem, loadSolver, selectSites } from '../src/engine';
import { loadOrLib, PMED_OPTIMA } from '../test/helpers/orlib';
import { sfLocateFiles } from '../test/helpers/spopt';
import { median } from './engine-data';

const ROOT = join(__dirname, '..');
async function main(): Promise<void> {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const f = sfLocateFiles();
  for (const [label, args] of [['p-median p=4', ['--objective', 'access']], ['MCLP p=4 at 5,000 m', ['--objective', 'coverage', '--radius', '5000']]] as const) {
    const times: number[] = [];
    let summary = null;
    for (let rep = 0; rep < 5; rep++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'stedsvalg.js'), 'locate', '--demand', f.demand, '--sites', f.sites, '--distances', f.distances, '--k', '4', ...args, '--json'], { encoding: 'utf8' });
      times.push(performance.now() - t);
      summary = JSON.parse(r.stdout);
    }
    console.log(`SF ${label}: whole locate process median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}), ${summary.status} (${summary.solver}), value ${summary.value}, mean distance ${summary.meanDistance}`);
  }
  await loadSolver();
  for (const name of readdirSync(join(ROOT, 'test', 'fixtures', 'orlib')).filter((x) => x.endsWith('.txt')).map((x) => x.replace('.txt', ''))) {
    const inst = loadOrLib(name);
    const ids = Array.from({ length: inst.n }, (_, i) => String(i + 1));
    const location = buildLocationProblem({ demand: ids.map((id) => ({ id, lon: 0, lat: 0, weight: 1 })), candidates: ids.map((id) => ({ id, lon: 0, lat: 0 })), costs: { candidate: inst.dist } });
    const t = performance.now();
    const r = await selectSites({ candidates: ids.map((id) => ({ id })), location }, { k: inst.p, objective: 'access', timeLimitSeconds: 600 });
    console.log(`${name} (n=${inst.n}, p=${inst.p}): ${(performance.now() - t).toFixed(0)} ms, ${r.status}, value ${r.objective}, bound ${r.bound}, official optimum ${PMED_OPTIMA[name]} (${r.objective === PMED_OPTIMA[name] ? 'equal' : 'DIFFERENT'}); ${r.notes[0]}`);
  }
}

void main();
