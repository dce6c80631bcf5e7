/**
 * Measures the map page as a planner meets it: time from navigation until all 357 municipality
 * shapes are drawn, and the bytes transferred (compressed, as sent on the wire).
 * Run: npx ts-node --transpile-only bench/map-page.ts   (prints figures; never pass/fail)
 */
import { startServer } from '../test/helpers/app';
import { launchBrowser } from '../test/helpers/browser';

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  const runs = 5;
  const times: number[] = [];
  let bytes = 0;
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
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
    await page.waitForFunction(() => document.querySelectorAll('path.municipality').length === 357, undefined, { timeout: 30000 });
    times.push(Date.now() - t0);
    await page.waitForSelector('#map[data-ready="true"]');
    await page.waitForLoadState('networkidle');
    bytes = runBytes;
    requests = runRequests;
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`map page, ${runs} cold loads (cache disabled), Chromium headless, 1280x800`);
  console.log(`  first render of 357 shapes: median ${times[Math.floor(runs / 2)]} ms, min ${times[0]} ms, max ${times[runs - 1]} ms`);
  console.log(`  transferred: ${(bytes / 1024).toFixed(1)} KiB in ${requests} requests (target < 1 MB)`);
  await browser.close();
  await server.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
