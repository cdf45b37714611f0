import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/organisations: one council's full council, groups, committees, outside bodies and wards. */
export class OrganisationsPage extends AbstractPage {
  static readonly path = '/admin/organisations';
  static readonly title = 'Organisations and wards';

  readonly caption: Locator;
  readonly councilSelect: Locator;
  readonly showButton: Locator;
  readonly addOrganisationButton: Locator;
  readonly addWardButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.caption = page.locator('main .govuk-caption-l');
    this.councilSelect = page.locator('#authority');
    this.showButton = page.getByRole('button', { name: 'Show this council' });
    this.addOrganisationButton = page.getByRole('button', { name: 'Add an organisation' });
    this.addWardButton = page.getByRole('button', { name: 'Add a ward' });
  }

  static async verifyOnPage(page: Page): Promise<OrganisationsPage> {
    await verifyHeading(page, OrganisationsPage.title);
    return new OrganisationsPage(page);
  }

  static async open(page: Page): Promise<OrganisationsPage> {
    await page.goto(OrganisationsPage.path);
    return OrganisationsPage.verifyOnPage(page);
  }

  /** Choose a council in the select and send the (GET) form. */
  async showCouncil(name: string): Promise<void> {
    await this.councilSelect.selectOption({ label: name });
    await clickAndLoad(this.page, this.showButton);
  }

  /** The table under a section heading such as "Committees and sub-committees" or "Wards". */
  section(heading: string): Locator {
    return this.page.locator(
      `xpath=//h2[normalize-space()="${heading}"]/following-sibling::table[1]`,
    );
  }

  /** The row of a section's table whose first cell starts with this name. */
  row(heading: string, name: string): Locator {
    return this.section(heading)
      .locator('tbody tr')
      .filter({ has: this.page.locator('th', { hasText: name }) });
  }

  /** Each row of a section's table as its cells' text. */
  async rows(heading: string): Promise<string[][]> {
    return this.section(heading)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }

  /** Follow a row's action link ("Edit", "Dissolve") for the organisation or ward named. */
  async act(action: 'Edit' | 'Dissolve', name: string): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('link', { name: `${action} ${name}`, exact: true }),
    );
  }
}
