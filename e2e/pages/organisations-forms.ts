import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** A GOV.UK date input named <name>-day, -month and -year. */
async function fillDate(page: Page, name: string, date: [string, string, string]): Promise<void> {
  const [day, month, year] = date;
  await page.locator(`#${name}-day`).fill(day);
  await page.locator(`#${name}-month`).fill(month);
  await page.locator(`#${name}-year`).fill(year);
}

export interface OrganisationDetails {
  name: string;
  /** the label of a "What kind of organisation is it?" radio, such as "Sub-committee" */
  kind?: string;
  /** the label of a committee type option, such as "Planning" */
  committeeType?: string;
  training?: 'Yes' | 'No';
  /** the parent committee's name, as in the select */
  parent?: string;
  founded?: [string, string, string];
}

/** /admin/organisations/new: add an organisation to a council. */
export class AddOrganisationPage extends AbstractPage {
  static readonly title = 'Add an organisation';

  readonly name: Locator;
  readonly committeeType: Locator;
  readonly parent: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.name = page.locator('#name');
    this.committeeType = page.locator('#committeeType');
    this.parent = page.locator('#parentId');
    this.submit = page.getByRole('button', { name: 'Add organisation' });
  }

  static async verifyOnPage(page: Page): Promise<AddOrganisationPage> {
    await verifyHeading(page, AddOrganisationPage.title);
    return new AddOrganisationPage(page);
  }

  kindRadio(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'What kind of organisation is it?' })
      .getByLabel(label, { exact: true });
  }

  /** Fill in the fields given, then send the form. */
  async add(details: OrganisationDetails): Promise<void> {
    await this.name.fill(details.name);
    if (details.kind) await this.kindRadio(details.kind).check();
    if (details.committeeType)
      await this.committeeType.selectOption({ label: details.committeeType });
    if (details.training) {
      await this.page
        .getByRole('group', { name: 'Must members have training before they sit on it?' })
        .getByLabel(details.training, { exact: true })
        .check();
    }
    if (details.parent) await this.parent.selectOption({ label: details.parent });
    await fillDate(this.page, 'foundedOn', details.founded ?? ['', '', '']);
    await clickAndLoad(this.page, this.submit);
  }
}

/** /admin/organisations/:id/edit: rename an organisation or correct its committee details. */
export class EditOrganisationPage extends AbstractPage {
  readonly name: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.name = page.locator('#name');
    this.submit = page.getByRole('button', { name: 'Save changes' });
  }

  static async verifyOnPage(page: Page, name: string): Promise<EditOrganisationPage> {
    await verifyHeading(page, `Edit ${name}`);
    return new EditOrganisationPage(page);
  }

  async rename(name: string): Promise<void> {
    await this.name.fill(name);
    await clickAndLoad(this.page, this.submit);
  }
}

/** /admin/organisations/:id/dissolve: record the date an organisation was dissolved. */
export class DissolveOrganisationPage extends AbstractPage {
  readonly submit: Locator;

  private constructor(page: Page, name: string) {
    super(page);
    this.submit = page.getByRole('button', { name: `Dissolve ${name}` });
  }

  static async verifyOnPage(page: Page, name: string): Promise<DissolveOrganisationPage> {
    await verifyHeading(page, `Dissolve ${name}`);
    return new DissolveOrganisationPage(page, name);
  }

  /** Send the form with this date, or with the date it offers (today) when none is given. */
  async dissolve(date?: [string, string, string]): Promise<void> {
    if (date) await fillDate(this.page, 'dissolvedOn', date);
    await clickAndLoad(this.page, this.submit);
  }
}
