import type { Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

/** The public home page, "/". */
export class StartPage extends AbstractPage {
  static async verifyOnPage(page: Page, councilName: string): Promise<StartPage> {
    await verifyHeading(page, `Standards and conduct at ${councilName}`);
    return new StartPage(page);
  }
}
