import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /councils/<slug>/committees: a council's committees and sub-committees. */
export class DirectoryCommitteesPage extends AbstractPage {
  static readonly title = 'Committees';

  private constructor(page: Page) {
    super(page);
  }

  static path(slug: string): string {
    return `/councils/${slug}/committees`;
  }

  static async verifyOnPage(page: Page): Promise<DirectoryCommitteesPage> {
    await verifyHeading(page, DirectoryCommitteesPage.title);
    return new DirectoryCommitteesPage(page);
  }

  async openCommittee(name: string): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.locator('main table').getByRole('link', { name, exact: true }),
    );
  }
}

/** /councils/<slug>/committees/<id>: one committee and who sits on it. */
export class DirectoryCommitteePage extends AbstractPage {
  readonly members: Locator;

  private constructor(page: Page) {
    super(page);
    this.members = page.locator('main table.govuk-table');
  }

  static async verifyOnPage(page: Page, name: string): Promise<DirectoryCommitteePage> {
    await verifyHeading(page, name);
    return new DirectoryCommitteePage(page);
  }

  /** Each member as [name, role, political group]. */
  async memberRows(): Promise<string[][]> {
    return this.members
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
  }
}
