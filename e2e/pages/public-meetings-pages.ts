import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /meetings: committees with their published meetings and calendar feeds. */
export class MeetingsPage extends AbstractPage {
  static readonly path = '/meetings';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<MeetingsPage> {
    await verifyHeading(page, 'Meetings');
    return new MeetingsPage(page);
  }

  /** The section of one committee. */
  committee(name: string): Locator {
    return this.page.locator('section').filter({
      has: this.page.getByRole('heading', { level: 2, name, exact: true }),
    });
  }

  async openMeeting(committee: string, when: string): Promise<void> {
    await clickAndLoad(this.page, this.committee(committee).getByRole('link', { name: when }));
  }
}

/** /meetings/<id> and /meetings/<id>/minutes: a meeting's agenda or minutes. */
export class MeetingPage extends AbstractPage {
  readonly items: Locator;
  readonly cancelledWarning: Locator;

  private constructor(page: Page) {
    super(page);
    this.items = page.locator('main [id^="item-"]');
    this.cancelledWarning = page.locator('.govuk-warning-text');
  }

  static agendaPath(id: number): string {
    return `/meetings/${id}`;
  }

  static minutesPath(id: number): string {
    return `/meetings/${id}/minutes`;
  }

  static async verifyOnPage(
    page: Page,
    what: 'Agenda' | 'Minutes',
    committee: string,
  ): Promise<MeetingPage> {
    await verifyHeading(page, `${what}: ${committee}`);
    return new MeetingPage(page);
  }

  /** Each item's text, whitespace squeezed. */
  async itemTexts(): Promise<string[]> {
    return (await this.items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async openReport(title: string): Promise<void> {
    await clickAndLoad(this.page, this.items.getByRole('link', { name: title }));
  }

  async openMinutes(): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('link', { name: 'Read the minutes of this meeting' }),
    );
  }
}

/** /reports/<id> and /reports/<id>/print: a published open report. */
export class PublicReportPage extends AbstractPage {
  readonly checklist: Locator;
  readonly serviceNavigation: Locator;

  private constructor(page: Page) {
    super(page);
    this.checklist = page.locator('#checklist');
    this.serviceNavigation = page.locator('.govuk-service-navigation');
  }

  static path(id: number): string {
    return `/reports/${id}`;
  }

  static printPath(id: number): string {
    return `/reports/${id}/print`;
  }

  static async verifyOnPage(page: Page, title: string): Promise<PublicReportPage> {
    await verifyHeading(page, title);
    return new PublicReportPage(page);
  }

  /** The checklist's rows as arrays of cell texts (header row first). */
  async checklistRows(): Promise<string[][]> {
    return this.checklist
      .locator('tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
  }

  async openPrint(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Print this report' }));
  }
}
