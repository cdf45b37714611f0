import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/code: every council, principal first then its parishes, with its code's versions. */
export class CodeAdminPage extends AbstractPage {
  static readonly path = '/admin/code';
  static readonly title = 'Codes of conduct';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<CodeAdminPage> {
    await verifyHeading(page, CodeAdminPage.title);
    return new CodeAdminPage(page);
  }

  static async open(page: Page): Promise<CodeAdminPage> {
    await page.goto(CodeAdminPage.path);
    return CodeAdminPage.verifyOnPage(page);
  }

  /** The councils' names, in the order the page lists them. */
  async councilNames(): Promise<string[]> {
    return (await this.page.locator('main h2 a').allInnerTexts()).map((t) => t.trim());
  }

  councilLink(name: string): Locator {
    return this.page.locator('main h2').getByRole('link', { name, exact: true });
  }

  async openCouncil(name: string): Promise<void> {
    await clickAndLoad(this.page, this.councilLink(name));
  }
}
