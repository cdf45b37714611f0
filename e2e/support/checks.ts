import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { AbstractPage } from '../pages/abstract-page.js';

export const COUNCIL_NAME = 'Demo City Council';

/** Anything from GOV.UK's own identity: the crown, the GOV.UK logotype, crown copyright. */
const GOVUK_BRANDING = [
  '.govuk-logo',
  '.govuk-header__logotype',
  '.govuk-header__logo svg',
  '.govuk-footer__crown',
  '.govuk-footer__licence-logo',
  '.govuk-footer__copyright-logo',
].join(', ');

/** The page carries the council's name and no GOV.UK branding, in the header, footer and title. */
export async function checkCouncilBranding(view: AbstractPage): Promise<void> {
  const page = view.page;
  assert.equal(
    (await view.homepageLink.innerText()).trim(),
    COUNCIL_NAME,
    'council name in the header',
  );
  const header = await view.header.innerText();
  assert.ok(!header.includes('GOV.UK'), `the header says GOV.UK: ${header}`);
  assert.equal(await page.locator(GOVUK_BRANDING).count(), 0, 'GOV.UK crown or logo on the page');
  const footer = await view.footer.innerText();
  assert.ok(
    footer.includes(`© ${COUNCIL_NAME}`),
    `the footer should say © ${COUNCIL_NAME}: ${footer}`,
  );
  assert.ok(
    !/crown copyright|open government licence/i.test(footer),
    `GOV.UK footer text: ${footer}`,
  );
  const title = await page.title();
  assert.ok(title.endsWith(`Probity – ${COUNCIL_NAME}`), `page title: ${title}`);
  assert.ok(!title.includes('GOV.UK'), `page title: ${title}`);
}

/** The page's address, without the origin: "/admin/people?page=2". */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/**
 * With JavaScript on, GOV.UK Frontend moves focus to the error summary when the page loads,
 * so that screen reader users hear the errors first.
 */
export async function waitForFocusOnErrorSummary(page: Page): Promise<void> {
  await page.locator('.govuk-error-summary:focus').waitFor({ timeout: 5_000 });
}

/** Fail when the page is wider than the screen (it would scroll sideways). */
export async function assertNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
  assert.ok(
    scrollWidth <= width,
    `${pathOf(page)} is ${scrollWidth}px wide on a ${width}px screen`,
  );
}
