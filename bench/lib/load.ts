/**
 * A small HTTP load generator (node:http with keep-alive agents) and the control of a bench server
 * process (`bench-server.ts`). Latencies are from sending a request to the last byte of its answer.
 */
import http from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface BenchServer {
  url: string;
  tokens: string[];
  staticPath: string;
  rankingBytes: number;
  mode: string;
  stop: () => Promise<void>;
}

/** Starts `bench-server.ts` in a child process and waits until it listens. */
export function startBenchServer(mode: 'workers' | 'inline', accounts = 1): Promise<BenchServer> {
  const child: ChildProcess = fork(path.join(__dirname, 'bench-server.ts'), [mode, String(accounts)], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.once('message', (m) => {
      const info = m as Omit<BenchServer, 'stop'>;
      child.removeAllListeners('exit');
      resolve({
        ...info,
        stop: () => new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

export interface Sample { ms: number; status: number; bytes: number }

/** One request: latency to the last byte, status and body bytes (compressed, as sent). */
export function timedGet(agent: http.Agent, url: string, headers: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, bytes }));
    });
    req.on('error', reject);
  });
}

/** `clients` connections, each sending the next request when the last answer arrived, for `seconds`. */
export async function load(url: string, headers: Record<string, string>, clients: number, seconds: number): Promise<{ samples: Sample[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const samples: Sample[] = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) samples.push(await timedGet(agent, url, headers));
  }));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return { samples, seconds: elapsed };
}

/** Nearest-rank percentile of latencies (ms). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A one-line summary of a load run. */
export function summary(label: string, run: { samples: Sample[]; seconds: number }): { rps: number; p975: number; line: string } {
  const ms = run.samples.map((s) => s.ms);
  const rps = run.samples.length / run.seconds;
  const p975 = percentile(ms, 97.5);
  const statuses = [...new Set(run.samples.map((s) => s.status))].join('/');
  const bytes = run.samples.length ? Math.round(run.samples.reduce((a, s) => a + s.bytes, 0) / run.samples.length) : 0;
  const line = `${label.padEnd(34)} ${String(run.samples.length).padStart(6)} req  ${rps.toFixed(0).padStart(5)} req/s  p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms  p97.5 ${p975.toFixed(1).padStart(7)} ms  max ${Math.max(...ms).toFixed(0).padStart(5)} ms  ${bytes} B/answer  status ${statuses}`;
  return { rps, p975, line };
}
