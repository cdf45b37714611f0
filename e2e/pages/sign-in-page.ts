import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

export class SignInPage extends AbstractPage {
  static readonly path = '/sign-in';
  static readonly title = 'Sign in to Probity';

  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.email = page.locator('#email');
    this.password = page.locator('#password');
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true });
  }

  static async verifyOnPage(page: Page): Promise<SignInPage> {
    await verifyHeading(page, SignInPage.title);
    return new SignInPage(page);
  }

  static async open(page: Page): Promise<SignInPage> {
    await page.goto(SignInPage.path);
    return SignInPage.verifyOnPage(page);
  }

  /** Fill in the form and send it; the caller checks where it lands. */
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await clickAndLoad(this.page, this.submit);
  }
}
