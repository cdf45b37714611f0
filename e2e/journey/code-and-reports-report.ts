// Step 2 of the journey: the report to the committee, cleared and ready.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { todayInEngland } from '../../src/db/current.js';
import { clickAndLoad, DashboardPage, verifyHeading } from '../pages/index.js';
import { ReportImplicationsPage } from '../pages/report-checklist-pages.js';
import {
  ReportFormPage,
  ReportPage,
  ReportPartFormPage,
  ReportsPage,
} from '../pages/reports-page.js';
import type { Journey, Person } from './support.js';
import {
  COMMITTEE,
  follow,
  mainText,
  press,
  REPORT_TITLE,
  scrollTo,
} from './code-and-reports-support.js';
import type { CodeState } from './code-and-reports-code.js';

export interface ReportState extends CodeState {
  reportId: number;
  programmeId: number;
}

/** Ask an officer to clear one implication on the report's checklist page. */
async function askForClearance(
  j: Journey,
  page: Page,
  label: string,
  officer: Person,
  shot?: string,
): Promise<void> {
  const region = page.getByRole('region', { name: label, exact: true });
  await region.locator('select').selectOption(String(officer.id));
  if (shot) {
    await scrollTo(region);
    await j.shot(page, shot);
  }
  await press(page, 'Ask for clearance', region);
  await verifyHeading(page, 'Checklist and clearances');
  assert.match(
    await page.getByRole('region', { name: label, exact: true }).innerText(),
    new RegExp(`Requested from ${officer.name}`),
  );
}

/** The officer finds the request on their dashboard and clears it. */
async function clear(j: Journey, officer: Person, label: string, shot?: string): Promise<void> {
  const page = await j.as(officer);
  await page.goto(DashboardPage.path);
  const dashboard = await DashboardPage.verifyOnPage(page);
  await follow(page, /clearances?/i, dashboard.section('Report clearances'));
  await verifyHeading(page, 'Report clearances');
  await j.axe(page, `${officer.name}’s clearances`);
  const row = page.locator('main table tbody tr').filter({ hasText: label });
  await clickAndLoad(page, row.getByRole('link', { name: REPORT_TITLE }));
  await verifyHeading(page, `Clear the ${label.toLowerCase()}`);
  assert.match(await mainText(page), /Approve the .*programme/i);
  await j.axe(page, `clearing the ${label.toLowerCase()}`);
  if (shot) await j.shot(page, shot);
  await press(page, 'Clear');
  await verifyHeading(page, 'Report clearances');
  assert.match(await mainText(page), new RegExp(`You cleared the ${label.toLowerCase()}`));
}

/**
 * Step 2. The Monitoring Officer writes the report to the Audit and Standards Committee, with
 * the revised code and the draft programme as recommendations and appendices; asks the finance
 * and legal officers to clear their parts; they clear them; the readiness check passes.
 */
