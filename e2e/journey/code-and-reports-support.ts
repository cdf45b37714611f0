// What the journey's steps 1–5 share: the names they use and small helpers for the pages.
import type { Locator, Page } from 'playwright-core';
import { todayInEngland } from '../../src/db/current.js';
import { clickAndLoad } from '../pages/index.js';

export const COUNCIL = 'Demo City Council';
export const COMMITTEE = 'Audit and Standards Committee';
export const CODE_TITLE = 'Demo City Council Members’ Code of Conduct';
export const REVISED_TITLE = 'Demo City Council Members’ Code of Conduct (revised)';
export const REPORT_TITLE = 'A revised code of conduct and the members’ development programme';

/** A date `days` from today in England (negative: before), as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const d = new Date(`${todayInEngland()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const mainText = async (page: Page) =>
  (await page.locator('main').innerText()).replace(/\s+/g, ' ');

/** Scroll so that this element is at the top of the window (for a screenshot of that part). */
export async function scrollTo(
  target: Locator,
  block: 'start' | 'center' = 'start',
): Promise<void> {
  await target.first().evaluate((el, b) => el.scrollIntoView({ block: b }), block);
}

export async function press(
  page: Page,
  name: string | RegExp,
  within: Locator = page.locator('main'),
) {
  await clickAndLoad(page, within.getByRole('button', { name, exact: typeof name === 'string' }));
}

export async function follow(
  page: Page,
  name: string | RegExp,
  within: Locator = page.locator('main'),
) {
  await clickAndLoad(
    page,
    within.getByRole('link', { name, exact: typeof name === 'string' }).first(),
  );
}
