import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/**
 * The form to pick two versions to compare: `/code/<slug>/compare` (two selects, From and To)
 * and `/admin/code/versions/<id>/compare` (one select, Compare with).
 */
export class CodeCompareChoosePage extends AbstractPage {
  static readonly publicTitle = 'Compare versions of the code of conduct';
  static readonly adminTitle = /^Compare version \d+ with another version$/;

  readonly compareButton: Locator;
  readonly showAllCheckbox: Locator;

  private constructor(page: Page) {
    super(page);
    this.compareButton = page.getByRole('button', { name: 'Compare', exact: true });
    this.showAllCheckbox = page.getByLabel('Show unchanged paragraphs too');
  }

  static publicPath(slug: string): string {
    return `/code/${slug}/compare`;
  }

  static adminPath(versionId: number): string {
    return `/admin/code/versions/${versionId}/compare`;
  }

  static async verifyOnPage(page: Page): Promise<CodeCompareChoosePage> {
    await verifyHeading(
      page,
      new RegExp(
        `^(${CodeCompareChoosePage.publicTitle}|Compare version \\d+ with another version)$`,
      ),
    );
    return new CodeCompareChoosePage(page);
  }

  /** A select by its label ("From (the earlier version)", "Compare with"). */
  select(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Pick versions by their option text, then send the form. */
  async compare(choices: Record<string, string> = {}): Promise<void> {
    for (const [label, option] of Object.entries(choices)) {
      await this.select(label).selectOption({ label: option });
    }
    await clickAndLoad(this.page, this.compareButton);
  }
}

/** The comparison of two versions: `/code/<slug>/compare?from=&to=` or the admin one. */
export class CodeComparePage extends AbstractPage {
  readonly summary: Locator;
  readonly changes: Locator;
  readonly insertions: Locator;
  readonly deletions: Locator;
  readonly showUnchangedLink: Locator;
  readonly hideUnchangedLink: Locator;

  private constructor(page: Page) {
    super(page);
    this.summary = page
      .locator('h2', { hasText: 'Summary of changes' })
      .locator('xpath=following-sibling::dl[1]');
    this.changes = page.locator('main .probity-compare-row');
    this.insertions = this.changes.locator('ins');
    this.deletions = this.changes.locator('del');
    this.showUnchangedLink = page.getByRole('link', { name: 'Show unchanged paragraphs' });
    this.hideUnchangedLink = page.getByRole('link', { name: 'Hide unchanged paragraphs' });
  }

  static async verifyOnPage(page: Page): Promise<CodeComparePage> {
    await verifyHeading(page, /^Changes from version \d+ to version \d+$/);
    return new CodeComparePage(page);
  }

  /** The summary of changes as key → value ("Added" → "2"). */
  async counts(): Promise<Record<string, string>> {
    const rows = this.summary.locator('.govuk-summary-list__row');
    const result: Record<string, string> = {};
    for (const row of await rows.all()) {
      const key = (await row.locator('dt').innerText()).trim();
      result[key] = (await row.locator('dd').innerText()).trim();
    }
    return result;
  }

  /** How a change is drawn: 'underline' for added words, 'line-through' for removed ones. */
  static async textDecoration(change: Locator): Promise<string> {
    // The tests compile without the DOM's types: the browser's own function, typed here.
    type Styles = { getComputedStyle: (el: unknown) => { textDecorationLine: string } };
    return change.evaluate(
      (el) => (globalThis as unknown as Styles).getComputedStyle(el).textDecorationLine,
    );
  }

  /** Each change's heading as a screen reader reads it ("Paragraph 2.2 becomes 1.3 in …"). */
  async changeHeadings(): Promise<string[]> {
    return this.changes
      .locator('h3')
      .evaluateAll((headings) =>
        headings.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
      );
  }
}
