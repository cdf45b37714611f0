import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

export interface InviteDetails {
  givenName: string;
  familyName: string;
  email: string;
  /** the label of a "What kind of person is this?" radio, such as "Councillor" */
  kind: string;
  /** the council, as named in the select */
  council: string;
  /** the exact labels of the role checkboxes to tick, such as "Councillor" */
  roles: string[];
}

/** /admin/people/new: add a person and send them an invitation. */
export class InvitePersonPage extends AbstractPage {
  static readonly path = '/admin/people/new';
  static readonly title = 'Invite a person';

  readonly givenName: Locator;
  readonly familyName: Locator;
  readonly email: Locator;
  readonly council: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.givenName = page.locator('#givenName');
    this.familyName = page.locator('#familyName');
    this.email = page.locator('#email');
    this.council = page.locator('#authorityId');
    this.submit = page.getByRole('button', { name: 'Add and send invitation' });
  }

  static async verifyOnPage(page: Page): Promise<InvitePersonPage> {
    await verifyHeading(page, InvitePersonPage.title);
    return new InvitePersonPage(page);
  }

  kindRadio(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'What kind of person is this?' })
      .getByLabel(label, {
        exact: true,
      });
  }

  roleCheckbox(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'What may they do in Probity?' })
      .getByRole('checkbox', { name: label, exact: true });
  }

  /** Fill in every field given (unticking the roles not listed), then send the form. */
  async invite(details: InviteDetails): Promise<void> {
    await this.givenName.fill(details.givenName);
    await this.familyName.fill(details.familyName);
    await this.email.fill(details.email);
    await this.kindRadio(details.kind).check();
    await this.council.selectOption({ label: details.council });
    const boxes = this.page.locator('input[name="roles"]');
    for (const box of await boxes.all()) await box.uncheck();
    for (const role of details.roles) await this.roleCheckbox(role).check();
    await clickAndLoad(this.page, this.submit);
  }
}
