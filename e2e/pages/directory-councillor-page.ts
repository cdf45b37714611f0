import type { Locator, Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

/** /councils/<slug>/councillors/<id>: a councillor's or co-opted member's public profile. */
export class DirectoryCouncillorPage extends AbstractPage {
  readonly caption: Locator;
  readonly roles: Locator;
  readonly notice: Locator;

  private constructor(page: Page) {
    super(page);
    this.caption = page.locator('main .govuk-caption-l');
    this.roles = page.locator('main .govuk-summary-list');
    this.notice = page.locator('main .govuk-inset-text');
  }

  static async verifyOnPage(page: Page, name: string | RegExp): Promise<DirectoryCouncillorPage> {
    await verifyHeading(page, name);
    return new DirectoryCouncillorPage(page);
  }

  /** The current roles, as key → value text. */
  async roleRows(): Promise<Record<string, string>> {
    const pairs = await this.roles
      .locator('.govuk-summary-list__row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row.querySelector('dt')?.textContent ?? '').trim(),
          (row.querySelector('dd')?.textContent ?? '').trim(),
        ]),
      );
    return Object.fromEntries(pairs);
  }
}
