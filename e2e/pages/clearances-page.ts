import type { Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

/** /clearances: the implications of reports an officer has been asked to clear. */
export class ClearancesPage extends AbstractPage {
  static readonly path = '/clearances';
  static readonly title = 'Report clearances';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ClearancesPage> {
    await verifyHeading(page, ClearancesPage.title);
    return new ClearancesPage(page);
  }
}
