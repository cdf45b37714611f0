import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /councils/<slug>/councillors: a council's sitting councillors, with filters. */
export class DirectoryCouncillorsPage extends AbstractPage {
  static readonly title = 'Councillors';

  readonly group: Locator;
  readonly ward: Locator;
  readonly showButton: Locator;
  readonly clearFilters: Locator;
  readonly table: Locator;
  readonly caption: Locator;

  private constructor(page: Page) {
    super(page);
    this.group = page.locator('#group');
    this.ward = page.locator('#ward');
    this.showButton = page.getByRole('button', { name: 'Show councillors' });
    this.clearFilters = page.getByRole('link', { name: 'Clear filters' });
    this.table = page.locator('main table.govuk-table');
    this.caption = this.table.locator('caption');
  }

  static path(slug: string): string {
    return `/councils/${slug}/councillors`;
  }

  static async verifyOnPage(page: Page): Promise<DirectoryCouncillorsPage> {
    await verifyHeading(page, DirectoryCouncillorsPage.title);
    return new DirectoryCouncillorsPage(page);
  }

  static async open(page: Page, slug: string): Promise<DirectoryCouncillorsPage> {
    await page.goto(DirectoryCouncillorsPage.path(slug));
    return DirectoryCouncillorsPage.verifyOnPage(page);
  }

  /** Choose filters by their visible text and send the form. */
  async filter(choice: { group?: string; ward?: string }): Promise<void> {
    if (choice.group !== undefined) await this.group.selectOption({ label: choice.group });
    if (choice.ward !== undefined) await this.ward.selectOption({ label: choice.ward });
    await clickAndLoad(this.page, this.showButton);
  }

  /** Each row of the table as the text of its cells. */
  async rows(): Promise<string[][]> {
    return this.table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
  }

  async openCouncillor(name: string): Promise<void> {
    await clickAndLoad(this.page, this.table.getByRole('link', { name, exact: true }));
  }
}
