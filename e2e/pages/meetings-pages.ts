import type { Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/meetings: upcoming and past meetings, filtered by council or committee. */
export class MeetingsPage extends AbstractPage {
  static readonly path = '/admin/meetings';
  static readonly title = 'Meetings';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<MeetingsPage> {
    await verifyHeading(page, MeetingsPage.title);
    return new MeetingsPage(page);
  }

  static async open(page: Page): Promise<MeetingsPage> {
    await page.goto(MeetingsPage.path);
    return MeetingsPage.verifyOnPage(page);
  }

  async filter(body: string, when: 'Upcoming' | 'Past'): Promise<void> {
    await this.page.getByLabel('Council or committee').selectOption({ label: body });
    await this.page.getByLabel(when, { exact: true }).check();
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Show meetings' }));
  }

  async addMeeting(): Promise<NewMeetingPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Add a meeting' }));
    return NewMeetingPage.verifyOnPage(this.page);
  }
}

export interface MeetingDetails {
  body?: string;
  date?: string;
  startTime?: string;
  venue?: string;
}

/** /admin/meetings/new */
export class NewMeetingPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<NewMeetingPage> {
    await verifyHeading(page, 'New meeting');
    return new NewMeetingPage(page);
  }

  async save(details: MeetingDetails): Promise<void> {
    const p = this.page;
    if (details.body) await p.getByLabel('Who meets').selectOption({ label: details.body });
    if (details.date) {
      const [year = '', month = '', day = ''] = details.date.split('-');
      await p.getByLabel('Day').fill(day);
      await p.getByLabel('Month').fill(month);
      await p.getByLabel('Year').fill(year);
    }
    await p.getByLabel('Start time').fill(details.startTime ?? '');
    await p.getByLabel('Venue').fill(details.venue ?? '');
    await clickAndLoad(p, p.getByRole('button', { name: 'Save the meeting' }));
  }
}

/** /admin/meetings/<id>: the meeting, its agenda and what has been recorded. */
export class MeetingPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page, body: string | RegExp): Promise<MeetingPage> {
    await verifyHeading(page, body);
    return new MeetingPage(page);
  }

  async addItem(title: string, report?: string): Promise<void> {
    await this.page.getByLabel('Title').fill(title);
    if (report) await this.page.getByLabel('Report (optional)').selectOption({ label: report });
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Add the item' }));
  }

  async press(name: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name }));
  }

  async follow(name: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name }));
  }

  async agendaTitles(): Promise<string[]> {
    return this.page
      .locator('#agenda ~ table tbody tr td:nth-child(2)')
      .evaluateAll((cells) => cells.map((c) => (c.childNodes[0]?.textContent ?? '').trim()));
  }
}

/** /admin/meetings/<id>/items/<itemId>/resolutions */
export class ResolutionsPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ResolutionsPage> {
    await verifyHeading(page, /^Resolutions on item \d+/);
    return new ResolutionsPage(page);
  }

  async record(
    outcomes: { recommendation: number; outcome: string; amended?: string }[],
    minute: string,
  ): Promise<void> {
    for (const o of outcomes) {
      const group = this.page.getByRole('group', {
        name: `Resolution on recommendation ${o.recommendation}`,
      });
      await group.getByLabel(o.outcome, { exact: true }).check();
      if (o.amended !== undefined)
        await this.page
          .getByLabel('The recommendation as amended')
          .nth(o.recommendation - 1)
          .fill(o.amended);
    }
    await this.page.getByLabel('Minute reference').fill(minute);
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: 'Record the resolutions' }),
    );
  }
}

/** /admin/meetings/<id>/minutes */
export class AdminMinutesPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<AdminMinutesPage> {
    await verifyHeading(page, /^Minutes: /);
    return new AdminMinutesPage(page);
  }
}
