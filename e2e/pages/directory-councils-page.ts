import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /councils: every council, with links to its councillors and committees. */
export class DirectoryCouncilsPage extends AbstractPage {
  static readonly path = '/councils';
  static readonly title = 'Councils and councillors';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<DirectoryCouncilsPage> {
    await verifyHeading(page, DirectoryCouncilsPage.title);
    return new DirectoryCouncilsPage(page);
  }

  static async open(page: Page): Promise<DirectoryCouncilsPage> {
    await page.goto(DirectoryCouncilsPage.path);
    return DirectoryCouncilsPage.verifyOnPage(page);
  }

  link(text: string): Locator {
    return this.page.locator('main').getByRole('link', { name: text, exact: true });
  }

  async follow(text: string): Promise<void> {
    await clickAndLoad(this.page, this.link(text));
  }
}
