import type { Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** Pages of the administrators' Member Development Programme (programme-admin feature). */
abstract class ProgrammeAdminPage extends AbstractPage {
  /** Click a link in the page's main content and wait for the next page. */
  async follow(name: string | RegExp): Promise<void> {
    await clickAndLoad(this.page, this.page.locator('main').getByRole('link', { name }).first());
  }

  /** Press a button in the page's main content and wait for the next page. */
  async press(name: string | RegExp): Promise<void> {
    await clickAndLoad(this.page, this.page.locator('main').getByRole('button', { name }).first());
  }

  async fillDate(legend: string | RegExp, date: string): Promise<void> {
    const [year = '', month = '', day = ''] = date.split('-');
    const group = this.page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill(month);
    await group.getByLabel('Year').fill(year);
  }

  errorTexts(): Promise<string[]> {
    return this.page
      .locator('.govuk-error-summary a')
      .allInnerTexts()
      .then((texts) => texts.map((t) => t.trim()));
  }
}

/** /admin/programmes */
export class ProgrammesPage extends ProgrammeAdminPage {
  static readonly path = '/admin/programmes';
  static readonly title = 'Member development programmes';

  static async verifyOnPage(page: Page): Promise<ProgrammesPage> {
    await verifyHeading(page, ProgrammesPage.title);
    return new ProgrammesPage(page);
  }

  static async open(page: Page): Promise<ProgrammesPage> {
    await page.goto(ProgrammesPage.path);
    return ProgrammesPage.verifyOnPage(page);
  }
}

/** /admin/programmes/new, /admin/programmes/<id>/edit, .../approve, .../courses/new, sessions' forms */
export class ProgrammeFormPage extends ProgrammeAdminPage {
  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<ProgrammeFormPage> {
    await verifyHeading(page, heading);
    return new ProgrammeFormPage(page);
  }
}

/** /admin/programmes/<id>, /admin/courses/<id>, /admin/sessions/<id>: a record's own page. */
export class ProgrammeRecordPage extends ProgrammeAdminPage {
  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<ProgrammeRecordPage> {
    await verifyHeading(page, heading);
    return new ProgrammeRecordPage(page);
  }
}
