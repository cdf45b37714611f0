import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/sessions/<id>/attendance: the register of a training session and its code. */
export class SessionAttendancePage extends AbstractPage {
  static readonly title = 'Attendance';

  readonly code: Locator;
  readonly saveButton: Locator;
  readonly newCodeButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.code = page.locator('#attendance-code');
    this.saveButton = page.getByRole('button', { name: 'Save the attendance' });
    this.newCodeButton = page.getByRole('button', { name: /^Make a (new )?code$/ });
  }

  static async verifyOnPage(page: Page): Promise<SessionAttendancePage> {
    await verifyHeading(page, SessionAttendancePage.title);
    return new SessionAttendancePage(page);
  }

  static async open(page: Page, sessionId: number): Promise<SessionAttendancePage> {
    await page.goto(`/admin/sessions/${sessionId}/attendance`);
    return SessionAttendancePage.verifyOnPage(page);
  }

  /** One person's group of statuses, by their name. */
  person(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  async mark(name: string, status: string): Promise<void> {
    await this.person(name).getByLabel(status, { exact: true }).check();
  }

  async statusOf(name: string): Promise<string | null> {
    const checked = this.person(name).locator('input:checked');
    if ((await checked.count()) === 0) return null;
    const id = await checked.getAttribute('id');
    return this.page.locator(`label[for="${id}"]`).innerText();
  }

  async save(): Promise<void> {
    await clickAndLoad(this.page, this.saveButton);
  }

  /** Add someone not invited; either part may be left out to see the errors. */
  async add(person?: string, status?: string): Promise<void> {
    if (person) await this.page.locator('#personId').selectOption({ label: person });
    if (status) {
      await this.page
        .getByRole('group', { name: 'How they attended' })
        .getByLabel(status, { exact: true })
        .check();
    }
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Add to the register' }));
  }

  /** The names on the register, in order. */
  async names(): Promise<string[]> {
    return (await this.page.locator('form fieldset legend').allInnerTexts()).map((t) => t.trim());
  }
}

/** /attend: a person types the session's code to record their own attendance. */
export class AttendPage extends AbstractPage {
  static readonly path = '/attend';
  static readonly title = 'Record your attendance';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<AttendPage> {
    await verifyHeading(page, AttendPage.title);
    return new AttendPage(page);
  }

  static async open(page: Page): Promise<AttendPage> {
    await page.goto(AttendPage.path);
    return AttendPage.verifyOnPage(page);
  }

  async enter(code: string): Promise<void> {
    await this.page.getByLabel('Attendance code').fill(code);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Record my attendance' }));
  }
}

/** /my/training/record and /admin/people/<id>/training: required, invited and attended apart. */
export class TrainingRecordPage extends AbstractPage {
  readonly summary: Locator;

  private constructor(page: Page) {
    super(page);
    this.summary = page.locator('#record-summary');
  }

  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<TrainingRecordPage> {
    await verifyHeading(page, heading);
    return new TrainingRecordPage(page);
  }

  /** The rows of the table with this caption, each as its cells' text. */
  async rows(caption: string): Promise<string[][]> {
    const table = this.page.locator('table', {
      has: this.page.locator('caption', { hasText: caption }),
    });
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td')].map((td) =>
            (td.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }
}

/** /facilitating: the sessions a facilitator runs, with links to take attendance. */
export class FacilitatingPage extends AbstractPage {
  static readonly path = '/facilitating';
  static readonly title = 'Sessions you facilitate';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<FacilitatingPage> {
    await verifyHeading(page, FacilitatingPage.title);
    return new FacilitatingPage(page);
  }

  static async open(page: Page): Promise<FacilitatingPage> {
    await page.goto(FacilitatingPage.path);
    return FacilitatingPage.verifyOnPage(page);
  }

  takeAttendanceLink(sessionTitle: string): Locator {
    const escaped = sessionTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('link', { name: new RegExp(`^Take attendance at ${escaped}`) });
  }
}
