/**
 * Bench: Stedsvalg's exact solver against the reference of issue 15, PySAL spopt's formulations solved
 * by CBC (bench/peers/spopt_pulp.py, PuLP + Debian's coinor-cbc), on the same input files.
 *
 * Both tools are run as a user runs them, as whole processes: `node bin/stedsvalg.js locate … --json`
 * (node start, reading the three CSV files, solving, printing) against
 * `/usr/bin/python3 bench/peers/spopt_pulp.py …` (python start, reading, building, CBC, printing),
 * interleaved (Stedsvalg, peer, Stedsvalg, peer, …) `--reps` times (default 5). Printed per instance:
 * min and median wall time and peak resident memory of each, the ratio peer / Stedsvalg of the
 * medians and of the minima, and whether the two objective values agree. A peer run cut by
 * `--peer-time-limit` (CBC's own limit, default 900 s) is printed as "> limit" and its ratio as a
 * lower bound.
 *
 * Instances (bench/instances.ts): `box` (400 sites × 20,000 demand points, MCLP K = 20 at 45 km),
 * `sf-access` / `sf-coverage` (spopt's San Francisco case, p = 4; MCLP at 5,000 m), `pmed6` … `pmed20`
 * (OR-Library p-median). Choose with `--instances box,sf-access,pmed6` (default: all).
 *
 * The peer needs PuLP and CBC for /usr/bin/python3 (Debian: python3-pulp, coinor-cbc). CI does not
 * have them: then the bench says so, skips the peer and prints Stedsvalg's figures alone.
 * Not part of `npm test`. Run: npx ts-node --transpile-only bench/engine-vs-spopt.ts [flags]
 * (`--cli PATH` runs another build of bin/stedsvalg.js and skips the rebuild of dist/; `--no-peer` times Stedsvalg alone,
 * e.g. on pmed16–20 where one CBC run takes far longer than a bench session). CPU time (user + system, all
 * threads) of each process is printed next to wall time: on a shared machine it is the steadier figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { boxFiles, orLibFiles, sfFiles, type LocateFiles } from './instances';

const ROOT = join(__dirname, '..');
const PYTHON = '/usr/bin/python3';
const PEER = join(__dirname, 'peers', 'spopt_pulp.py');
const TIME = '/usr/bin/time';

interface Instance { name: string; files: () => Promise<LocateFiles>; k: number; objective: 'coverage' | 'access'; radius?: number }
interface Run { ms: number; cpuMs: number | null; rssMb: number | null; value: number | null; status: string; ok: boolean }

const PMEDS = Array.from({ length: 15 }, (_, i) => `pmed${i + 6}`);
async function instances(): Promise<Instance[]> {
  const list: Instance[] = [
    { name: 'box', files: () => boxFiles(), k: 20, objective: 'coverage', radius: 45 },
    { name: 'sf-access', files: async () => sfFiles(), k: 4, objective: 'access' },
    { name: 'sf-coverage', files: async () => sfFiles(), k: 4, objective: 'coverage', radius: 5000 },
  ];
  for (const name of PMEDS) {
    const p = (await orLibFiles(name)).p;
    list.push({ name, files: () => orLibFiles(name), k: p, objective: 'access' });
  }
  return list;
}

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** Runs a command, timing the whole process; peak RSS and CPU seconds (user + system) through /usr/bin/time when it exists. */
function timed(cmd: string, args: string[]): { ms: number; cpuMs: number | null; rssMb: number | null; stdout: string; code: number | null; stderr: string } {
  const rssFile = join(tmpdir(), `stedsvalg-bench-rss-${process.pid}`);
  const useTime = existsSync(TIME);
  const t = performance.now();
  const r = useTime
    ? spawnSync(TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  let rssMb: number | null = null;
  let cpuMs: number | null = null;
  if (useTime && existsSync(rssFile)) {
    const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    rssMb = kb / 1024;
    cpuMs = (user + sys) * 1000;
    rmSync(rssFile);
  }
  return { ms, cpuMs, rssMb, stdout: r.stdout, code: r.status, stderr: r.stderr };
}

function runStedsvalg(inst: Instance, f: LocateFiles): Run {
  const args = [flag('cli', join(ROOT, 'bin', 'stedsvalg.js')), 'locate', '--demand', f.demand, '--sites', f.sites, '--distances', f.distances,
    '--k', String(inst.k), '--objective', inst.objective, ...(inst.radius !== undefined ? ['--radius', String(inst.radius)] : []),
    '--time-limit', '600', '--json'];
  const r = timed(process.execPath, args);
  if (r.code !== 0) throw new Error(`stedsvalg locate failed on ${inst.name}: ${r.stderr}`);
  const s = JSON.parse(r.stdout) as { status: string; value: number };
  return { ms: r.ms, cpuMs: r.cpuMs, rssMb: r.rssMb, value: s.value, status: `${s.status}`, ok: s.status === 'optimal' };
}

function runPeer(inst: Instance, f: LocateFiles, limit: number): Run {
  const args = [PEER, '--demand', f.demand, '--sites', f.sites, '--distances', f.distances, '--k', String(inst.k),
    '--objective', inst.objective, ...(inst.radius !== undefined ? ['--radius', String(inst.radius)] : []), '--time-limit', String(limit)];
  const r = timed(PYTHON, args);
  if (r.code !== 0) throw new Error(`peer failed on ${inst.name} (exit ${r.code}): ${r.stderr}`);
  const s = JSON.parse(r.stdout) as { status: string; value: number | null };
  return { ms: r.ms, cpuMs: r.cpuMs, rssMb: r.rssMb, value: s.value, status: s.status, ok: s.status === 'Optimal' };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function describe(label: string, runs: Run[], limitMs: number): string {
  const ms = runs.map((r) => r.ms);
  const cut = runs.some((r) => !r.ok);
  const rss = runs.map((r) => r.rssMb).filter((x): x is number => x !== null);
  const cpu = runs.map((r) => r.cpuMs).filter((x): x is number => x !== null);
  return `${label} min ${cut && Math.min(...ms) >= limitMs ? '> ' : ''}${secs(Math.min(...ms))}, median ${cut ? '≥ ' : ''}${secs(median(ms))}` +
    `${cpu.length ? ` (CPU min ${secs(Math.min(...cpu))}, median ${secs(median(cpu))})` : ''}` +
    `${rss.length ? `, peak RSS ${Math.max(...rss).toFixed(0)} MB` : ''} [${[...new Set(runs.map((r) => r.status))].join('/')}]`;
}

function report(inst: Instance, ours: Run[], peer: Run[], limit: number): void {
  const line = [`${inst.name} (${inst.objective}, K = ${inst.k}${inst.radius !== undefined ? ` at ${inst.radius}` : ''}, ${ours.length} runs):`, describe('Stedsvalg', ours, Infinity)];
  if (peer.length) {
    line.push(describe('spopt+CBC', peer, limit * 1000));
    const cut = peer.some((r) => !r.ok);
    const ratioMed = median(peer.map((r) => r.ms)) / median(ours.map((r) => r.ms));
    const ratioMin = Math.min(...peer.map((r) => r.ms)) / Math.min(...ours.map((r) => r.ms));
    const cpus = [peer, ours].map((rs) => rs.map((r) => r.cpuMs).filter((x): x is number => x !== null));
    const ratioCpu = cpus[0].length && cpus[1].length ? `; CPU median ${cut ? '≥ ' : ''}${(median(cpus[0]) / median(cpus[1])).toFixed(2)}×` : '';
    line.push(`ratio spopt+CBC / Stedsvalg (> 1: Stedsvalg faster): wall median ${cut ? '≥ ' : ''}${ratioMed.toFixed(2)}×, min ${cut ? '≥ ' : ''}${ratioMin.toFixed(2)}×${ratioCpu}`);
    const a = ours[0].value;
    const agreeing = peer.filter((r) => r.ok).map((r) => r.value);
    const equal = agreeing.length === 0 ? 'peer never finished' : agreeing.every((b) => a !== null && b !== null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a))) ? 'equal' : 'DIFFERENT';
    line.push(`objective Stedsvalg ${a}, spopt+CBC ${agreeing[0] ?? '-'} (${equal})`);
  }
  console.log(line.join('\n  '));
}

