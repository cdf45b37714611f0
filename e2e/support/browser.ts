import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

/** Flags for a headless Chromium in a container or CI: no sandbox, GPU, updates or sync. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The accessibility standard the pages are held to: WCAG 2.2 AA (axe's rules for it). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Screenshots go under dist/ so that they are never committed. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../e2e-screenshots/', import.meta.url));

/** The system's Chromium (Debian's `chromium` package), or the one in PROBITY_CHROMIUM. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PROBITY_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh browser profile (no cookies) whose relative URLs go to the app under test. Waits
 * are kept short so that a missing element fails the test in seconds, not minutes.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/**
 * Run axe on the page as it is now and fail on any WCAG 2.2 A or AA violation, listing each
 * rule broken and the elements that break it.
 */
export async function checkAccessibility(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `      ${JSON.stringify(node.target)}: ${node.html.slice(0, 200)}`)
        .join('\n');
      return `  - ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
  assert.equal(results.violations.length, 0, `Accessibility violations on ${label}:\n${report}`);
}

/** Save the whole page as dist/e2e-screenshots/<name>.png; returns the file's path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Collects what goes wrong in the page's own scripts: uncaught errors and console errors
 * (a script blocked by the Content-Security-Policy shows up here). Failed HTTP statuses are
 * left out: error pages answer 400 or 404 on purpose.
 */
export function watchForScriptErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
  return problems;
}
