import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { StartPage, clickAndLoad, type AbstractPage } from './pages/index.js';
import { MeetingPage, MeetingsPage, PublicReportPage } from './pages/public-meetings-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForScriptErrors,
} from './support/browser.js';
import { COUNCIL_NAME, checkCouncilBranding, pathOf } from './support/checks.js';
import { startServer, type TestServer } from './support/server.js';
import { dataChanged } from '../src/testing/data.js';
import { authorityIdOf } from '../src/features/code-of-conduct/testing.js';
import {
  createCommittee,
  createMeeting,
  createPersonNamed,
  createReport,
  paraItem,
  sectionItem,
} from '../src/features/public-meetings/testing.js';

/**
 * Public meetings in a browser: the list, an agenda with an open and an exempt report, the
 * minutes, a report and its print page, each checked with axe. The demo council gets a
 * committee of the test's own so the test does not depend on the demo's meetings.
 */
const COMMITTEE = 'Licensing Appeals Committee';
const REPORT = 'Review of taxi licensing conditions';
const ids = { meeting: 0, held: 0, report: 0 };

describe('public meetings', { concurrency: 2 }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const db = server.db;
    const authorityId = await authorityIdOf(db, 'demo-city');
    const committee = await createCommittee(db, authorityId, COMMITTEE);
    const officer = await createPersonNamed(db, authorityId, 'Robin', 'Ledger');
    const member = await createPersonNamed(db, authorityId, 'Alex', 'Fairway', 'member');
    const report = await createReport(db, {
      authorityId,
      committeeId: committee,
      title: REPORT,
      recommendations: ['Agree the revised conditions.', 'Consult the trade on fares.'],
      items: [
        sectionItem('INTRODUCTION'),
        paraItem('The conditions were last changed some years ago.'),
      ],
      implications: [
        {
          label: 'Financial implications',
          answer: 'no',
          statement: 'None beyond officer time.',
          needsClearance: true,
          clearedBy: [{ officerId: officer, on: new Date('2026-10-01T10:00:00Z') }],
        },
      ],
    });
    ids.report = report.id;
    const exempt = await createReport(db, {
      authorityId,
      committeeId: committee,
      title: 'A driver’s appeal',
      exemptParagraph: 1,
    });
    const upcoming = await createMeeting(db, {
      organisationId: committee,
      startsAt: new Date('2027-07-01T17:00:00Z'),
      venue: 'Committee Room 1, Civic Centre',
      items: [
        { title: 'Apologies' },
        { title: REPORT, reportId: report.id },
        { title: 'Appeal by a licensed driver', reportId: exempt.id },
      ],
    });
    ids.meeting = upcoming.id;
    const held = await createMeeting(db, {
      organisationId: committee,
      startsAt: new Date('2026-10-01T17:00:00Z'),
      status: 'held',
      minutesPublished: true,
      items: [{ title: REPORT, reportId: report.id }],
    });
    ids.held = held.id;
    await db
      .insertInto('resolutions')
      .values({
        agenda_item_id: held.itemIds[0]!,
        recommendation_id: report.recommendationIds[0]!,
        outcome: 'agreed',
        minute_reference: 'LA 3/26',
      })
      .execute();
    await db
      .insertInto('meeting_attendance')
      .values({ meeting_id: held.id, person_id: member, status: 'present' })
      .execute();
    await dataChanged(db);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const PAGES: { name: string; path: () => string; verify: (p: Page) => Promise<AbstractPage> }[] =
    [
      {
        name: 'meetings',
        path: () => MeetingsPage.path,
        verify: (p) => MeetingsPage.verifyOnPage(p),
      },
      {
        name: 'agenda',
        path: () => MeetingPage.agendaPath(ids.meeting),
        verify: (p) => MeetingPage.verifyOnPage(p, 'Agenda', COMMITTEE),
      },
      {
        name: 'minutes',
        path: () => MeetingPage.minutesPath(ids.held),
        verify: (p) => MeetingPage.verifyOnPage(p, 'Minutes', COMMITTEE),
      },
      {
        name: 'report',
        path: () => PublicReportPage.path(ids.report),
        verify: (p) => PublicReportPage.verifyOnPage(p, REPORT),
      },
      {
        name: 'report-print',
        path: () => PublicReportPage.printPath(ids.report),
        verify: (p) => PublicReportPage.verifyOnPage(p, REPORT),
      },
    ];

  for (const { name, path, verify } of PAGES) {
    test(`the ${name} page is accessible and branded for the council`, async () => {
      const context = await newContext(browser, server.baseURL);
      try {
        const page = await context.newPage();
        const scriptErrors = watchForScriptErrors(page);
        const response = await page.goto(path());
        assert.equal(response?.status(), 200);
        const view = await verify(page);
        await checkCouncilBranding(view);
        await checkAccessibility(page, `${name} (${path()})`);
        assert.deepEqual(scriptErrors, []);
        await saveScreenshot(page, `public-meetings-${name}`);
      } finally {
        await context.close();
      }
    });
  }

  test('from the start page to a report and its print page, through meetings and the agenda', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      await page.goto('/');
      const start = await StartPage.verifyOnPage(page, COUNCIL_NAME);
      await clickAndLoad(page, start.navigation.getByRole('link', { name: 'Meetings' }));
      const meetings = await MeetingsPage.verifyOnPage(page);
      await meetings.openMeeting(COMMITTEE, 'Thursday 1 July 2027 at 6pm');
      const agenda = await MeetingPage.verifyOnPage(page, 'Agenda', COMMITTEE);
      assert.equal(pathOf(page), `/meetings/${ids.meeting}`);
      const items = await agenda.itemTexts();
      assert.equal(items[1], `2. ${REPORT}`);
      assert.match(
        items[2] ?? '',
        /^3\. Appeal by a licensed driver Not for publication: paragraph 1 of Schedule 12A/,
      );
      assert.equal(await agenda.items.nth(2).getByRole('link').count(), 0);
      await agenda.openReport(REPORT);
      const report = await PublicReportPage.verifyOnPage(page, REPORT);
      const rows = await report.checklistRows();
      assert.deepEqual(rows[1], [
        'Financial implications',
        'No',
        'None beyond officer time.',
        'Robin Ledger, 1 October 2026',
      ]);
      await report.openPrint();
      const print = await PublicReportPage.verifyOnPage(page, REPORT);
      assert.equal(await print.serviceNavigation.count(), 0);
    } finally {
      await context.close();
    }
  });

  test('the minutes show who attended and what was decided', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      await page.goto(MeetingPage.agendaPath(ids.held));
      const agenda = await MeetingPage.verifyOnPage(page, 'Agenda', COMMITTEE);
      await agenda.openMinutes();
      const minutes = await MeetingPage.verifyOnPage(page, 'Minutes', COMMITTEE);
      assert.match(await page.locator('#attendance').innerText(), /Present\s+Alex Fairway/);
      const [item] = await minutes.itemTexts();
      assert.match(
        item ?? '',
        /Agree the revised conditions\. Outcome: Agreed \(minute LA 3\/26\)/,
      );
    } finally {
      await context.close();
    }
  });
});
