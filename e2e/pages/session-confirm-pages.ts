import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

/** /admin/sessions/<id>: a session's page, as far as confirming a session not for a group. */
export class SessionPage extends AbstractPage {
  readonly confirmAction: Locator;
  readonly datesLink: Locator;
  readonly status: Locator;

  private constructor(page: Page) {
    super(page);
    const main = page.locator('main');
    this.confirmAction = main.getByRole('button', {
      name: 'Confirm the session and send invitations',
    });
    this.datesLink = main.getByRole('link', { name: /Dates .*confirmation/ });
    this.status = main
      .locator('.govuk-summary-list__row')
      .filter({ hasText: 'Status' })
      .locator('dd');
  }

  static async verifyOnPage(page: Page, courseTitle: string | RegExp): Promise<SessionPage> {
    await verifyHeading(page, courseTitle);
    return new SessionPage(page);
  }

  static async open(page: Page, sessionId: number, courseTitle: string): Promise<SessionPage> {
    await page.goto(`/admin/sessions/${sessionId}`);
    return SessionPage.verifyOnPage(page, courseTitle);
  }

  /** Follow "Confirm the session and send invitations" to the confirmation page. */
  async startConfirming(): Promise<SessionConfirmPage> {
    await clickAndLoad(this.page, this.confirmAction);
    return SessionConfirmPage.verifyOnPage(this.page);
  }
}

/** /admin/sessions/<id>/confirm: confirm a session not for a group, and invite its audience. */
export class SessionConfirmPage extends AbstractPage {
  static readonly title = 'Confirm the session and send invitations';
  readonly confirmButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.confirmButton = page
      .locator('main')
      .getByRole('button', { name: SessionConfirmPage.title });
  }

  static async verifyOnPage(page: Page): Promise<SessionConfirmPage> {
    await verifyHeading(page, SessionConfirmPage.title);
    return new SessionConfirmPage(page);
  }

  static async open(page: Page, sessionId: number): Promise<SessionConfirmPage> {
    await page.goto(`/admin/sessions/${sessionId}/confirm`);
    return SessionConfirmPage.verifyOnPage(page);
  }

  /** The page's own text (without the header and footer). */
  mainText(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  /** Press the confirm button; the next page is the session page, or this page with errors. */
  async confirm(): Promise<void> {
    await clickAndLoad(this.page, this.confirmButton);
  }
}
