import request from 'supertest';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import type { Db } from '../../src/db/connection';
import { hashPassword } from '../../src/auth/passwords';
import { createApiToken, createSession } from '../../src/auth/sessions';
import { SESSION_COOKIE } from '../../src/web/auth-middleware';
import { createUser, findUserForLogin, type Role, type User } from '../../src/db/users-repo';

/** The password every test user gets. */
export const TEST_PASSWORD = 'riktig-hest-batteri';
let hashCache: string | null = null;

/** Creates (or reuses) a user named after the role, e.g. `test-planner` or `test-district-Finnmark`. */
export async function testUser(db: Db, role: Role, district: string | null = role === 'district' ? 'Finnmark' : null): Promise<User> {
  const name = `test-${role}${district ? '-' + district.replace(/\s+/g, '_') : ''}`;
  const found = findUserForLogin(db, name);
  if (found) return found.user;
  hashCache ??= await hashPassword(TEST_PASSWORD);
  return createUser(db, { name, role, district, passwordHash: hashCache }, 'test', new Date().toISOString());
}

/** A bearer token for a test user of the role. */
export async function tokenFor(db: Db, role: Role, district?: string | null): Promise<string> {
  const user = await testUser(db, role, district);
  return createApiToken(db, user, 'test', 'test', new Date().toISOString()).token;
}

/**
 * A supertest agent that sends a bearer token for a user of the role with every request
 * (token requests need no CSRF token, like any API client).
 */
export async function agentAs(app: Express, db: Db, role: Role = 'planner', district?: string | null) {
  const token = await tokenFor(db, role, district);
  return request.agent(app).set('Authorization', `Bearer ${token}`);
}

/** Signs in through the real sign-in page in the browser. */
export async function signInBrowser(page: Page, baseUrl: string, db: Db, role: Role = 'planner', district?: string | null): Promise<User> {
  const user = await testUser(db, role, district);
  await page.goto(`${baseUrl}/login`);
  await page.fill('#name', user.name);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('form[action="/login"] button[type=submit]')]);
  return user;
}

/**
 * A browser context signed in as a user of the role (a real session row and cookie, as the sign-in
 * page would create; use `signInBrowser` to test the sign-in page itself).
 */
export async function signedInContext(
  browser: import('playwright-core').Browser, server: { url: string; db: Db }, role: Role = 'planner', district?: string | null,
  options: import('playwright-core').BrowserContextOptions = {},
): Promise<import('playwright-core').BrowserContext> {
  const user = await testUser(server.db, role, district);
  const { cookie } = createSession(server.db, user, Date.now());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: server.url }]);
  return context;
}

/** A new page in a signed-in context of its own; `await page.close()` closes both. */
export async function signedInPage(
  browser: import('playwright-core').Browser, server: { url: string; db: Db }, role: Role = 'planner', district?: string | null,
  options: import('playwright-core').BrowserContextOptions = {},
): Promise<Page> {
  const context = await signedInContext(browser, server, role, district, options);
  const page = await context.newPage();
  // Closing the page closes its own context too, and the caller can await all of it.
  const closePage = page.close.bind(page);
  page.close = async (opts) => {
    await closePage(opts);
    await context.close();
  };
  return page;
}
