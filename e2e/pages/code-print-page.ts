import type { Locator, Page } from 'playwright-core';
import { AbstractPage, verifyHeading } from './abstract-page.js';

/** /code/<slug>/<n>/print: a version laid out for printing, without the service navigation. */
export class CodePrintPage extends AbstractPage {
  readonly serviceNavigation: Locator;

  private constructor(page: Page) {
    super(page);
    this.serviceNavigation = page.locator('.govuk-service-navigation');
  }

  static path(slug: string, number: number): string {
    return `/code/${slug}/${number}/print`;
  }

  static async verifyOnPage(page: Page, title: string | RegExp): Promise<CodePrintPage> {
    await verifyHeading(page, title);
    return new CodePrintPage(page);
  }

  item(anchor: string): Locator {
    return this.page.locator(`[id="${anchor}"]`);
  }
}
