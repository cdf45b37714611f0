import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { clickAndLoad } from './pages/index.js';
import { PublicReportPage } from './pages/public-meetings-pages.js';
import {
  checkAccessibility,
  launchBrowser,
  newContext,
  watchForScriptErrors,
} from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { dataChanged } from '../src/testing/data.js';
import {
  authorityIdOf,
  createCodeVersion,
  paragraph,
  sampleItems,
} from '../src/features/code-of-conduct/testing.js';
import { createCommittee, createReport } from '../src/features/public-meetings/testing.js';

/**
 * A published open report that appends a draft of the code (and a comparison with the code in
 * force): the public page and its print page show the draft in full, pass axe, and the list of
 * appendices jumps to it. The demo council gets a committee and a draft of the test's own.
 */
const REPORT = 'A revised code of conduct for consultation';

describe('a draft code appended to a public report', () => {
  let server: TestServer;
  let browser: Browser;
  let reportId = 0;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const db = server.db;
    const authorityId = await authorityIdOf(db, 'demo-city');
    const committee = await createCommittee(db, authorityId, 'Code Review Working Party');
    const inForce = await db
      .selectFrom('code_versions')
      .select('id')
      .where('authority_id', '=', authorityId)
      .where('status', '=', 'in-force')
      .executeTakeFirstOrThrow();
    const draft = await createCodeVersion(db, {
      authorityId,
      status: 'draft',
      title: 'Code of conduct under review',
      items: [
        ...sampleItems().slice(0, 8),
        paragraph('Register any gift from a bidder for council work, whatever its value.', {
          local: true,
        }),
        ...sampleItems().slice(8),
      ],
      giftsThresholdPence: 2500,
    });
    const report = await createReport(db, {
      authorityId,
      committeeId: committee,
      title: REPORT,
      recommendations: ['Consult on the draft code at Appendix A.'],
    });
    reportId = report.id;
    await db
      .insertInto('report_appendices')
      .values([
        {
          report_id: reportId,
          position: 0,
          title: 'The draft code',
          kind: 'code-version',
          code_version_id: draft.id,
        },
        {
          report_id: reportId,
          position: 1,
          title: 'The draft compared with the code in force',
          kind: 'code-comparison',
          code_version_id: inForce.id,
          compare_version_id: draft.id,
        },
      ])
      .execute();
    await dataChanged(db);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [name, path] of [
    ['report', () => PublicReportPage.path(reportId)],
    ['print page', () => PublicReportPage.printPath(reportId)],
  ] as const) {
    test(`the ${name} shows the draft in full and is accessible`, async () => {
      const context = await newContext(browser, server.baseURL);
      try {
        const page = await context.newPage();
        const scriptErrors = watchForScriptErrors(page);
        const response = await page.goto(path());
        assert.equal(response?.status(), 200);
        await PublicReportPage.verifyOnPage(page, REPORT);
        const draft = page.locator('#appendix-A');
        await draft.waitFor();
        const text = await draft.innerText();
        assert.match(text, /Local addition\s+Register any gift from a bidder for council work/);
        assert.match(text, /£25: members register/);
        const compared = await page.locator('#appendix-B').innerText();
        assert.match(compared, /New\s+Local addition\s+Register any gift from a bidder/);
        await checkAccessibility(page, `${name} with a draft code (${path()})`);
        assert.deepEqual(scriptErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('the list of appendices jumps to the draft', async () => {
    const context = await newContext(browser, server.baseURL);
    try {
      const page = await context.newPage();
      await page.goto(PublicReportPage.path(reportId));
      await PublicReportPage.verifyOnPage(page, REPORT);
      await page.getByRole('link', { name: 'The draft code', exact: true }).click();
      await page.waitForURL(/#appendix-A$/);
      assert.equal(
        await page.getByRole('heading', { name: 'Appendix A: The draft code' }).count(),
        1,
      );
      await clickAndLoad(page, page.getByRole('link', { name: 'Print this report' }));
      await PublicReportPage.verifyOnPage(page, REPORT);
    } finally {
      await context.close();
    }
  });
});
