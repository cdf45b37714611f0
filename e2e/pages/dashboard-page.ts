import type { Locator, Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

export class DashboardPage extends AbstractPage {
  static readonly path = '/dashboard';
  static readonly title = 'Your dashboard';

  readonly signedInAs: Locator;
  readonly accountLink: Locator;
  /** the banner asking a member to sign the code of conduct in force */
  readonly signOffBanner: Locator;

  private constructor(page: Page) {
    super(page);
    this.signedInAs = page.locator('main p', { hasText: 'Signed in as' });
    this.accountLink = page.locator('main').getByRole('link', { name: 'Your account' });
    this.signOffBanner = page.locator('main .govuk-notification-banner', {
      hasText: 'Sign the code of conduct',
    });
  }

  static async verifyOnPage(page: Page): Promise<DashboardPage> {
    await verifyHeading(page, DashboardPage.title);
    return new DashboardPage(page);
  }

  /** The headings of the dashboard's sections, in order: one section per role held. */
  async sectionHeadings(): Promise<string[]> {
    return (await this.page.locator('main section h2').allInnerTexts()).map((t) => t.trim());
  }

  /** The section under this heading (a landmark labelled by its h2). */
  section(heading: string): Locator {
    return this.page.getByRole('region', { name: heading, exact: true });
  }
}
