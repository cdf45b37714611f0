import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/reports: the council's committee reports, filtered by status and committee. */
export class ReportsPage extends AbstractPage {
  static readonly path = '/admin/reports';
  static readonly title = 'Committee reports';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ReportsPage> {
    await verifyHeading(page, ReportsPage.title);
    return new ReportsPage(page);
  }

  static async open(page: Page, query = ''): Promise<ReportsPage> {
    await page.goto(`${ReportsPage.path}${query}`);
    return ReportsPage.verifyOnPage(page);
  }

  /** The subjects listed, in order. */
  async titles(): Promise<string[]> {
    const links = this.page.locator('main table tbody tr td:first-child a');
    return (await links.allInnerTexts()).map((t) => t.trim());
  }

  async filter(details: { status?: string; committee?: string }): Promise<void> {
    if (details.status) await this.page.locator('#status').selectOption({ label: details.status });
    if (details.committee)
      await this.page.locator('#committee').selectOption({ label: details.committee });
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Show reports' }));
  }

  async startReport(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Start a report' }));
  }
}

/** The new-report and change-details forms. */
export class ReportFormPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ReportFormPage> {
    await verifyHeading(page, /^(Start a committee report|Change the report’s details)$/);
    return new ReportFormPage(page);
  }

  field(id: string): Locator {
    return this.page.locator(`#${id}`);
  }

  async fill(details: {
    title?: string;
    committee?: string;
    reportOf?: string;
    date?: string;
    authors?: string[];
    summary?: string;
    category?: 'Open' | 'Exempt';
    exemptParagraph?: number;
    reserved?: 'Yes' | 'No';
    press?: 'Yes' | 'No';
  }): Promise<void> {
    const p = this.page;
    if (details.title !== undefined) await this.field('title').fill(details.title);
    if (details.committee)
      await this.field('committeeId').selectOption({ label: details.committee });
    if (details.reportOf !== undefined) await this.field('reportOf').fill(details.reportOf);
    if (details.date) {
      const [year = '', month = '', day = ''] = details.date.split('-');
      await this.field('reportDate-day').fill(String(Number(day)));
      await this.field('reportDate-month').fill(String(Number(month)));
      await this.field('reportDate-year').fill(year);
    }
    for (const [i, name] of (details.authors ?? []).entries())
      await this.field(`author${i + 1}`).fill(name);
    if (details.summary !== undefined) await this.field('summary').fill(details.summary);
    if (details.category)
      await p
        .getByRole('group', { name: 'Category of the report' })
        .getByLabel(details.category, { exact: true })
        .check();
    if (details.exemptParagraph)
      await p.locator(`input[name="exemptParagraph"][value="${details.exemptParagraph}"]`).check();
    if (details.reserved)
      await p
        .getByRole('group', { name: /reserved for approval by full Council/ })
        .getByLabel(details.reserved, { exact: true })
        .check();
    if (details.press)
      await p
        .getByRole('group', { name: /press release/ })
        .getByLabel(details.press, { exact: true })
        .check();
  }

  async save(): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: /^(Start the report|Save the details)$/ }),
    );
  }
}

/** /admin/reports/<id>: the report in the order councils print it, and its editors. */
export class ReportPage extends AbstractPage {
  readonly items: Locator;
  readonly recommendations: Locator;

  private constructor(page: Page) {
    super(page);
    this.items = page.locator('#items tbody tr');
    this.recommendations = page.locator('#recommendation-list > li');
  }

  static async verifyOnPage(page: Page, title: string | RegExp): Promise<ReportPage> {
    await verifyHeading(page, title);
    await page.locator('#details').waitFor();
    return new ReportPage(page);
  }

  /** The body as "number text" lines. */
  async outline(): Promise<string[]> {
    return this.items.evaluateAll((rows) =>
      rows.map((row) => {
        const number = (row.querySelector('th')?.textContent ?? '').trim();
        const text = [...(row.querySelector('td')?.querySelectorAll('p') ?? [])]
          .map((p) => (p.textContent ?? '').trim())
          .join(' ');
        return `${number} ${text}`;
      }),
    );
  }

  /** The recommendations' first lines, in order. */
  async recommendationTexts(): Promise<string[]> {
    return (await this.recommendations.locator('p:first-child').allInnerTexts()).map((t) =>
      t.trim(),
    );
  }

  /** An item's or recommendation's action ("Edit", "Move up", ...) by its label. */
  action(name: string, label: string): Locator {
    return this.page.getByRole(name.startsWith('Move') ? 'button' : 'link', {
      name: `${name} ${label}`,
      exact: true,
    });
  }

  async act(name: string, label: string): Promise<void> {
    await clickAndLoad(this.page, this.action(name, label));
  }

  async press(name: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name, exact: true }));
  }
}

/** The insert and edit forms of the body editor, and the recommendation form. */
export class ReportPartFormPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<ReportPartFormPage> {
    await verifyHeading(page, heading);
    return new ReportPartFormPage(page);
  }

  async fill(details: { kind?: string; text?: string }): Promise<void> {
    if (details.kind)
      await this.page
        .getByRole('group', { name: 'What kind of item is it?' })
        .getByLabel(details.kind, { exact: true })
        .check();
    if (details.text !== undefined) await this.page.locator('#text').fill(details.text);
  }

  async press(name: string | RegExp): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name, exact: typeof name === 'string' }),
    );
  }
}
