import type { Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** The council's checklist settings: /admin/implication-types. */
export class ImplicationTypesPage extends AbstractPage {
  static readonly path = '/admin/implication-types';

  static async open(page: Page): Promise<ImplicationTypesPage> {
    await page.goto(ImplicationTypesPage.path);
    return ImplicationTypesPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<ImplicationTypesPage> {
    await verifyHeading(page, 'Statutory and policy checklist');
    return new ImplicationTypesPage(page);
  }

  /** The implications in the table, in order, as [label, needs clearance, status]. */
  async rows(): Promise<string[][]> {
    return this.page
      .locator('table.govuk-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')]
            .slice(1, 4)
            .map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
        ),
      );
  }

  async add(label: string, needsClearance?: 'Yes' | 'No'): Promise<void> {
    await this.page.getByLabel('Name', { exact: true }).fill(label);
    if (needsClearance === 'Yes') await this.page.getByLabel(/^Yes, a named officer/).check();
    if (needsClearance === 'No') await this.page.getByLabel('No', { exact: true }).check();
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Add implication' }));
  }

  /** Press one of a row's buttons, named as a screen reader hears it. */
  async act(name: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name, exact: true }));
  }
}

/** A report's checklist answers: /admin/reports/<id>/implications. */
export class ReportImplicationsPage extends AbstractPage {
  static async open(page: Page, reportId: number): Promise<ReportImplicationsPage> {
    await page.goto(`/admin/reports/${reportId}/implications`);
    return ReportImplicationsPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<ReportImplicationsPage> {
    await verifyHeading(page, 'Statutory and policy checklist');
    return new ReportImplicationsPage(page);
  }

  /** Answer one implication, found by its legend. */
  async answer(label: string, answer: 'Yes' | 'No', statement: string): Promise<void> {
    const group = this.page.getByRole('group', { name: label, exact: true });
    await group.getByLabel(answer, { exact: true }).check();
    await group.getByLabel('Statement').fill(statement);
  }

  async save(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Save checklist' }));
  }
}

/** The council's house style words: /admin/house-style. */
export class HouseStylePage extends AbstractPage {
  static readonly path = '/admin/house-style';

  static async open(page: Page): Promise<HouseStylePage> {
    await page.goto(HouseStylePage.path);
    return HouseStylePage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<HouseStylePage> {
    await verifyHeading(page, 'House style words');
    return new HouseStylePage(page);
  }

  async add(pattern: string, advice: string): Promise<void> {
    await this.page.getByLabel('Word or phrase to look for').fill(pattern);
    await this.page.getByLabel('Advice').fill(advice);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Add word' }));
  }
}

/** A report's appendices: /admin/reports/<id>/appendices. */
export class AppendicesPage extends AbstractPage {
  static async open(page: Page, reportId: number): Promise<AppendicesPage> {
    await page.goto(`/admin/reports/${reportId}/appendices`);
    return AppendicesPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<AppendicesPage> {
    await verifyHeading(page, 'Appendices');
    return new AppendicesPage(page);
  }

  async appendVersion(title: string, version: string): Promise<void> {
    await this.page.locator('#versionTitle').fill(title);
    await this.page.locator('#versionId').selectOption({ label: version });
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Append this version' }));
  }

  /** Append a development programme, chosen by its text in the select (title, period, status). */
  async appendProgramme(title: string, programme: string | RegExp): Promise<void> {
    await this.page.locator('#programmeTitle').fill(title);
    const select = this.page.locator('#programmeId');
    const label =
      typeof programme === 'string'
        ? programme
        : await select
            .locator('option')
            .evaluateAll(
              (options, source) =>
                options
                  .map((o) => o.textContent ?? '')
                  .find((text) => new RegExp(source).test(text)) ?? '',
              programme.source,
            );
    if (label !== '') await select.selectOption({ label });
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Append this programme' }));
  }

  async upload(title: string, file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.locator('#fileTitle').fill(title);
    await this.page.locator('#file').setInputFiles(file);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Upload and append' }));
  }

  /** The appendices listed, as [letter, title, what it is]. */
  async rows(): Promise<string[][]> {
    return this.page
      .locator('table.govuk-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')]
            .slice(0, 3)
            .map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
        ),
      );
  }
}
