import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/**
 * Tick a paragraph of the code by its number ("4.2"). The paragraphs fold away section by
 * section: open the one holding it first.
 */
async function checkParagraph(page: Page, group: RegExp, number: string): Promise<void> {
  const name = new RegExp(`^${number.replace(/\./g, '\\.')} `);
  const section = page
    .getByRole('group', { name: group })
    .locator('details', { has: page.getByRole('checkbox', { name, includeHidden: true }) });
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  await section.getByRole('checkbox', { name }).check();
}

/** /admin/scenarios: the council's scenario bank, filtered by topic. */
export class ScenarioBankPage extends AbstractPage {
  static readonly path = '/admin/scenarios';
  static readonly title = 'Scenario bank';

  readonly rows: Locator;

  private constructor(page: Page) {
    super(page);
    this.rows = page.locator('table.govuk-table tbody tr');
  }

  static async verifyOnPage(page: Page): Promise<ScenarioBankPage> {
    await verifyHeading(page, ScenarioBankPage.title);
    return new ScenarioBankPage(page);
  }

  static async open(page: Page): Promise<ScenarioBankPage> {
    await page.goto(ScenarioBankPage.path);
    return ScenarioBankPage.verifyOnPage(page);
  }

  async titles(): Promise<string[]> {
    return (await this.rows.locator('td:first-child a').allInnerTexts()).map((t) => t.trim());
  }

  async filterByTopic(topic: string): Promise<void> {
    await this.page.getByLabel('Topic').selectOption({ label: topic });
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Filter' }));
  }

  async addScenario(): Promise<ScenarioFormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Add a scenario' }));
    return ScenarioFormPage.verifyOnPage(this.page, 'New scenario');
  }
}

export interface ScenarioDetails {
  title: string;
  situation: string;
  topics: string[];
  acceptable: boolean;
  paragraphs: string[];
  choices: { text: string; right: boolean; feedback: string }[];
  modelAnswer: string;
  explanation: string;
  status: 'Draft' | 'Published' | 'Retired';
}

/** /admin/scenarios/new and /admin/scenarios/<id>/edit. */
export class ScenarioFormPage extends AbstractPage {
  static async verifyOnPage(page: Page, title: string): Promise<ScenarioFormPage> {
    await verifyHeading(page, title);
    return new ScenarioFormPage(page);
  }

  /** Fill in the form; paragraphs by the start of their label ("1.2 "). */
  async fill(d: Partial<ScenarioDetails>): Promise<void> {
    const p = this.page;
    if (d.title !== undefined) await p.getByLabel('Title', { exact: true }).fill(d.title);
    if (d.situation !== undefined) await p.getByLabel('The situation').fill(d.situation);
    for (const topic of d.topics ?? [])
      await p.getByRole('group', { name: 'Topics' }).getByLabel(topic, { exact: true }).check();
    if (d.acceptable !== undefined)
      await p
        .getByRole('group', { name: /is the conduct acceptable/ })
        .getByLabel(d.acceptable ? 'Acceptable' : 'Not acceptable', { exact: true })
        .check();
    for (const number of d.paragraphs ?? [])
      await checkParagraph(p, /Paragraphs of the code in force/, number);
    for (const [k, c] of (d.choices ?? []).entries()) {
      await p.locator(`#choice${k + 1}Text`).fill(c.text);
      if (c.right) await p.locator(`#choice${k + 1}Correct`).check();
      await p.locator(`#choice${k + 1}Feedback`).fill(c.feedback);
    }
    if (d.modelAnswer !== undefined)
      await p.getByLabel('Model answer', { exact: true }).fill(d.modelAnswer);
    if (d.explanation !== undefined)
      await p.getByLabel('Explanation (optional)', { exact: true }).fill(d.explanation);
    if (d.status !== undefined)
      await p.getByRole('group', { name: 'Status' }).getByLabel(d.status, { exact: true }).check();
  }

  async save(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Save the scenario' }));
  }
}

/** /admin/scenarios/<id>: one scenario. */
export class ScenarioPage extends AbstractPage {
  readonly paragraphLinks: Locator;

  private constructor(page: Page) {
    super(page);
    this.paragraphLinks = page.locator('.scenarios-paragraphs a');
  }

  static async verifyOnPage(page: Page, title: string): Promise<ScenarioPage> {
    await verifyHeading(page, title);
    return new ScenarioPage(page);
  }

  async openAnswers(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: /Members’ answers/ }));
  }
}

/** /admin/scenario-sets and a set's pages. */
export class ScenarioSetsPage extends AbstractPage {
  static readonly path = '/admin/scenario-sets';
  static readonly title = 'Scenario sets';

  static async open(page: Page): Promise<ScenarioSetsPage> {
    await page.goto(ScenarioSetsPage.path);
    await verifyHeading(page, ScenarioSetsPage.title);
    return new ScenarioSetsPage(page);
  }

  /** Add a set with the form, published; stays on the new set's page. */
  async addSet(title: string, course: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: 'Add a set' }));
    await verifyHeading(this.page, 'New scenario set');
    await this.page.getByLabel('Title').fill(title);
    await this.page
      .getByLabel('Completing this set counts towards the course')
      .selectOption({ label: course });
    await this.page.getByLabel('Yes, members can work through it').check();
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Save the set' }));
    await verifyHeading(this.page, title);
  }

  /** On a set's page: add a scenario from the bank. */
  async addScenario(title: string): Promise<void> {
    await this.page.getByLabel('Add a scenario from the bank').selectOption({ label: title });
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Add to the set' }));
  }

  async scenarioTitles(): Promise<string[]> {
    return (
      await this.page.locator('#scenarios + table tbody td:first-child a').allInnerTexts()
    ).map((t) => t.trim());
  }
}

/** /my/scenarios and what follows: a member's self-study. */
export class MyScenariosPage extends AbstractPage {
  static readonly path = '/my/scenarios';
  static readonly title = 'Scenarios to work through';

  static async open(page: Page): Promise<MyScenariosPage> {
    await page.goto(MyScenariosPage.path);
    await verifyHeading(page, MyScenariosPage.title);
    return new MyScenariosPage(page);
  }

  /** The progress text in a set's row ("1 of 2 answered"). */
  async progressOf(title: string): Promise<string> {
    const row = this.page.locator('tbody tr', {
      has: this.page.getByRole('link', { name: title }),
    });
    return (await row.locator('td').nth(1).innerText()).trim();
  }

  async openSet(title: string): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: title, exact: true }));
    await verifyHeading(this.page, title);
  }

  /** On a scenario: answer the three questions and check the answer. */
  async answer(a: { acceptable?: boolean; paragraphs?: string[]; choice?: string }): Promise<void> {
    const p = this.page;
    if (a.acceptable !== undefined)
      await p
        .getByRole('group', { name: /Is the member’s conduct acceptable/ })
        .getByLabel(a.acceptable ? 'Acceptable' : 'Not acceptable', { exact: true })
        .check();
    for (const number of a.paragraphs ?? []) await checkParagraph(p, /Which paragraphs/, number);
    if (a.choice)
      await p
        .getByRole('group', { name: 'What should the member do now?' })
        .getByLabel(a.choice, { exact: true })
        .check();
    await clickAndLoad(p, p.getByRole('button', { name: 'Check my answer' }));
  }

  /** On the feedback page: the verdict on each question, in order ("Right" / "Not quite"). */
  async verdicts(): Promise<string[]> {
    return (await this.page.locator('h2 .govuk-tag').allInnerTexts()).map((t) => t.trim());
  }
}
