/**
 * Measures the map page (the planner's workspace at `/`) as a planner meets it: time from
 * navigation until all 357 municipality shapes are drawn, the bytes transferred (compressed, as sent
 * on the wire), and the browser round trip of one weight change (re-rank + greedy re-select).
 * Each run signs in as a planner with its own session cookie (as the sign-in page would set it).
 * Run: npx ts-node --transpile-only bench/map-page.ts   (prints figures; never pass/fail)
 */
import { startServer } from '../test/helpers/app';
import { testUser } from '../test/helpers/auth';
import { launchBrowser } from '../test/helpers/browser';
import { createSession } from '../src/auth/sessions';
import { SESSION_COOKIE } from '../src/web/auth-middleware';

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  const runs = 5;
  const times: number[] = [];
  let bytes = 0;
  let requests = 0;
  const roundTrips: number[] = [];
  const planner = await testUser(server.db, 'planner');
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: createSession(server.db, planner, Date.now()).cookie, url: server.url }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let runBytes = 0;
    let runRequests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      runBytes += e.encodedDataLength;
      runRequests++;
    });
    const t0 = Date.now();
    await page.goto(server.url + '/');
    if (new URL(page.url()).pathname !== '/') throw new Error(`not signed in: landed on ${page.url()}`);
    await page.waitForFunction(() => document.querySelectorAll('path.municipality').length === 357, undefined, { timeout: 30000 });
    times.push(Date.now() - t0);
    await page.waitForSelector('#map[data-ready="true"]');
    await page.waitForLoadState('networkidle');
    bytes = runBytes;
    requests = runRequests;
    for (let j = 0; j < 4; j++) roundTrips.push(await weightRoundTrip(page, j));
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`map page, ${runs} cold loads (cache disabled), signed in as a planner, Chromium headless, 1280x800`);
  console.log(`  first render of 357 shapes: median ${times[Math.floor(runs / 2)]} ms, min ${times[0]} ms, max ${times[runs - 1]} ms`);
  console.log(`  transferred: ${(bytes / 1024).toFixed(1)} KiB in ${requests} requests (target < 1 MB)`);
  roundTrips.sort((a, b) => a - b);
  const q = (p: number) => roundTrips[Math.min(roundTrips.length - 1, Math.floor(p * roundTrips.length))];
  console.log(`  weight change → new ranking + greedy set (browser round trip, ${roundTrips.length} changes): median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${roundTrips[roundTrips.length - 1]} ms`);
  await browser.close();
  await server.close();
}

/** Moves one weight slider and waits for the workspace to show the new ranking and greedy set. */
async function weightRoundTrip(page: import('playwright-core').Page, step: number): Promise<number> {
  const seq = await page.evaluate(() => Number(document.body.dataset.seq));
  await page.locator('#w-crimeRate').evaluate((el, v) => {
    (el as HTMLInputElement).value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, 3 + step);
  await page.waitForFunction((s) => Number(document.body.dataset.seq) > s, seq);
  return page.evaluate(() => Number(document.body.dataset.roundtripMs));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
