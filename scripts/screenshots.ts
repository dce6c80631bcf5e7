/**
 * README screenshots from a real run: starts the app over a fresh in-memory database with the
 * committed data and the shipped sample answers (labelled as sample data on every page), signs a
 * planner in, and photographs the workspace (desktop and phone), a municipality profile, the
 * scenario and municipality comparisons, and the first pages of a shortlist's PDF report (rendered
 * with pdftoppm). Debian's Chromium drives the pages; nothing is fetched from the internet.
 *
 *   npm run screenshots            (writes docs/screenshots/*.png)
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH) and pdftoppm (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { hashPassword } from '../src/auth/passwords';
import { createApiToken, createSession } from '../src/auth/sessions';
import { openDatabase } from '../src/db/connection';
import { readDataset } from '../src/data/dataset';
import { loadDataset } from '../src/db/load-dataset';
import { createUser } from '../src/db/users-repo';
import { loadSampleAnswers } from '../src/samples';
import { SESSION_COOKIE } from '../src/web/auth-middleware';
import { createApp } from '../src/web/app';

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const db = openDatabase(':memory:');
  loadDataset(db, readDataset());
  const now = new Date().toISOString();
  await loadSampleAnswers(db, { by: 'screenshots', now });
  const user = createUser(db, { name: 'kari.planlegger', role: 'planner', district: null, passwordHash: await hashPassword(crypto.randomBytes(24).toString('hex')) }, 'screenshots', now);
  const token = createApiToken(db, user, 'screenshots', 'screenshots', now).token;
  const app = createApp({ db });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = async <T>(p: string, body: unknown): Promise<T> => {
    const res = await fetch(url + p, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    const a = await api<{ id: string }>('/api/scenarios', { name: 'Tilgjengelighet (standardvekter)', params: {} });
    const b = await api<{ id: string }>('/api/scenarios', { name: 'Kriminalitet tungt vektet', params: { weights: { crimeRate: 8, violenceRate: 6 } } });
    const sl = await api<{ id: string }>('/api/shortlists', { name: 'Utkast til 20 steder', scenarioId: a.id, solver: 'greedy' });
    const page = async (viewport: typeof DESKTOP): Promise<Page> => pageFor(browser, url, db, user, viewport);

    const ws = await page(DESKTOP);
    await ws.goto(`${url}/scenarios/${a.id}`);
    await ws.waitForSelector('#map[data-ready="true"]', { timeout: 60000 });
    await ws.waitForSelector('body[data-robust="true"]', { timeout: 120000 });
    await shot(ws, 'workspace');
    await ws.context().close();

    const phone = await page(PHONE);
    await phone.goto(`${url}/scenarios/${a.id}`);
    await phone.waitForSelector('#map[data-ready="true"]', { timeout: 60000 });
    await shot(phone, 'workspace-phone');
    await phone.context().close();

    const other = await page({ width: 1280, height: 1000 });
    await other.goto(`${url}/municipalities/5601?scenario=${a.id}`);
    await other.waitForLoadState('networkidle');
    await shot(other, 'profile');
    await other.goto(`${url}/compare?a=${a.id}&b=${b.id}`);
    await other.waitForLoadState('networkidle');
    await shot(other, 'compare-scenarios');
    await other.goto(`${url}/compare/municipalities?kommunenummer=5601,5501,1804&scenario=${a.id}`);
    await other.waitForLoadState('networkidle');
    await shot(other, 'compare-municipalities');
    await other.context().close();

    await pdfPages(`${url}/export/shortlists/${sl.id}.pdf?lang=nb`, token);
  } finally {
    await browser.close();
    server.closeAllConnections?.();
    server.close();
    db.close();
  }
}

async function pageFor(browser: Browser, url: string, db: ReturnType<typeof openDatabase>, user: Parameters<typeof createSession>[1], viewport: typeof DESKTOP): Promise<Page> {
  const { cookie } = createSession(db, user, Date.now());
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url }]);
  return context.newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`${path.relative(process.cwd(), file)}  ${fs.statSync(file).size} B`);
}

/** Downloads the report and renders its first two pages with pdftoppm. */
async function pdfPages(href: string, token: string): Promise<void> {
  const res = await fetch(href, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`PDF: ${res.status}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stedsvalg-shots-'));
  const pdf = path.join(dir, 'report.pdf');
  fs.writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, path.join(dir, 'page')]);
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  pages.forEach((f, i) => {
    const file = path.join(OUT, `report-page-${i + 1}.png`);
    fs.copyFileSync(path.join(dir, f), file);
    console.log(`${path.relative(process.cwd(), file)}  ${fs.statSync(file).size} B`);
  });
  fs.rmSync(dir, { recursive: true });
}

main().catch((err: unknown) => {
  console.error(`screenshots: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exitCode = 1;
});
