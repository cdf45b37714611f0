import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/**
 * /code/<slug> and /code/<slug>/<n>: one version of a council's code, whole or (with
 * `?only=local`) only its local additions. The heading is the version's title.
 */
export class CodeVersionPage extends AbstractPage {
  readonly banner: Locator;
  readonly status: Locator;
  readonly legend: Locator;
  readonly contents: Locator;
  readonly localItems: Locator;

  private constructor(page: Page) {
    super(page);
    this.banner = page.locator('.govuk-notification-banner');
    this.status = page.locator('.probity-code__status');
    this.legend = page.locator('.probity-code__legend');
    this.contents = page.locator('.probity-code__contents');
    this.localItems = page.locator('.probity-code__local-item');
  }

  static path(slug: string, number?: number): string {
    return number === undefined ? `/code/${slug}` : `/code/${slug}/${number}`;
  }

  static async verifyOnPage(page: Page, title: string | RegExp): Promise<CodeVersionPage> {
    await verifyHeading(page, title);
    return new CodeVersionPage(page);
  }

  static async open(page: Page, path: string, title: string | RegExp): Promise<CodeVersionPage> {
    await page.goto(path);
    return CodeVersionPage.verifyOnPage(page, title);
  }

  /** A numbered item by its anchor ('para-2-1', 'section-2', 'appendix-a'). */
  item(anchor: string): Locator {
    return this.page.locator(`[id="${anchor}"]`);
  }

  link(name: string | RegExp): Locator {
    return this.page.locator('main').getByRole('link', { name, exact: typeof name === 'string' });
  }

  async follow(name: string | RegExp): Promise<void> {
    await clickAndLoad(this.page, this.link(name));
  }

  /** The settings summary list as label → value. */
  async settings(): Promise<Record<string, string>> {
    return this.page
      .locator('main .govuk-summary-list__row')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((row) => [
            (row.querySelector('dt')?.textContent ?? '').trim(),
            (row.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ]),
        ),
      );
  }

  /** Whether the element's top is inside the window as it is scrolled now. */
  async inViewport(anchor: string): Promise<boolean> {
    const box = await this.item(anchor).boundingBox();
    const viewport = this.page.viewportSize();
    return box !== null && viewport !== null && box.y >= 0 && box.y < viewport.height;
  }

  /** The computed font style ('italic', 'normal') of the first element matching a selector. */
  async fontStyle(selector: string): Promise<string> {
    return this.page.evaluate(
      `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontStyle`,
    );
  }
}