async function main(): Promise<void> {
  const reps = Number(flag('reps', '5'));
  const limit = Number(flag('peer-time-limit', '900'));
  const wanted = flag('instances', '');
  if (!process.argv.includes('--cli')) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const noPeer = process.argv.includes('--no-peer');
  const peerReady = !noPeer && existsSync(PYTHON) && spawnSync(PYTHON, [PEER, '--check']).status === 0;
  if (noPeer) console.log("peer skipped (--no-peer); Stedsvalg's figures alone follow");
  else if (!peerReady) console.log(`peer skipped: PuLP with CBC is not available to ${PYTHON} (Debian: apt-get install python3-pulp coinor-cbc); Stedsvalg's figures alone follow`);
  const list = (await instances()).filter((i) => !wanted || wanted.split(',').includes(i.name));
  console.log(`${reps} interleaved runs per instance; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}; peer time limit ${limit} s`);
  for (const inst of list) {
    const f = await inst.files();
    const ours: Run[] = [];
    const peer: Run[] = [];
    for (let rep = 0; rep < reps; rep++) {
      ours.push(runStedsvalg(inst, f));
      if (peerReady) peer.push(runPeer(inst, f, limit));
    }
    report(inst, ours, peer, limit);
  }
  console.log(`load average at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

void main();
