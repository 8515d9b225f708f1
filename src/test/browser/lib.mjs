// Shared by the browser tests: Debian's Chromium driven by playwright-core (never a browser
// download), sign-in, screenshots under target/screenshots, and plain assertions.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Arguments: <baseUrl> <screenshot dir> [more...]. */
export function args() {
  const [base, shots, ...rest] = process.argv.slice(2);
  if (!base || !shots) {
    console.error('usage: node <test>.mjs <baseUrl> <screenshotDir> [args]');
    process.exit(2);
  }
  mkdirSync(shots, { recursive: true });
  return { base: base.replace(/\/$/, ''), shots, rest };
}

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'hiring-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  context.setDefaultTimeout(20000);
  const problems = [];
  context.on('page', (page) => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
  return {
    context,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every script error and refused request (CSP, 5xx) fails the test at the end. */
function watch(page, problems) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[13]/.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
}

export async function signIn(context, base, user) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  if (page.url().includes('/login')) {
    throw new Error(`sign-in as ${user} failed: ${page.url()}`);
  }
  return page;
}

export async function signOut(page) {
  await Promise.all([page.waitForNavigation(), page.click('.topbar form button')]);
}

let shot = 0;
export async function screenshot(page, shots, name) {
  shot += 1;
  const file = join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot ${file}`);
  return file;
}

export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

/** Runs a test body, closes the browser, exits 0 or 1 with the reason. */
export async function run(body) {
  const browser = await launch();
  try {
    await body(browser);
    if (browser.problems.length > 0) {
      throw new Error(`the pages reported problems:\n  ${browser.problems.join('\n  ')}`);
    }
    console.log('PASS');
    await browser.close();
    process.exit(0);
  } catch (error) {
    console.error(`FAIL: ${error.stack ?? error}`);
    await browser.close().catch(() => {});
    process.exit(1);
  }
}
