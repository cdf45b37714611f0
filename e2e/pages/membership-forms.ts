import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** The forms Democratic Services use on a person's memberships and details. */
export class PersonFormPage extends AbstractPage {
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.submit = page.locator('main form[method="post"] button[type="submit"]').last();
  }

  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<PersonFormPage> {
    await verifyHeading(page, heading);
    return new PersonFormPage(page);
  }

  /** Fill a GOV.UK date input (fields <name>-day, -month, -year). */
  async fillDate(name: string, [day, month, year]: [string, string, string]): Promise<void> {
    await this.page.fill(`#${name}-day`, day);
    await this.page.fill(`#${name}-month`, month);
    await this.page.fill(`#${name}-year`, year);
  }

  async send(): Promise<void> {
    await clickAndLoad(this.page, this.submit);
  }

  /** The error summary's messages, in order. */
  async errors(): Promise<string[]> {
    return (await this.errorSummary.locator('li').allInnerTexts()).map((t) => t.trim());
  }
}
