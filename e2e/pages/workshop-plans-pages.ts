import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** Pages of the workshop-plans feature: what they share. */
abstract class WorkshopPage extends AbstractPage {
  /** Click a link in the page's main content and wait for the next page. */
  async follow(name: string | RegExp): Promise<void> {
    await clickAndLoad(this.page, this.page.locator('main').getByRole('link', { name }).first());
  }

  /** Press a button in the page's main content and wait for the next page. */
  async press(name: string | RegExp): Promise<void> {
    await clickAndLoad(this.page, this.page.locator('main').getByRole('button', { name }).first());
  }

  errorTexts(): Promise<string[]> {
    return this.page
      .locator('.govuk-error-summary a')
      .allInnerTexts()
      .then((texts) => texts.map((t) => t.trim()));
  }

  mainText(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

/** /admin/workshops: the council's workshop plans. */
export class WorkshopPlansPage extends WorkshopPage {
  static readonly path = '/admin/workshops';
  static readonly title = 'Workshop plans';

  static async verifyOnPage(page: Page): Promise<WorkshopPlansPage> {
    await verifyHeading(page, WorkshopPlansPage.title);
    return new WorkshopPlansPage(page);
  }

  static async open(page: Page): Promise<WorkshopPlansPage> {
    await page.goto(WorkshopPlansPage.path);
    return WorkshopPlansPage.verifyOnPage(page);
  }

  /** The row of a plan in the list, as its cells' text. */
  async row(title: string): Promise<string[]> {
    return this.page
      .locator('tbody tr', { has: this.page.getByRole('link', { name: title, exact: true }) })
      .locator('td')
      .allInnerTexts()
      .then((cells) => cells.map((c) => c.replace(/\s+/g, ' ').trim()));
  }
}

/** /admin/workshops/<id>: one plan. */
export class WorkshopPlanPage extends WorkshopPage {
  readonly agendaTotal: Locator;

  private constructor(page: Page) {
    super(page);
    this.agendaTotal = page.locator('#agenda-total');
  }

  static async verifyOnPage(page: Page, title: string | RegExp): Promise<WorkshopPlanPage> {
    await verifyHeading(page, title);
    return new WorkshopPlanPage(page);
  }

  /** The agenda's item titles, in order. */
  async agendaTitles(): Promise<string[]> {
    return this.page
      .locator('.probity-workshop__agenda tbody strong')
      .allInnerTexts()
      .then((t) => t.map((s) => s.trim()));
  }

  /** Press one of an agenda item's buttons ('Move up', 'Move down', 'Remove'). */
  async itemAction(action: string, itemTitle: string): Promise<void> {
    await clickAndLoad(
      this.page,
      this.page.getByRole('button', { name: `${action} ${itemTitle}`, exact: true }),
    );
  }
}

/** The plan's forms: new and changed plans, agenda items, examples, sources, paragraphs, a course's plan. */
export class WorkshopFormPage extends WorkshopPage {
  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<WorkshopFormPage> {
    await verifyHeading(page, heading);
    return new WorkshopFormPage(page);
  }

  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async choose(label: string | RegExp): Promise<void> {
    await this.page.getByLabel(label).first().check();
  }
}

/** /facilitating/sessions/<id>/run-sheet: the facilitator's run sheet. */
export class RunSheetPage extends WorkshopPage {
  static async verifyOnPage(page: Page, title: string | RegExp): Promise<RunSheetPage> {
    await verifyHeading(page, title);
    return new RunSheetPage(page);
  }

  static async open(page: Page, sessionId: number, title: string | RegExp): Promise<RunSheetPage> {
    await page.goto(`/facilitating/sessions/${sessionId}/run-sheet`);
    return RunSheetPage.verifyOnPage(page, title);
  }

  /** The agenda's rows, each as its cells' text. */
  async rows(): Promise<string[][]> {
    return this.page
      .locator('.probity-run-sheet__agenda tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td')].map((td) =>
            (td.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }
}
