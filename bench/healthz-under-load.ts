/**
 * `/healthz` latency while heavy robustness requests run (issue 10: 8 parallel
 * `samples=… k=100` requests made /healthz wait 7 s when they ran in the request thread).
 * Two servers in the same run, each in its own process: heavy work in worker threads (the app as
 * it is) and heavy work in the request thread (as before issue 10, for reference). Against each:
 * /healthz alone, then /healthz probed every 50 ms while 8 clients (8 accounts, so the per-account
 * rate limit does not hold them back) keep sending robustness requests.
 * Run: npx ts-node --transpile-only bench/healthz-under-load.ts [seconds] [samples]   (prints figures; never pass/fail)
 */
import http from 'node:http';
import { percentile, startBenchServer, timedGet, type BenchServer, type Sample } from './lib/load';

async function probe(url: string, untilMs: number, everyMs = 50): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const out: number[] = [];
  while (performance.now() < untilMs) {
    out.push((await timedGet(agent, url, {})).ms);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  agent.destroy();
  return out;
}

async function measure(server: BenchServer, seconds: number, samples: number): Promise<string[]> {
  const health = `${server.url}/healthz`;
  const idle = await probe(health, performance.now() + 3000);
  const end = performance.now() + seconds * 1000;
  const heavy: Sample[] = [];
  const clients = server.tokens.map(async (token, i) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let seed = i * 1000;
    while (performance.now() < end) {
      heavy.push(await timedGet(agent, `${server.url}/api/robustness?samples=${samples}&k=100&seed=${seed++}`, { Authorization: `Bearer ${token}` }));
    }
    agent.destroy();
  });
  const busy = await probe(health, end);
  await Promise.all(clients);
  const ok = heavy.filter((h) => h.status === 200).map((h) => h.ms);
  const codes = [...new Set(heavy.map((h) => h.status))].map((c) => `${heavy.filter((h) => h.status === c).length}×${c}`).join(', ');
  const f = (v: number) => v.toFixed(1).padStart(8);
  return [
    `${server.mode === 'workers' ? 'worker threads' : 'request thread (before)'}:`,
    `  /healthz idle        n=${String(idle.length).padStart(4)}  p50 ${f(percentile(idle, 50))} ms  p97.5 ${f(percentile(idle, 97.5))} ms  max ${f(Math.max(...idle))} ms`,
    `  /healthz under load  n=${String(busy.length).padStart(4)}  p50 ${f(percentile(busy, 50))} ms  p97.5 ${f(percentile(busy, 97.5))} ms  max ${f(Math.max(...busy))} ms  (p97.5 ${(percentile(busy, 97.5) / percentile(idle, 97.5)).toFixed(1)}× idle)`,
    `  robustness, 200s     n=${String(ok.length).padStart(4)}  p50 ${f(percentile(ok, 50))} ms  max ${f(Math.max(...ok))} ms  (all answers: ${codes}; 429 = the per-account limit)`,
  ];
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 20);
  const samples = Number(process.argv[3] ?? 5000);
  console.log(`/healthz while 8 clients send GET /api/robustness?samples=${samples}&k=100 for ${seconds} s; probe every 50 ms`);
  const results: string[] = [];
  for (const mode of ['workers', 'inline'] as const) {
    const server = await startBenchServer(mode, 8);
    try {
      await timedGet(new http.Agent(), `${server.url}/api/ranking`, { Authorization: `Bearer ${server.tokens[0]}` });
      results.push(...(await measure(server, seconds, samples)));
    } finally {
      await server.stop();
    }
  }
  for (const line of results) console.log(line);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
