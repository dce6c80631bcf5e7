/**
 * Ranking API under load against a static file of the same size from the same server, in one run
 * (issue 10: goal p97.5 within 2× of the static file). The server runs in its own process; the
 * static file holds the exact bytes of the ranking (served by the app's `/static`, compressed the
 * same way). 100 keep-alive clients, 10 s each; a third run sends If-None-Match (304s); then the
 * same pair again without compression (Accept-Encoding: identity).
 * Run: npx ts-node --transpile-only bench/load-ranking.ts [clients] [seconds]   (prints figures; never pass/fail)
 */
import { load, startBenchServer, summary, timedGet } from './lib/load';
import http from 'node:http';

async function main(): Promise<void> {
  const clients = Number(process.argv[2] ?? 100);
  const seconds = Number(process.argv[3] ?? 10);
  const server = await startBenchServer('workers');
  try {
    const auth = { Authorization: `Bearer ${server.tokens[0]}`, 'Accept-Encoding': 'gzip' };
    const rankingUrl = `${server.url}/api/ranking?weights=crimeRate:2,driveTime:3&k=20`;
    const staticUrl = `${server.url}${server.staticPath}`;
    const warm = new http.Agent({ keepAlive: true });
    const first = await timedGet(warm, rankingUrl, auth);
    for (let i = 0; i < 50; i++) await timedGet(warm, staticUrl, { 'Accept-Encoding': 'gzip' });
    warm.destroy();
    const etag = await new Promise<string>((resolve) => http.get(rankingUrl, { headers: auth }, (res) => { res.resume(); resolve(String(res.headers.etag)); }));
    console.log(`ranking JSON ${server.rankingBytes} bytes; static copy of the same bytes at ${server.staticPath}; first (uncached) ranking ${first.ms.toFixed(0)} ms`);
    console.log(`${clients} keep-alive clients, ${seconds} s per run, Accept-Encoding: gzip, server in its own process`);
    const staticRun = summary('static file (same bytes)', await load(staticUrl, { 'Accept-Encoding': 'gzip' }, clients, seconds));
    const rankRun = summary('GET /api/ranking (repeated scenario)', await load(rankingUrl, auth, clients, seconds));
    const cond = summary('GET /api/ranking + If-None-Match', await load(rankingUrl, { ...auth, 'If-None-Match': etag }, clients, seconds));
    // The same pair without compression (a client that does not accept gzip).
    const staticPlain = summary('static file, identity', await load(staticUrl, { 'Accept-Encoding': 'identity' }, clients, seconds));
    const rankPlain = summary('GET /api/ranking, identity', await load(rankingUrl, { ...auth, 'Accept-Encoding': 'identity' }, clients, seconds));
    for (const r of [staticRun, rankRun, cond, staticPlain, rankPlain]) console.log(`  ${r.line}`);
    const ratio = (a: { p975: number; rps: number }, b: { p975: number; rps: number }) => `p97.5 ${(a.p975 / b.p975).toFixed(2)}×, req/s ${(a.rps / b.rps).toFixed(2)}×`;
    console.log(`ratio ranking/static (gzip): ${ratio(rankRun, staticRun)} (goal: p97.5 ≤ 2×)`);
    console.log(`ratio ranking with If-None-Match/static (gzip): ${ratio(cond, staticRun)}`);
    console.log(`ratio ranking/static (identity): ${ratio(rankPlain, staticPlain)}`);
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
