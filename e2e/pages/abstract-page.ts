import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/** Wait for the page's one h1 and check its text: how each page object knows it is on its page. */
export async function verifyHeading(page: Page, expected: string | RegExp): Promise<void> {
  const heading = page.locator('h1');
  await heading.first().waitFor();
  assert.equal(await heading.count(), 1, `${page.url()} should have exactly one h1`);
  const text = (await heading.innerText()).trim();
  if (typeof expected === 'string') {
    assert.equal(text, expected, `the h1 on ${page.url()}`);
  } else {
    assert.match(text, expected, `the h1 on ${page.url()}`);
  }
}

/** Click something that loads a new page (a link, or a form's button) and wait for that page. */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

export interface PageLink {
  text: string;
  href: string;
}

async function linksIn(locator: Locator): Promise<PageLink[]> {
  return locator.evaluateAll((links) =>
    links.map((link) => ({
      text: (link.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: link.getAttribute('href') ?? '',
    })),
  );
}

/** What every Probity page has: the council's header, service navigation, banners and footer. */
export abstract class AbstractPage {
  readonly heading: Locator;
  readonly header: Locator;
  readonly homepageLink: Locator;
  readonly navigation: Locator;
  readonly signOutButton: Locator;
  readonly signInLink: Locator;
  readonly successBanner: Locator;
  readonly errorSummary: Locator;
  readonly footer: Locator;

  protected constructor(readonly page: Page) {
    this.heading = page.locator('h1');
    this.header = page.locator('header.govuk-template__header');
    this.homepageLink = this.header.locator('.govuk-generic-header__homepage-link');
    this.navigation = this.header.locator('ul.govuk-service-navigation__list');
    this.signOutButton = this.navigation.getByRole('button', { name: 'Sign out' });
    this.signInLink = this.navigation.getByRole('link', { name: 'Sign in' });
    this.successBanner = page.locator('.govuk-notification-banner--success');
    this.errorSummary = page.locator('.govuk-error-summary');
    this.footer = page.locator('footer.govuk-footer');
  }

  /** The links in the service navigation, in order (signing out is a button, not a link). */
  async navigationLinks(): Promise<PageLink[]> {
    return linksIn(this.navigation.locator('a.govuk-service-navigation__link'));
  }

  /** The error summary's entries: each message and the field it links to. */
  async errorSummaryLinks(): Promise<PageLink[]> {
    await this.errorSummary.waitFor();
    return linksIn(this.errorSummary.locator('.govuk-error-summary__list a'));
  }

  /** The id of the element with keyboard focus ('#email'), or '' when it has none. */
  async focusedElement(): Promise<string> {
    const focused = this.page.locator(':focus');
    if ((await focused.count()) === 0) return '';
    const id = await focused.first().getAttribute('id');
    return id ? `#${id}` : '';
  }

  async signOut(): Promise<void> {
    await clickAndLoad(this.page, this.signOutButton);
  }
}

/** A page that is read, not used: the accessibility statement, cookies, errors. */
export class ContentPage extends AbstractPage {
  static async verifyOnPage(page: Page, heading: string | RegExp): Promise<ContentPage> {
    await verifyHeading(page, heading);
    return new ContentPage(page);
  }
}