export async function writeReport(
  j: Journey,
  code: CodeState,
  programmeId: number,
): Promise<ReportState> {
  const page = await j.as(j.mo);
  const programme = await j.server.db
    .selectFrom('programmes')
    .select(['title', 'status'])
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  assert.equal(programme.status, 'draft');

  const list = await ReportsPage.open(page);
  await j.axe(page, 'the list of reports');
  await list.startReport();
  const details = await ReportFormPage.verifyOnPage(page);
  await details.fill({
    title: REPORT_TITLE,
    committee: COMMITTEE,
    reportOf: 'Monitoring Officer',
    date: todayInEngland(),
    authors: [j.mo.name],
    summary:
      'The annual review of the members’ code of conduct proposes two local changes, and the members’ development programme for the year is ready for approval. Both are attached.',
    category: 'Open',
    reserved: 'No',
    press: 'No',
  });
  await j.axe(page, 'the new report form');
  await details.save();
  let report = await ReportPage.verifyOnPage(page, REPORT_TITLE);
  const reportId = Number(/\/admin\/reports\/(\d+)/.exec(page.url())?.[1]);
  assert.ok(reportId > 0);

  const recommend = async (text: string, link: { version?: number; programme?: number }) => {
    await press(page, 'Add a recommendation');
    const form = await ReportPartFormPage.verifyOnPage(page, 'Add a recommendation');
    await form.fill({ text });
    if (link.version) await page.locator('#codeVersionId').selectOption(String(link.version));
    if (link.programme) await page.locator('#programmeId').selectOption(String(link.programme));
    await form.press('Add the recommendation');
    report = await ReportPage.verifyOnPage(page, REPORT_TITLE);
  };
  await recommend(
    'Agree the revised members’ code of conduct at Appendix A and recommend it to full Council for adoption.',
    { version: code.draftVersionId },
  );
  await recommend(`Approve the ${programme.title} at Appendix B.`, { programme: programmeId });
  assert.equal(await report.recommendations.count(), 2);

  const insert = async (after: string | null, kind: string, text: string) => {
    if (after) await report.act('Insert after', after);
    else await press(page, 'Insert an item at the start');
    const form = await ReportPartFormPage.verifyOnPage(page, /^Insert an item/);
    await form.fill({ kind, text });
    await form.press('Insert the item');
    report = await ReportPage.verifyOnPage(page, REPORT_TITLE);
  };
  await insert(null, 'Section heading', 'Purpose of the report');
  await insert(
    'section 1.0',
    'Paragraph',
    'This report asks the committee to agree a revised members’ code of conduct and to approve this year’s development programme for members.',
  );
  await insert('paragraph 1.1', 'Section heading', 'The revised code');
  await insert(
    'section 2.0',
    'Paragraph',
    'The council adopted its current code two years ago. This year’s review keeps its structure and adds two local paragraphs.',
  );
  await insert(
    'paragraph 2.1',
    'Paragraph',
    'Members will register gifts and hospitality worth £25 or more, half the amount in the model code, and a new paragraph sets out how members behave online.',
  );
  await insert('paragraph 2.2', 'Section heading', 'The development programme');
  await insert(
    'section 3.0',
    'Paragraph',
    'The programme offers every political group a session on the code of conduct, and a session open to all members.',
  );
  assert.equal((await report.outline()).length, 7);
  await j.axe(page, 'the report with its recommendations and body');

  // Appendices: the revised code and the programme.
  await follow(page, /appendices/i);
  await verifyHeading(page, 'Appendices');
  await page.locator('#versionTitle').fill('The revised members’ code of conduct');
  await page.locator('#versionId').selectOption(String(code.draftVersionId));
  await press(page, 'Append this version');
  await verifyHeading(page, 'Appendices');
  await page.locator('#programmeTitle').fill(programme.title);
  await page.locator('#programmeId').selectOption(String(programmeId));
  await press(page, 'Append this programme');
  await verifyHeading(page, 'Appendices');
  const appended = await page.locator('main table tbody tr').allInnerTexts();
  assert.equal(appended.length, 2, appended.join('\n'));
  assert.match(
    appended[0] ?? '',
    /^A\s+The revised members’ code of conduct\s+Code of conduct, version/,
  );
  assert.match(appended[1] ?? '', /^B\s+.+\s+Development programme \(draft\)/);
  assert.ok(appended[1]?.includes(programme.title), appended[1]);
  await j.axe(page, 'the report’s appendices');
  await j.shot(page, 'mo-report-appendices');

  // The checklist: every implication answered.
  const implications = await ReportImplicationsPage.open(page, reportId);
  await j.axe(page, 'the implications form');
  const answers: [string, 'Yes' | 'No', string][] = [
    [
      'Financial implications',
      'Yes',
      'The sessions are run by the council’s own officers and one external facilitator, within the existing member development budget.',
    ],
    [
      'Legal implications',
      'Yes',
      'The Localism Act 2011 requires the council to adopt a code of conduct consistent with the seven principles; the revised code does so.',
    ],
    [
      'Equality of opportunity implications',
      'Yes',
      'The code forbids less favourable treatment for a protected characteristic; sessions are held in accessible rooms.',
    ],
    ['Health inequalities implications', 'No', ''],
    ['Human rights implications', 'No', 'The code respects members’ freedom of expression.'],
    ['Environmental and sustainability implications', 'No', ''],
    ['Economic impact', 'No', ''],
    ['Community safety implications', 'No', ''],
    ['Human resources implications', 'No', ''],
    ['Property implications', 'No', ''],
  ];
  for (const [label, answer, statement] of answers)
    await implications.answer(label, answer, statement);
  await implications.save();
  report = await ReportPage.verifyOnPage(page, REPORT_TITLE);
  await scrollTo(page.locator('#recommendations'));
  await j.shot(page, 'mo-report-recommendations');

  // Clearances: finance by the Principal Accountant, legal and equality by the Senior Solicitor
  // (the HR Business Partner, who clears equality in the demo's reports, has no account).
  await page.goto(`/admin/reports/${reportId}/checklist`);
  await verifyHeading(page, 'Checklist and clearances');
  await j.axe(page, 'the checklist and clearances');
  await askForClearance(
    j,
    page,
    'Financial implications',
    j.financeOfficer,
    'mo-report-ask-for-clearance',
  );
  await askForClearance(j, page, 'Legal implications', j.legalOfficer);
  await askForClearance(j, page, 'Equality of opportunity implications', j.legalOfficer);
  const emails = await j.server.db
    .selectFrom('outbox')
    .select('to_address')
    .where('to_address', 'in', [j.financeOfficer.email, j.legalOfficer.email])
    .where('body_text', 'like', `%/clearances/%`)
    .execute();
  assert.equal(emails.length, 3, 'an email for each request');

  await clear(j, j.financeOfficer, 'Financial implications', 'officer-clearance');
  await clear(j, j.legalOfficer, 'Legal implications');
  await clear(j, j.legalOfficer, 'Equality of opportunity implications');

  await page.goto(`/admin/reports/${reportId}/readiness`);
  await verifyHeading(page, 'Readiness check');
  assert.match(await mainText(page), /Ready for the agenda/);
  assert.equal(await page.locator('.govuk-error-summary').count(), 0);
  await j.axe(page, 'the readiness check, passed');
  await j.shot(page, 'mo-report-ready');
  return { ...code, reportId, programmeId };
}
