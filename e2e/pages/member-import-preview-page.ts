import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/import/members/<id>: what an uploaded file would change, row by row. */
export class MemberImportPreviewPage extends AbstractPage {
  static readonly title = 'Check the import';

  readonly importButton: Locator;
  readonly summary: Locator;
  readonly problems: Locator;

  private constructor(page: Page) {
    super(page);
    this.importButton = page.getByRole('button', { name: /^Import [\d,]+ rows?$/ });
    this.summary = page.locator('#summary li');
    this.problems = page.locator('#problems + table tbody tr');
  }

  static async verifyOnPage(page: Page): Promise<MemberImportPreviewPage> {
    await verifyHeading(page, MemberImportPreviewPage.title);
    return new MemberImportPreviewPage(page);
  }

  /** The lines of the summary: "84 rows", "0 new councillors", ... */
  async summaryLines(): Promise<string[]> {
    return (await this.summary.allInnerTexts()).map((line) => line.trim());
  }

  /** The text of the Result cell of a row of the file (row 2 is the first after the headings). */
  async result(rowNumber: number): Promise<string> {
    const cells = this.page.locator(`tr:has(#row-${rowNumber}) td`);
    return (await cells.last().innerText()).replace(/\s+/g, ' ').trim();
  }

  async confirm(): Promise<void> {
    await clickAndLoad(this.page, this.importButton);
  }
}
