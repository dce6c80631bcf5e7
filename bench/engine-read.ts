/**
 * Bench: `stedsvalg locate` reading a distance file as a stream, against a plain line count of the
 * same file (the floor), each in its own child process so that peak memory (max RSS) is per run.
 * Files are generated once, seeded, in os.tmpdir():
 * - "real": every demand point × (357 municipality sites + 218 stations) of data/, in drive minutes of
 *   the travel model (3,022 × 575 = 1,737,650 rows; targets: ≤ 2 s and ≤ 300 MB);
 * - "8M": 20,000 demand points × 400 sites uniform in a 500 × 500 km box, km (8,000,000 rows;
 *   target: no out-of-memory).
 * Runs the compiled CLI (dist/, rebuilt here first), as a user would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, haversineKmScalar } from '../src/engine';
import { loadBenchData, median } from './engine-data';
import { writeLines } from './instances';

const ROOT = join(__dirname, '..');
const DIR = join(tmpdir(), 'stedsvalg-bench-read');

interface Files { demand: string; sites: string; distances: string; rows: number }

async function realFiles(): Promise<Files> {
  const files = { demand: join(DIR, 'real-demand.csv'), sites: join(DIR, 'real-sites.csv'), distances: join(DIR, 'real-distances.csv'), rows: 0 };
  const data = loadBenchData();
  const sites = [
    ...data.municipalities.map((m) => ({ id: `k${m.kommunenummer}`, lon: m.centre[0], lat: m.centre[1], fixed: 0 })),
    ...data.existing.map((s) => ({ id: s.id, lon: s.lon, lat: s.lat, fixed: 1 })),
  ];
  files.rows = data.demand.length * sites.length;
  if (existsSync(files.distances)) return files;
  await writeLines(files.demand, ['id,weight,lon,lat', ...data.demand.map((d, i) => `d${i},${d.weight},${d.lon},${d.lat}`)]);
  await writeLines(files.sites, ['id,lon,lat,fixed', ...sites.map((s) => `${s.id},${s.lon},${s.lat},${s.fixed}`)]);
  await writeLines(files.distances, (function* () {
    yield 'demand_id,site_id,distance';
    for (let i = 0; i < data.demand.length; i++) {
      const d = data.demand[i];
      for (const s of sites) yield `d${i},${s.id},${data.travelMinutes(haversineKmScalar(d.lon, d.lat, s.lon, s.lat))}`;
    }
  })());
  return files;
}

async function syntheticFiles(): Promise<Files> {
  const files = { demand: join(DIR, '8m-demand.csv'), sites: join(DIR, '8m-sites.csv'), distances: join(DIR, '8m-distances.csv'), rows: 20000 * 400 };
  if (existsSync(files.distances)) return files;
  const rng = createRng(400);
  const point = () => [rng.next() * 500, rng.next() * 500];
  const demand = Array.from({ length: 20000 }, point);
  const sites = Array.from({ length: 400 }, point);
  await writeLines(files.demand, ['id,weight,lon,lat', ...demand.map((_, i) => `d${i},${1 + Math.floor(rng.next() * 100)},,`)]);
  await writeLines(files.sites, ['id,lon,lat,fixed', ...sites.map((_, j) => `s${j},,,0`)]);
  await writeLines(files.distances, (function* () {
    yield 'demand_id,site_id,distance';
    for (let i = 0; i < demand.length; i++) for (let j = 0; j < sites.length; j++) yield `d${i},s${j},${Math.hypot(demand[i][0] - sites[j][0], demand[i][1] - sites[j][1])}`;
  })());
  return files;
}

/** Runs a child node process; returns its wall time, max RSS and stdout. */
function child(args: string[]): { ms: number; rssMB: number; out: string } {
  const wrapper = `const t=performance.now();process.on('exit',()=>{process.stderr.write('\\nBENCH '+JSON.stringify({ms:performance.now()-t,rss:process.resourceUsage().maxRSS/1024})+'\\n')});`;
  const r = spawnSync(process.execPath, ['-e', `${wrapper}${args[0]}`, ...args.slice(1)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /BENCH (\{.*\})/.exec(r.stderr ?? '');
  if (!m) throw new Error(`child failed: ${r.stderr}`);
  const { ms, rss } = JSON.parse(m[1]);
  return { ms, rssMB: rss, out: r.stdout };
}

const LINE_COUNT = `const fs=require('fs');const fd=fs.openSync(process.argv[1],'r');const b=Buffer.alloc(1<<22);let n=0,k;while((k=fs.readSync(fd,b,0,b.length,null))>0){for(let i=0;i<k;i++)if(b[i]===10)n++;}process.stdout.write(String(n));`;
const LOCATE = `require('./dist/cli/main.js').main(process.argv.slice(1)).then((c)=>{process.exitCode=c;});`;

async function main(): Promise<void> {
  console.log('building dist/ (npm run build) so the child processes run the current code ...');
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(DIR, { recursive: true });
  for (const [label, make, solve] of [['real 3,022 × 575', realFiles, ['--objective', 'coverage', '--radius', '45', '--k', '20']], ['synthetic 20,000 × 400', syntheticFiles, ['--objective', 'coverage', '--radius', '45', '--k', '20', '--method', 'greedy']]] as const) {
    const f = await make();
    console.log(`\n${label}: ${f.rows.toLocaleString('en')} rows, ${(statSync(f.distances).size / 2 ** 20).toFixed(0)} MB (${f.distances})`);
    const count: number[] = [];
    const read: number[] = [];
    const rss: number[] = [];
    let solved = null;
    for (let rep = 0; rep < 3; rep++) {
      count.push(child([LINE_COUNT, f.distances]).ms);
      const run = child([LOCATE, 'locate', '--demand', f.demand, '--sites', f.sites, '--distances', f.distances, ...solve, '--json']);
      const summary = JSON.parse(run.out);
      read.push(summary.readMs);
      rss.push(run.rssMB);
      solved = { ...summary, wall: run.ms };
    }
    console.log(`  plain line count (the floor):          median ${median(count).toFixed(0)} ms`);
    console.log(`  locate reads demand, sites, distances: median ${median(read).toFixed(0)} ms (ratio to line count ${(median(read) / median(count)).toFixed(2)}), peak RSS of the whole locate process ${Math.max(...rss).toFixed(0)} MB`);
    console.log(`  locate end to end (${solve.join(' ')}): ${solved!.wall.toFixed(0)} ms, status ${solved!.status} (${solved!.solver}), value ${solved!.value}, solve ${solved!.solveMs} ms`);
  }
}

void main();
