import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/sessions/<id>/dates: an administrator agrees a group session's date. */
export class SessionDatesPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<SessionDatesPage> {
    await verifyHeading(page, /^Agree the date with the .+ whip$/);
    return new SessionDatesPage(page);
  }

  static async open(page: Page, sessionId: number): Promise<SessionDatesPage> {
    await page.goto(`/admin/sessions/${sessionId}/dates`);
    return SessionDatesPage.verifyOnPage(page);
  }

  /** Fill the "Propose a date" form (blank parts left blank) and send it. */
  async propose(date: { day: string; month: string; year: string }, start: string, end: string) {
    await this.page.locator('#date-day').fill(date.day);
    await this.page.locator('#date-month').fill(date.month);
    await this.page.locator('#date-year').fill(date.year);
    await this.page.locator('#startTime').fill(start);
    await this.page.locator('#endTime').fill(end);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Propose this date' }));
  }

  /** Confirm the date whose radio label matches, with an override reason if given. */
  async confirm(label: RegExp, overrideReason = '') {
    await this.page.getByLabel(label).check();
    if (overrideReason) await this.page.locator('#overrideReason').fill(overrideReason);
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: 'Confirm and invite the group' }),
    );
  }

  status(): Locator {
    return this.page.locator('.govuk-summary-list__row', { hasText: 'Status' }).locator('dd');
  }
}

/** /group-training: a whip's groups' sessions. */
export class GroupTrainingPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<GroupTrainingPage> {
    await verifyHeading(page, 'Group training');
    return new GroupTrainingPage(page);
  }

  static async open(page: Page): Promise<GroupTrainingPage> {
    await page.goto('/group-training');
    return GroupTrainingPage.verifyOnPage(page);
  }

  answerLink(course: string): Locator {
    return this.page.getByRole('link', { name: `Answer the dates for ${course},`, exact: false });
  }
}

/** /group-training/sessions/<id>: the whip answers the dates of one session. */
export class WhipSessionPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page, course: string): Promise<WhipSessionPage> {
    await verifyHeading(page, new RegExp(`^${course.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    return new WhipSessionPage(page);
  }

  async acceptFirst(note: string) {
    await this.page.getByLabel('Note for the officers (optional)').first().fill(note);
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: 'Accept this date' }).first(),
    );
  }
}

/** /group-training/topics: a group proposes a topic. */
export class GroupTopicsPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<GroupTopicsPage> {
    await verifyHeading(page, 'Propose a training topic');
    return new GroupTopicsPage(page);
  }

  static async open(page: Page): Promise<GroupTopicsPage> {
    await page.goto('/group-training/topics');
    return GroupTopicsPage.verifyOnPage(page);
  }

  async propose(topic: string, reason: string) {
    await this.page.locator('#topic').fill(topic);
    await this.page.locator('#reason').fill(reason);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Propose the topic' }));
  }
}

/** /admin/programmes/<id>/topics and the page answering one proposal. */
export class ProgrammeTopicsPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<ProgrammeTopicsPage> {
    await verifyHeading(page, 'Topics proposed by groups');
    return new ProgrammeTopicsPage(page);
  }

  static async open(page: Page, programmeId: number): Promise<ProgrammeTopicsPage> {
    await page.goto(`/admin/programmes/${programmeId}/topics`);
    return ProgrammeTopicsPage.verifyOnPage(page);
  }

  answerLink(topic: string): Locator {
    return this.page.getByRole('link', { name: `Answer the proposal “${topic}”` });
  }

  /** On the answer page: choose a decision (or none) and write a reply, then send. */
  async answer(decision: string | null, reply: string) {
    if (decision) await this.page.getByLabel(decision, { exact: true }).check();
    await this.page.locator('#reply').fill(reply);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Send the reply' }));
  }
}

/** /admin/liaison-meetings and its form. */
export class LiaisonMeetingsPage extends AbstractPage {
  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<LiaisonMeetingsPage> {
    await verifyHeading(page, 'Standards meetings with whips and leaders');
    return new LiaisonMeetingsPage(page);
  }

  static async open(page: Page): Promise<LiaisonMeetingsPage> {
    await page.goto('/admin/liaison-meetings');
    return LiaisonMeetingsPage.verifyOnPage(page);
  }

  async startRecording() {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Record a meeting' }));
    await verifyHeading(this.page, 'Record a standards meeting');
  }

  async record(
    day: { day: string; month: string; year: string },
    attendees: string[],
    notes: string,
  ) {
    await this.page.locator('#heldOn-day').fill(day.day);
    await this.page.locator('#heldOn-month').fill(day.month);
    await this.page.locator('#heldOn-year').fill(day.year);
    for (const name of attendees) await this.page.getByLabel(name, { exact: true }).check();
    await this.page.locator('#notes').fill(notes);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Record the meeting' }));
  }
}
