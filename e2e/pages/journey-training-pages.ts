// Small page helpers the journey's training steps need beyond the training page objects:
// dates in England's time, a session's dates page scoped to its confirm form, the scenario
// form's paragraphs by their words, a whole evaluation answered, a facilitator chosen by name.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { clickAndLoad, verifyHeading } from './abstract-page.js';
import { londonParts } from '../../src/features/meetings/times.js';

const MINUTE = 60_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day in England as the GOV.UK date input takes it. */
export interface DayParts {
  day: string;
  month: string;
  year: string;
}

/** 'YYYY-MM-DD' -> the date input's parts, without leading zeros. */
export function dayParts(isoDate: string): DayParts {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** 'YYYY-MM-DD' -> '7 December 2026', as the pages write a day. */
export function dayText(isoDate: string): string {
  const { day, month, year } = dayParts(isoDate);
  return `${day} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** Today in England, 'YYYY-MM-DD'. */
export const todayInLondon = (): string => londonParts(new Date()).date;

/** A day some days after another, 'YYYY-MM-DD' (calendar arithmetic, no clock). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * A short slot starting at least `leadMinutes` from now on a whole minute, lasting `minutes`,
 * that starts and ends on the same day in England (so the date input and two times can say it).
 */
export function soonSlot(
  leadMinutes: number,
  minutes: number,
): { date: string; start: string; end: string; startsAt: Date; endsAt: Date } {
  let startsAt = new Date(Math.ceil((Date.now() + leadMinutes * MINUTE) / MINUTE) * MINUTE);
  for (;;) {
    const endsAt = new Date(startsAt.getTime() + minutes * MINUTE);
    const from = londonParts(startsAt);
    const to = londonParts(endsAt);
    if (from.date === to.date) {
      return { date: from.date, start: from.time, end: to.time, startsAt, endsAt };
    }
    startsAt = new Date(startsAt.getTime() + MINUTE);
  }
}

/** Fill a GOV.UK date input whose fields are `<name>-day`, `<name>-month`, `<name>-year`. */
export async function fillDay(page: Page, name: string, day: DayParts): Promise<void> {
  await page.locator(`#${name}-day`).fill(day.day);
  await page.locator(`#${name}-month`).fill(day.month);
  await page.locator(`#${name}-year`).fill(day.year);
}

/** On /admin/sessions/<id>/dates: confirm the date (found in the confirm form) and invite. */
export async function confirmDate(page: Page, when: RegExp): Promise<void> {
  await page.getByRole('group', { name: 'Date to confirm' }).getByLabel(when).check();
  await clickAndLoad(page, page.getByRole('button', { name: 'Confirm and invite the group' }));
}

/**
 * On the scenario form: open every section of the code's paragraphs and tick the first
 * paragraph matching the first pattern that matches any (the first paragraph of all when none
 * does). Returns its label.
 */
export async function tickParagraph(page: Page, patterns: RegExp[]): Promise<string> {
  const group = page.getByRole('group', { name: /^Paragraphs of the code in force/ });
  for (const details of await group.locator('details').all()) {
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }
  const items = group.locator('.govuk-checkboxes__item');
  const labels = (await items.locator('label').allInnerTexts()).map((t) => t.trim());
  assert.ok(labels.length > 0, 'the code in force has paragraphs to link');
  const found = patterns
    .map((pattern) => labels.findIndex((l) => pattern.test(l)))
    .find((i) => i >= 0);
  const index = found ?? 0;
  await items.nth(index).locator('input').check();
  return labels[index]!;
}

/** On a session's page: add this person as a facilitator, whatever their kind says. */
export async function addFacilitator(page: Page, name: string, role: string): Promise<void> {
  const option = page.locator('#personId option', { hasText: name }).first();
  const value = await option.getAttribute('value');
  assert.ok(value, `${name} can be chosen as a facilitator`);
  await page.locator('#personId').selectOption(value);
  await page.getByLabel('Role (optional)').fill(role);
  await clickAndLoad(page, page.getByRole('button', { name: 'Add the facilitator' }));
}

/**
 * From an evaluation's first question to "Check your answers": every rating answered with
 * `rating`, the first free-text question with `comment`, the rest left out. Calls `onQuestion`
 * on each question page (for axe and a screenshot).
 */
export async function answerEvaluation(
  page: Page,
  options: { rating: string; comment: string; onQuestion?: (n: number) => Promise<void> },
): Promise<void> {
  let commented = false;
  for (let n = 1; n <= 12; n += 1) {
    const heading = (await page.locator('h1').innerText()).trim();
    if (heading === 'Check your answers') return;
    await options.onQuestion?.(n);
    const rating = page.getByLabel(options.rating, { exact: true });
    if ((await rating.count()) > 0) await rating.check();
    else if (!commented && (await page.locator('textarea#answer').count()) > 0) {
      await page.locator('#answer').fill(options.comment);
      commented = true;
    }
    await clickAndLoad(page, page.getByRole('button', { name: /^Save/ }));
  }
  await verifyHeading(page, 'Check your answers');
}

/** Scroll so this part of the page is at the top of the screen (for a screenshot of it). */
export async function scrollToTop(page: Page, selector: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((element) => element.scrollIntoView({ block: 'start' }));
}
