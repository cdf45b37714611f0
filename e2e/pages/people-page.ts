import type { Locator, Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

/** /admin/people: everyone Probity knows about. */
export class PeoplePage extends AbstractPage {
  static readonly path = '/admin/people';
  static readonly title = 'People';

  readonly inviteButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.inviteButton = page.getByRole('button', { name: 'Invite a person' });
  }

  static async verifyOnPage(page: Page): Promise<PeoplePage> {
    await verifyHeading(page, PeoplePage.title);
    return new PeoplePage(page);
  }
}
