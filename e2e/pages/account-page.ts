import type { Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

export class AccountPage extends AbstractPage {
  static readonly path = '/account';
  static readonly title = 'Your account';

  static async verifyOnPage(page: Page): Promise<AccountPage> {
    await verifyHeading(page, AccountPage.title);
    return new AccountPage(page);
  }
}
