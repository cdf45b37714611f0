import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/code/imports/<id>: the imported code as it will be numbered, and its problems. */
export class CodeImportPreviewPage extends AbstractPage {
  static readonly title = 'Check the imported code';

  readonly createButton: Locator;
  readonly summary: Locator;

  private constructor(page: Page) {
    super(page);
    this.createButton = page.getByRole('button', { name: 'Create the draft' });
    this.summary = page.locator('#summary li');
  }

  static async verifyOnPage(page: Page): Promise<CodeImportPreviewPage> {
    await verifyHeading(page, CodeImportPreviewPage.title);
    return new CodeImportPreviewPage(page);
  }

  /** "2 sections", "5 paragraphs", ... */
  async summaryLines(): Promise<string[]> {
    return (await this.summary.allInnerTexts()).map((line) => line.trim());
  }

  /** The rows of a table under a heading (by the heading's id), each cell's text. */
  async tableRows(headingId: 'left-out' | 'warnings' | 'structure'): Promise<string[][]> {
    const rows = this.page.locator(`#${headingId} ~ table`).first().locator('tbody tr');
    return rows.evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) =>
          (td.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
  }

  async createDraft(): Promise<void> {
    await clickAndLoad(this.page, this.createButton);
  }
}
