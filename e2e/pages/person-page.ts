import type { Locator, Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

/** /admin/people/:id: one person, their roles and account. */
export class PersonPage extends AbstractPage {
  readonly summary: Locator;

  private constructor(page: Page) {
    super(page);
    this.summary = page.locator('main .govuk-summary-list');
  }

  static async verifyOnPage(page: Page, name: string): Promise<PersonPage> {
    await verifyHeading(page, name);
    return new PersonPage(page);
  }

  /** The value in the summary list row with this key. */
  async summaryValue(key: string): Promise<string> {
    const row = this.summary.locator('.govuk-summary-list__row', {
      has: this.page.locator('.govuk-summary-list__key', { hasText: key }),
    });
    return (await row.locator('.govuk-summary-list__value').innerText()).trim();
  }
}
