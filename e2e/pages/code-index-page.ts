import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /code: every council with its code of conduct in force. */
export class CodeIndexPage extends AbstractPage {
  static readonly path = '/code';
  static readonly title = 'Codes of conduct';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<CodeIndexPage> {
    await verifyHeading(page, CodeIndexPage.title);
    return new CodeIndexPage(page);
  }

  static async open(page: Page): Promise<CodeIndexPage> {
    await page.goto(CodeIndexPage.path);
    return CodeIndexPage.verifyOnPage(page);
  }

  /** The link to a council's code (its name is part of the link's accessible name). */
  codeLink(title: string, council: string): Locator {
    return this.page
      .locator('main')
      .getByRole('link', { name: `${title} (${council})`, exact: true });
  }

  async openCode(title: string, council: string): Promise<void> {
    await clickAndLoad(this.page, this.codeLink(title, council));
  }

  /** The main content's text, spaces collapsed. */
  async text(): Promise<string> {
    return (await this.page.locator('main').innerText()).replace(/\s+/g, ' ');
  }
}
