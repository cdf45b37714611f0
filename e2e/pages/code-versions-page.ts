import type { Locator, Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

/** /code/<slug>/versions: a council's published versions with their dates. */
export class CodeVersionsPage extends AbstractPage {
  static readonly title = 'Versions of the code of conduct';
  readonly table: Locator;

  private constructor(page: Page) {
    super(page);
    this.table = page.locator('main table.govuk-table');
  }

  static path(slug: string): string {
    return `/code/${slug}/versions`;
  }

  static async verifyOnPage(page: Page): Promise<CodeVersionsPage> {
    await verifyHeading(page, CodeVersionsPage.title);
    return new CodeVersionsPage(page);
  }

  /** Each row as the text of its cells. */
  async rows(): Promise<string[][]> {
    return this.table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td, th')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
  }
}
