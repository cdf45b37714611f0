import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /my/code: the codes in force a member must sign, each with its sign-off or a form. */
export class MyCodePage extends AbstractPage {
  static readonly path = '/my/code';
  static readonly title = 'Your code of conduct';

  private constructor(page: Page) {
    super(page);
  }

  static async verifyOnPage(page: Page): Promise<MyCodePage> {
    await verifyHeading(page, MyCodePage.title);
    return new MyCodePage(page);
  }

  static async open(page: Page): Promise<MyCodePage> {
    await page.goto(MyCodePage.path);
    return MyCodePage.verifyOnPage(page);
  }

  /** The part of the page about one council's code, by the council's name. */
  council(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Tick (or not) the box under a council's code, then send the form. */
  async sign(council: string, tick: boolean): Promise<void> {
    const region = this.council(council);
    if (tick) await region.getByLabel('I have read this code and I will observe it').check();
    await clickAndLoad(this.page, region.getByRole('button', { name: 'Sign the code of conduct' }));
  }

  async status(council: string): Promise<string> {
    return (await this.council(council).locator('.govuk-summary-list__value').nth(2).innerText())
      .replace(/\s+/g, ' ')
      .trim();
  }
}

/** /sign-offs: who must sign a council's code in force, filtered by council and group. */
export class SignOffsPage extends AbstractPage {
  static readonly path = '/sign-offs';
  static readonly title = 'Code of conduct sign-offs';

  readonly counts: Locator;
  readonly councilSelect: Locator;
  readonly groupSelect: Locator;
  readonly showButton: Locator;
  readonly table: Locator;
  readonly csvLink: Locator;
  readonly paperLink: Locator;

  private constructor(page: Page) {
    super(page);
    this.counts = page.locator('#counts');
    this.councilSelect = page.locator('#authority');
    this.groupSelect = page.locator('#group');
    this.showButton = page.getByRole('button', { name: 'Show sign-offs' });
    this.table = page.locator('main table.govuk-table');
    this.csvLink = page.getByRole('link', { name: 'Download this list as a spreadsheet (CSV)' });
    this.paperLink = page.getByRole('link', { name: 'Record a sign-off made on paper' });
  }

  static async verifyOnPage(page: Page): Promise<SignOffsPage> {
    await verifyHeading(page, SignOffsPage.title);
    return new SignOffsPage(page);
  }

  static async open(page: Page, query = ''): Promise<SignOffsPage> {
    await page.goto(`${SignOffsPage.path}${query}`);
    return SignOffsPage.verifyOnPage(page);
  }

  /** Choose a group (by its label) and send the filter form. */
  async showGroup(label: string): Promise<void> {
    await this.groupSelect.selectOption({ label });
    await clickAndLoad(this.page, this.showButton);
  }

  async groupOptions(): Promise<string[]> {
    return (await this.groupSelect.locator('option').allInnerTexts()).map((t) => t.trim());
  }

  /** Each row of the table as its cells' text (the first cell is the name). */
  async rows(): Promise<string[][]> {
    return this.table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }
}

/** /sign-offs/paper: an officer records a sign-off a member made on paper. */
export class PaperSignOffPage extends AbstractPage {
  static readonly title = 'Record a sign-off made on paper';

  readonly person: Locator;
  readonly submit: Locator;

  private constructor(page: Page) {
    super(page);
    this.person = page.locator('#personId');
    this.submit = page.getByRole('button', { name: 'Record the sign-off' });
  }

  static async verifyOnPage(page: Page): Promise<PaperSignOffPage> {
    await verifyHeading(page, PaperSignOffPage.title);
    return new PaperSignOffPage(page);
  }

  /** Fill in what is given, then send the form. */
  async record(details: { person?: string; date?: [string, string, string] }): Promise<void> {
    if (details.person) await this.person.selectOption({ label: details.person });
    if (details.date) {
      const [day, month, year] = details.date;
      await this.page.locator('#signedOn-day').fill(day);
      await this.page.locator('#signedOn-month').fill(month);
      await this.page.locator('#signedOn-year').fill(year);
    }
    await clickAndLoad(this.page, this.submit);
  }
}
