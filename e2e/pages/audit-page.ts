import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /audit: every change, newest first, for the Monitoring Officer. */
export class AuditPage extends AbstractPage {
  static readonly path = '/audit';
  static readonly title = 'Audit trail';

  readonly table: Locator;
  readonly filterButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.locator('main table.govuk-table');
    this.filterButton = page.getByRole('button', { name: 'Filter' });
  }

  static async verifyOnPage(page: Page): Promise<AuditPage> {
    await verifyHeading(page, AuditPage.title);
    return new AuditPage(page);
  }

  /** Each listed change as its "Record" and "Action" cells, such as ["invitation 1", "invited"]. */
  async events(): Promise<{ record: string; action: string; who: string }[]> {
    return this.table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim());
        return { who: cells[1] ?? '', record: cells[2] ?? '', action: cells[3] ?? '' };
      }),
    );
  }

  /** Fill in the "From" date (day, month, year) and apply the filter. */
  async filterFrom(day: string, month: string, year: string): Promise<void> {
    await this.page.locator('#from-day').fill(day);
    await this.page.locator('#from-month').fill(month);
    await this.page.locator('#from-year').fill(year);
    await clickAndLoad(this.page, this.filterButton);
  }
}
