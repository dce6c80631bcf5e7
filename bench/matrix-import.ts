/**
 * A full router matrix import and the server's other users: a CSV of every demand point × every site and
 * station (about 5.1 million rows, 100 MB: what a GIS unit's OSRM table gives) posted as a dry run (so it is read,
 * checked and cut off completely, and nothing is stored, so the runs repeat), while /healthz is probed every
 * 50 ms. Two servers in the same run, each in its own process: the app as it is (the heavy half of the import in a
 * worker thread) and the same app with heavy work in the request thread (the reference: how every import ran
 * before 2026-12-02). Prints, per server and interleaved run, the import's wall time and /healthz's median and
 * worst latency during it. Minutes are synthetic (straight-line km × 1.2 + 5): the reader's work does not depend on them.
 * Run: npx ts-node --transpile-only bench/matrix-import.ts [runs]   (prints figures; never pass/fail)
 */
import http from 'node:http';
import { percentile, startBenchServer, timedGet, type BenchServer } from './lib/load';
import { haversineKm } from '../src/engine/sphere';

const runs = Math.max(1, Number(process.argv[2] ?? 3) || 3);

function getText(url: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

/** The full matrix as CSV, from the server's own points file. */
async function fullCsv(server: BenchServer): Promise<Buffer> {
  const text = await getText(`${server.url}/travel-matrices/points.csv`, server.tokens[0]);
  const rows = text.trim().split('\n').slice(1).map((l) => l.split(','));
  const sources = rows.filter((r) => r[1] === 'source');
  const targets = rows.filter((r) => r[1] !== 'source');
  const parts: string[] = ['from_id,to_id,minutes\n'];
  for (const s of sources) {
    const lines: string[] = [];
    for (const t of targets) lines.push(`${s[2]},${t[2]},${(haversineKm([+s[3], +s[4]], [+t[3], +t[4]]) * 1.2 + 5).toFixed(1)}`);
    parts.push(lines.join('\n') + '\n');
  }
  return Buffer.from(parts.join(''));
}

/** Posts the file as a multipart dry run. */
function postMatrix(server: BenchServer, file: Buffer): Promise<{ status: number; ms: number; body: string }> {
  const boundary = `----bench${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="full.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/api/travel-matrices`, {
      method: 'POST',
      // A fresh connection: a kept-alive one from the previous run may be closed by the server as it is reused.
      agent: false,
      headers: { Authorization: `Bearer ${server.tokens[0]}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + file.length + tail.length },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body }));
    });
    req.on('error', reject);
    req.write(head);
    req.write(file);
    req.end(tail);
  });
}

async function oneRun(server: BenchServer, file: Buffer): Promise<string> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let done = false;
  const health: number[] = [];
  let resets = 0;
  const probing = (async () => {
    while (!done) {
      const t0 = performance.now();
      try {
        health.push((await timedGet(agent, `${server.url}/healthz`, {})).ms);
      } catch {
        // A server that blocks longer than its keep-alive timeout (5 s) closes the idle connection the next probe was
        // sent on: the probe failed for as long as it waited.
        resets++;
        health.push(performance.now() - t0);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await postMatrix(server, file);
  done = true;
  await probing;
  agent.destroy();
  const summary = JSON.parse(result.body).summary as { pairsRead: number; pairsKept: number } | null;
  return `${server.mode.padEnd(7)} import ${result.status} in ${(result.ms / 1000).toFixed(1)} s (${summary?.pairsRead ?? '?'} pairs read, ${summary?.pairsKept ?? '?'} kept); ` +
    `/healthz during it: ${health.length} probes (${resets} reset), median ${percentile(health, 50).toFixed(0)} ms, worst ${Math.max(...health).toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const workers = await startBenchServer('workers');
  const inline = await startBenchServer('inline');
  try {
    const file = await fullCsv(workers);
    console.log(`full matrix CSV: ${(file.length / 1e6).toFixed(1)} MB`);
    const worst: Record<string, number[]> = { workers: [], inline: [] };
    for (let run = 1; run <= runs; run++) {
      for (const server of [workers, inline]) {
        const line = await oneRun(server, file);
        worst[server.mode].push(Number(/worst (\d+)/.exec(line)![1]));
        console.log(`run ${run} ${line}`);
      }
    }
    const med = (a: number[]) => percentile(a, 50);
    console.log(`worst /healthz latency during an import, median over ${runs} runs: workers ${med(worst.workers)} ms, inline (reference) ${med(worst.inline)} ms; ratio ${(med(worst.inline) / med(worst.workers)).toFixed(0)}×`);
  } finally {
    await Promise.all([workers.stop(), inline.stop()]);
  }
}

void main();
