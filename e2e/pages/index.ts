import type { Page } from 'playwright-core';
import type { AbstractPage } from './abstract-page.js';
import { AccountPage } from './account-page.js';
import { AuditPage } from './audit-page.js';
import { DashboardPage } from './dashboard-page.js';
import { OutboxPage } from './outbox-page.js';
import { PeoplePage } from './people-page.js';
import { OrganisationsPage } from './organisations-page.js';
import { CodeAdminPage } from './code-admin-page.js';
import { ReportsPage } from './reports-page.js';
import { MeetingsPage } from './meetings-pages.js';
import { ClearancesPage } from './clearances-page.js';
import { MyCodePage, SignOffsPage } from './code-sign-off-pages.js';
import { ProgrammesPage } from './programme-admin-pages.js';
import { GroupTrainingPage } from './training-scheduling-pages.js';
import { MyTrainingPage } from './training-invitations-pages.js';
import { FacilitatingPage } from './training-attendance-pages.js';

export * from './abstract-page.js';
export { AccountPage } from './account-page.js';
export { AuditPage } from './audit-page.js';
export { CodeIndexPage } from './code-index-page.js';
export { CodePrintPage } from './code-print-page.js';
export { CodeVersionPage } from './code-version-page.js';
export { CodeVersionsPage } from './code-versions-page.js';
export { DashboardPage } from './dashboard-page.js';
export { InvitePersonPage, type InviteDetails } from './invite-person-page.js';
export { OutboxMessagePage, OutboxPage } from './outbox-page.js';
export { PeoplePage } from './people-page.js';
export { PersonPage } from './person-page.js';
export { SetPasswordPage } from './set-password-page.js';
export { SignInPage } from './sign-in-page.js';
export { StartPage } from './start-page.js';

/**
 * The page object for each place a signed-in person's navigation can link to. A link to a
 * path not listed here fails the role tests: give the new page a page object and list it.
 */
export const PAGES_BY_PATH: Record<string, (page: Page) => Promise<AbstractPage>> = {
  [DashboardPage.path]: (page) => DashboardPage.verifyOnPage(page),
  [AccountPage.path]: (page) => AccountPage.verifyOnPage(page),
  [PeoplePage.path]: (page) => PeoplePage.verifyOnPage(page),
  [OutboxPage.path]: (page) => OutboxPage.verifyOnPage(page),
  [AuditPage.path]: (page) => AuditPage.verifyOnPage(page),
  [OrganisationsPage.path]: (page) => OrganisationsPage.verifyOnPage(page),
  [CodeAdminPage.path]: (page) => CodeAdminPage.verifyOnPage(page),
  [ReportsPage.path]: (page) => ReportsPage.verifyOnPage(page),
  [MeetingsPage.path]: (page) => MeetingsPage.verifyOnPage(page),
  [MyCodePage.path]: (page) => MyCodePage.verifyOnPage(page),
  [SignOffsPage.path]: (page) => SignOffsPage.verifyOnPage(page),
  [ClearancesPage.path]: (page) => ClearancesPage.verifyOnPage(page),
  [ProgrammesPage.path]: (page) => ProgrammesPage.verifyOnPage(page),
  [MyTrainingPage.path]: (page) => MyTrainingPage.verifyOnPage(page),
  '/group-training': (page) => GroupTrainingPage.verifyOnPage(page),
  [FacilitatingPage.path]: (page) => FacilitatingPage.verifyOnPage(page),
};
