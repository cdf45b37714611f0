import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /set-password/:token: the page an invitation links to. */
export class SetPasswordPage extends AbstractPage {
  static readonly title = 'Choose your password';

  readonly password: Locator;
  readonly confirmPassword: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.password = page.locator('#password');
    this.confirmPassword = page.locator('#confirmPassword');
    this.submit = page.getByRole('button', { name: 'Set password' });
  }

  static async verifyOnPage(page: Page): Promise<SetPasswordPage> {
    await verifyHeading(page, SetPasswordPage.title);
    return new SetPasswordPage(page);
  }

  async choose(password: string, again = password): Promise<void> {
    await this.password.fill(password);
    await this.confirmPassword.fill(again);
    await clickAndLoad(this.page, this.submit);
  }
}
