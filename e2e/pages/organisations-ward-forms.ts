import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

export interface WardDetails {
  /** the council, as named in the select */
  council?: string;
  name: string;
  gssCode?: string;
  /** how many councillors it elects: "1", "2" or "3" */
  seats?: string;
}

/** /admin/wards/new: add a ward and its seats on the council. */
export class AddWardPage extends AbstractPage {
  static readonly title = 'Add a ward';

  readonly council: Locator;
  readonly name: Locator;
  readonly gssCode: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.council = page.locator('#authorityId');
    this.name = page.locator('#name');
    this.gssCode = page.locator('#gssCode');
    this.submit = page.getByRole('button', { name: 'Add ward' });
  }

  static async verifyOnPage(page: Page): Promise<AddWardPage> {
    await verifyHeading(page, AddWardPage.title);
    return new AddWardPage(page);
  }

  seatsRadio(seats: string): Locator {
    return this.page
      .getByRole('group', { name: 'How many councillors does it elect?' })
      .getByLabel(seats, { exact: true });
  }

  async add(details: WardDetails): Promise<void> {
    if (details.council) await this.council.selectOption({ label: details.council });
    await this.name.fill(details.name);
    await this.gssCode.fill(details.gssCode ?? '');
    if (details.seats) await this.seatsRadio(details.seats).check();
    await clickAndLoad(this.page, this.submit);
  }
}

/** /admin/wards/:id/edit: correct a ward's name or GSS code. */
export class EditWardPage extends AbstractPage {
  readonly name: Locator;
  readonly gssCode: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.name = page.locator('#name');
    this.gssCode = page.locator('#gssCode');
    this.submit = page.getByRole('button', { name: 'Save changes' });
  }

  static async verifyOnPage(page: Page, name: string): Promise<EditWardPage> {
    await verifyHeading(page, `Edit ${name} ward`);
    return new EditWardPage(page);
  }

  async save(details: { name: string; gssCode: string }): Promise<void> {
    await this.name.fill(details.name);
    await this.gssCode.fill(details.gssCode);
    await clickAndLoad(this.page, this.submit);
  }
}
