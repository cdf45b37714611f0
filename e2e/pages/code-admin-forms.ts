import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** A GOV.UK date input named <name>-day, -month and -year, filled from 'YYYY-MM-DD'. */
export async function fillDate(page: Page, name: string, date: string): Promise<void> {
  const [year = '', month = '', day = ''] = date.split('-');
  await page.locator(`#${name}-day`).fill(day ? String(Number(day)) : '');
  await page.locator(`#${name}-month`).fill(month ? String(Number(month)) : '');
  await page.locator(`#${name}-year`).fill(year);
}

/** /admin/code/<slug>: one council's versions, new drafts, copies and annual reviews. */
export class CodeCouncilPage extends AbstractPage {
  readonly title: Locator;
  readonly startDraft: Locator;

  private constructor(page: Page) {
    super(page);
    this.title = page.locator('#title');
    this.startDraft = page.getByRole('button', { name: 'Start a new blank draft' });
  }

  static async verifyOnPage(page: Page): Promise<CodeCouncilPage> {
    await verifyHeading(page, 'Code of conduct');
    return new CodeCouncilPage(page);
  }

  static async open(page: Page, slug: string): Promise<CodeCouncilPage> {
    await page.goto(`/admin/code/${slug}`);
    return CodeCouncilPage.verifyOnPage(page);
  }

  async startBlankDraft(title: string): Promise<void> {
    await this.title.fill(title);
    await clickAndLoad(this.page, this.startDraft);
  }

  async recordReview(date: string, outcome: string, notes = ''): Promise<void> {
    await fillDate(this.page, 'reviewedDate', date);
    await this.page.getByLabel(outcome).check();
    await this.page.locator('#notes').fill(notes);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Record the review' }));
  }

  /** The rows of the past reviews table, as their cells' text. */
  async reviewRows(): Promise<string[][]> {
    return this.page
      .locator('xpath=//h2[@id="past-reviews"]/following-sibling::table[1]//tbody/tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((c) =>
            (c.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }
}

/** /admin/code/versions/<id>: a version, its next steps and (while editable) the editor. */
export class CodeVersionPage extends AbstractPage {
  readonly status: Locator;
  readonly items: Locator;

  private constructor(page: Page) {
    super(page);
    this.status = page
      .locator('.govuk-summary-list__row')
      .filter({ hasText: 'Status' })
      .locator('.govuk-tag');
    this.items = page.locator('#items tbody tr');
  }

  static async verifyOnPage(page: Page): Promise<CodeVersionPage> {
    await verifyHeading(page, /^Version \d+: /);
    return new CodeVersionPage(page);
  }

  /** Each item as "number text", with " [Local addition]" when it is marked as one. */
  async outline(): Promise<string[]> {
    return this.items.evaluateAll((rows) =>
      rows.map((row) => {
        const number = (row.querySelector('th')?.textContent ?? '').trim();
        const cell = row.querySelector('td');
        const local = cell?.querySelector('.govuk-tag') ? ' [Local addition]' : '';
        const text = [...(cell?.querySelectorAll('p') ?? [])]
          .map((p) => (p.textContent ?? '').trim())
          .join(' ');
        return `${number} ${text}${local}`;
      }),
    );
  }

  /** An item's action ("Edit", "Insert after", "Move up", "Move down", "Remove") by its label. */
  action(name: string, label: string): Locator {
    return this.page.getByRole(name.startsWith('Move') ? 'button' : 'link', {
      name: `${name} ${label}`,
      exact: true,
    });
  }

  async act(name: string, label: string): Promise<void> {
    await clickAndLoad(this.page, this.action(name, label));
  }

  async step(name: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name, exact: true }));
  }
}

/** The insert and edit forms of the editor. */
export class CodeItemFormPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<CodeItemFormPage> {
    await verifyHeading(page, /^(Insert an item|Edit )/);
    return new CodeItemFormPage(page);
  }

  async fill(details: { kind?: string; text?: string; local?: boolean }): Promise<void> {
    if (details.kind) {
      await this.page
        .getByRole('group', { name: 'What kind of item is it?' })
        .getByLabel(details.kind, { exact: true })
        .check();
    }
    if (details.text !== undefined) await this.page.locator('#text').fill(details.text);
    if (details.local !== undefined)
      await this.page.getByLabel('This is a local addition').setChecked(details.local);
  }

  async save(): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: /^(Insert the item|Save the item)$/ }),
    );
  }
}

/** Any page with one main form: remove confirmation, settings and the lifecycle steps. */
export class CodeFormPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<CodeFormPage> {
    await verifyHeading(page, heading);
    return new CodeFormPage(page);
  }

  field(id: string): Locator {
    return this.page.locator(`#${id}`);
  }

  async date(name: string, date: string): Promise<void> {
    await fillDate(this.page, name, date);
  }

  async press(name: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name, exact: true }));
  }
}
