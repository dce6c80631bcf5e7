import fs from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Db } from '../../src/db/connection';
import type { Role } from '../../src/db/users-repo';
import { startServer } from './app';
import { signedInPage } from './auth';

/** Debian's Chromium (installed by .ci/run); never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches headless Debian Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** Collects console errors and page errors so a test can assert there were none. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Where tests write screenshots for a person to look at (git-ignored). */
export const screenshotDir = 'test/out-tmp';
export function screenshotPath(name: string): string {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return `${screenshotDir}/${name}.png`;
}

type TestServer = Awaited<ReturnType<typeof startServer>>;

/** One server and one browser shared by the tests of a file or `describe` block. */
export interface BrowserSuite {
  readonly browser: Browser;
  readonly server: TestServer;
  /** The server's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly db: Db;
  /** A new page in a signed-in context of its own (see `signedInPage`); `await page.close()` closes both. */
  page(role?: Role, district?: string | null, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The browser-test start-up: registers `beforeAll` (the real app on a free port over `db()`, default
 * a fresh in-memory database, and headless Debian Chromium) and `afterAll` (close both).
 */
export function browserSuite(db?: () => Db | Promise<Db>): BrowserSuite {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(await db?.());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use the suite inside a test`);
    return value;
  };
  return {
    get browser() { return started(browser, 'the browser'); },
    get server() { return started(server, 'the server'); },
    get url() { return started(server, 'the server').url; },
    get db() { return started(server, 'the server').db; },
    page(role = 'planner', district, options = {}) {
      return signedInPage(started(browser, 'the browser'), started(server, 'the server'), role, district, options);
    },
  };
}
