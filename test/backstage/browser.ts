import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEST_OUTPUT } from './demo-backend.js';

export const SCREENSHOTS = join(TEST_OUTPUT, 'screenshots');

/** Debian's Chromium (`.ci/run` installs it); SHIFTDOWN_CHROMIUM points at another build. */
export const CHROMIUM = process.env.SHIFTDOWN_CHROMIUM || '/usr/bin/chromium';

export interface DemoBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile: no cookies, no local storage, no signed-in guest. */
export async function launchBrowser(): Promise<DemoBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set SHIFTDOWN_CHROMIUM`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'shiftdown-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens `url`; on the sign-in page, signs in as the guest ("Enter"), which lands on `url` itself. */
export async function openSignedIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The app's sidebar links are rendered only once the user is signed in.
  const signedIn = page.locator('nav[aria-label="sidebar nav"] a').first();
  await enter.or(signedIn).first().waitFor({ timeout: 60_000 });
  if (await enter.isVisible()) {
    await enter.click();
    await signedIn.waitFor({ timeout: 60_000 });
  }
}

/** Saves what the 1440×1000 viewport shows under test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * On the Create page: "Choose" the template with this title, type the service name on the first form
 * page, accept every other default ("Next", "Review") and "Create". Resolves on the task page.
 */
export async function runTemplate(page: Page, baseUrl: string, title: string, serviceName: string): Promise<void> {
  await openSignedIn(page, `${baseUrl}/create`);
  const card = page.locator('.MuiCard-root').filter({ has: page.getByText(title, { exact: true }) });
  await card.getByRole('button', { name: /choose/i }).click();
  await page.getByLabel(/^Name/).first().fill(serviceName);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/create\/tasks\/[0-9a-f-]+$/, { timeout: 30_000 });
}
