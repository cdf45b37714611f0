import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** The training compliance dashboard: rules, a chart by group, members still to do training. */
abstract class CompliancePage extends AbstractPage {
  readonly rules: Locator;
  readonly chart: Locator;
  readonly groups: Locator;
  readonly outstanding: Locator;
  readonly ruleSelect: Locator;
  readonly csvLink: Locator;

  protected constructor(page: Page) {
    super(page);
    this.rules = page.locator('#rules');
    this.chart = page.getByRole('img', { name: /Share of each group who have done/ });
    this.groups = page.locator('#groups');
    this.outstanding = page.locator('#outstanding');
    this.ruleSelect = page.locator('#rule');
    this.csvLink = page.getByRole('link', { name: /Download every member against every rule/ });
  }

  /** The group names in the table beside the chart. */
  async groupNames(): Promise<string[]> {
    return (await this.groups.locator('tbody th').allInnerTexts()).map((t) => t.trim());
  }

  async showRule(label: string): Promise<void> {
    await this.ruleSelect.selectOption({ label });
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Show this rule' }));
  }
}

/** /admin/training/compliance: the whole council, for administrators. */
export class TrainingCompliancePage extends CompliancePage {
  static readonly path = '/admin/training/compliance';
  static readonly title = 'Training compliance';

  static async verifyOnPage(page: Page): Promise<TrainingCompliancePage> {
    await verifyHeading(page, TrainingCompliancePage.title);
    return new TrainingCompliancePage(page);
  }

  static async open(page: Page): Promise<TrainingCompliancePage> {
    await page.goto(TrainingCompliancePage.path);
    return TrainingCompliancePage.verifyOnPage(page);
  }
}

/** /group-training/compliance: a whip's own groups only. */
export class GroupCompliancePage extends CompliancePage {
  static readonly path = '/group-training/compliance';
  static readonly title = 'Your group’s training';

  static async verifyOnPage(page: Page): Promise<GroupCompliancePage> {
    await verifyHeading(page, GroupCompliancePage.title);
    return new GroupCompliancePage(page);
  }

  static async open(page: Page): Promise<GroupCompliancePage> {
    await page.goto(GroupCompliancePage.path);
    return GroupCompliancePage.verifyOnPage(page);
  }
}
