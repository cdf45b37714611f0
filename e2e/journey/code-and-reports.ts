// Steps 1–5 of the council's year: the code of conduct is imported and revised, a report takes
// it (and the development programme) to the Audit and Standards Committee, the committee and
// full Council decide, and members sign the new code. Each step is done in the browser by the
// person whose job it is; the database is only read, to check what happened.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { todayInEngland } from '../../src/db/current.js';
import { buildDocx } from '../../src/features/code-import/test-support.js';
import { clickAndLoad, DashboardPage, OutboxPage, verifyHeading } from '../pages/index.js';
import { CodeImportPreviewPage } from '../pages/code-import-preview-page.js';
import { CodeVersionPage as PublicCodePage } from '../pages/code-version-page.js';
import { CodeImportUploadPage } from '../pages/code-import-upload-page.js';
import {
  CodeCouncilPage,
  CodeFormPage,
  CodeItemFormPage,
  CodeVersionPage,
} from '../pages/code-admin-forms.js';
import { MyCodePage, SignOffsPage } from '../pages/code-sign-off-pages.js';
import { MeetingPage, MeetingsPage, ResolutionsPage } from '../pages/meetings-pages.js';
import {
  MeetingPage as PublicMeetingPage,
  MeetingsPage as PublicMeetingsPage,
  PublicReportPage,
} from '../pages/public-meetings-pages.js';
import { ReportImplicationsPage } from '../pages/report-checklist-pages.js';
import {
  ReportFormPage,
  ReportPage,
  ReportPartFormPage,
  ReportsPage,
} from '../pages/reports-page.js';
import type { Journey, Person } from './support.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const COUNCIL = 'Demo City Council';
const COMMITTEE = 'Audit and Standards Committee';
export const CODE_TITLE = 'Demo City Council Members’ Code of Conduct';
export const REVISED_TITLE = 'Demo City Council Members’ Code of Conduct (revised)';
export const REPORT_TITLE = 'A revised code of conduct and the members’ development programme';

/** A date `days` from today in England (negative: before), as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const d = new Date(`${todayInEngland()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const mainText = async (page: Page) =>
  (await page.locator('main').innerText()).replace(/\s+/g, ' ');

/** Scroll so that this element is at the top of the window (for a screenshot of that part). */
async function scrollTo(target: Locator, block: 'start' | 'center' = 'start'): Promise<void> {
  await target.first().evaluate((el, b) => el.scrollIntoView({ block: b }), block);
}

async function press(page: Page, name: string | RegExp, within: Locator = page.locator('main')) {
  await clickAndLoad(page, within.getByRole('button', { name, exact: typeof name === 'string' }));
}

async function follow(page: Page, name: string | RegExp, within: Locator = page.locator('main')) {
  await clickAndLoad(
    page,
    within.getByRole('link', { name, exact: typeof name === 'string' }).first(),
  );
}

/**
 * The code the council has had for two years, as its Word file: a short code in the shape of the
 * model code, with two of the council's own additions in italics.
 */
export function currentCodeDocx(): Promise<Buffer> {
  return buildDocx([
    { title: CODE_TITLE },
    { heading: '1. Treating people with respect' },
    {
      text: '1.1\tYou are courteous to residents, other members and officers, even when you disagree with them.',
    },
    { text: '1.2\tYou challenge ideas and decisions, not the people who hold or make them.' },
    {
      text: '1.3\tYou answer letters and emails from residents of your ward within ten working days.',
      italic: true,
    },
    { heading: '2. Bullying, harassment and intimidation' },
    {
      text: '2.1\tYou do not bully anyone: no repeated behaviour meant to undermine, humiliate or frighten.',
    },
    {
      text: '2.2\tYou do not harass anyone or try to intimidate those who raise a concern about you.',
    },
    { heading: '3. Equality' },
    {
      text: '3.1\tYou do not treat anyone less favourably because of a protected characteristic, and you help the council meet its equality duties.',
    },
    { heading: '4. Confidentiality and access to information' },
    {
      text: '4.1\tYou keep confidential what you are told in confidence, unless the law requires or allows you to share it.',
    },
    { text: '4.2\tYou do not stop anyone seeing information they are entitled to see.' },
    { heading: '5. The council’s reputation' },
    {
      text: '5.1\tYou do not act in a way a reasonable person would think brings your office or the council into disrepute.',
    },
    { heading: '6. Using your position' },
    {
      text: '6.1\tYou do not use your position as a member to gain an advantage, or cause a disadvantage, for yourself or anyone else.',
    },
    { heading: '7. Council resources and facilities' },
    {
      text: '7.1\tYou use the council’s money, equipment and staff time only for council business and as its rules allow.',
    },
    {
      text: '7.2\tYou do not use council rooms, email or social media accounts for party campaigning.',
      italic: true,
    },
    { heading: '8. Registering and declaring interests' },
    {
      text: '8.1\tYou register your interests within 28 days of taking office and keep the register up to date.',
    },
    {
      text: '8.2\tYou declare an interest at a meeting when an item touches it, and leave the room when the code says you must.',
    },
    { heading: '9. Gifts and hospitality' },
    {
      text: '9.1\tYou register with the Monitoring Officer, within 28 days, any gift or hospitality worth £50 or more that you receive as a member.',
    },
    {
      text: '9.2\tYou also register any significant offer of a gift or hospitality that you turned down.',
    },
    {
      text: '9.3\tYou never accept a gift or hospitality that could look like a reward for a decision.',
    },
    { heading: 'Appendix A: The principles of public life' },
    {
      text: 'Members act selflessly, with integrity and objectivity; they are accountable, open and honest, and they lead by example.',
    },
  ]);
}

export interface CodeState {
  /** the imported code, recorded as in force since two years ago (version 1) */
  inForceVersionId: number;
  /** the revised draft with the local additions and the £25 threshold (version 2) */
  draftVersionId: number;
  draftVersionNumber: number;
}

/**
 * Step 1. The Monitoring Officer imports the council's code from Word, records it as the code
 * already in force (agreed and adopted two years ago), records this year's review, which starts
 * a new draft, and adds local additions to it: one lowers the gifts threshold to £25.
 */
export async function importCodeAndDraft(j: Journey): Promise<CodeState> {
  const page = await j.as(j.mo);

  const upload = await CodeImportUploadPage.open(page, j.slug);
  await j.axe(page, 'the code import page');
  await upload.upload(
    { name: 'Members code of conduct.docx', mimeType: DOCX, content: await currentCodeDocx() },
    CODE_TITLE,
  );
  const preview = await CodeImportPreviewPage.verifyOnPage(page);
  const summary = await preview.summaryLines();
  for (const line of ['9 sections', '18 paragraphs', '1 appendix', '2 local additions'])
    assert.ok(summary.includes(line), `the preview says ${line}: ${summary.join(', ')}`);
  await j.axe(page, 'the code import preview');
  await j.shot(page, 'mo-code-import-preview');
  await preview.createDraft();
  let version = await CodeVersionPage.verifyOnPage(page);
  const inForceVersionId = Number(/\/admin\/code\/versions\/(\d+)$/.exec(page.url())?.[1]);
  assert.ok(inForceVersionId > 0, `the draft's page: ${page.url()}`);
  assert.equal((await version.status.innerText()).trim(), 'Draft');
  await j.axe(page, 'the imported draft');

  // The council has had this code for two years: record its agreement and adoption then.
  await version.step('Record agreement by committee');
  let form = await CodeFormPage.verifyOnPage(page, 'Record agreement by committee');
  await j.axe(page, 'the agreement form');
  await form.date('agreedDate', daysFromToday(-740));
  await form.field('organisationId').selectOption({ label: COMMITTEE });
  await form.field('agreedMinute').fill(`ASC/${daysFromToday(-740).slice(0, 4)}/18`);
  await form.press('Record the agreement');
  version = await CodeVersionPage.verifyOnPage(page);
  assert.equal((await version.status.innerText()).trim(), 'Agreed by committee');

  await version.step('Record adoption by full Council');
  form = await CodeFormPage.verifyOnPage(page, 'Record adoption by full Council');
  await j.axe(page, 'the adoption form');
  await form.date('adoptedDate', daysFromToday(-720));
  await form.field('adoptedMinute').fill(`C/${daysFromToday(-720).slice(0, 4)}/42`);
  await form.date('inForceDate', daysFromToday(-710));
  await form.press('Record the adoption');
  version = await CodeVersionPage.verifyOnPage(page);
  assert.equal((await version.status.innerText()).trim(), 'In force');
  await j.axe(page, 'the imported code in force');

  // In force for two years with no review: the dashboard says a review is due.
  await page.goto(DashboardPage.path);
  await DashboardPage.verifyOnPage(page);
  const due = page.locator('main').getByText(/is due for its annual review/);
  assert.match(await due.innerText(), /in force since .* and not reviewed since/);
  await j.axe(page, 'the Monitoring Officer’s dashboard with a review due');
  await scrollTo(due, 'center');
  await j.shot(page, 'mo-dashboard-review-due');
  await follow(page, `Record the review of ${COUNCIL}’s code`);
  const council = await CodeCouncilPage.verifyOnPage(page);
  await j.axe(page, 'the council’s code page');
  await council.recordReview(
    todayInEngland(),
    'Start a new draft from the code in force',
    'The annual review: tighten the rules on gifts and on members’ conduct online.',
  );
  version = await CodeVersionPage.verifyOnPage(page);
  const draftVersionId = Number(/\/admin\/code\/versions\/(\d+)$/.exec(page.url())?.[1]);
  assert.notEqual(draftVersionId, inForceVersionId);
  assert.equal((await version.status.innerText()).trim(), 'Draft');
  assert.equal((await version.outline()).length, 28, 'a copy of the code in force');

  // Local additions, through the editor.
  const insertLocal = async (after: string, text: string) => {
    await version.act('Insert after', after);
    const item = await CodeItemFormPage.verifyOnPage(page);
    await item.fill({ kind: 'Paragraph', text, local: true });
    await item.save();
    version = await CodeVersionPage.verifyOnPage(page);
  };
  await version.act('Insert after', 'paragraph 2.2');
  const itemForm = await CodeItemFormPage.verifyOnPage(page);
  await j.axe(page, 'the editor’s insert form');
  await itemForm.fill({
    kind: 'Paragraph',
    text: 'Online, you do not post or share anything about another member or an officer that you would not say to them face to face at a meeting.',
    local: true,
  });
  await j.shot(page, 'mo-code-add-local-addition');
  await itemForm.save();
  version = await CodeVersionPage.verifyOnPage(page);
  await insertLocal(
    'paragraph 9.1',
    'Demo City Council has set a lower amount than the model code: you register any gift or hospitality worth £25 or more, within 28 days, and paragraph 9.1 is read with £25 in place of £50.',
  );
  const outline = await version.outline();
  assert.ok(
    outline.includes(
      '2.3 Online, you do not post or share anything about another member or an officer that you would not say to them face to face at a meeting. [Local addition]',
    ),
    outline.join('\n'),
  );
  assert.ok(
    outline.some((line) =>
      /^9\.2 Demo City Council has set a lower amount.*£25.*\[Local addition\]$/.test(line),
    ),
    outline.join('\n'),
  );

  // The version's own setting, which the gifts register and reminders read.
  await clickAndLoad(
    page,
    page.getByRole('link', { name: /^Change the title, summary and settings/ }),
  );
  form = await CodeFormPage.verifyOnPage(page, 'Title, summary and settings');
  await j.axe(page, 'the settings form');
  await form.field('title').fill(REVISED_TITLE);
  await form
    .field('changeSummary')
    .fill('Gifts and hospitality threshold lowered to £25; a new rule on conduct online.');
  await form.field('giftsThreshold').fill('25');
  await form.press('Save the settings');
  version = await CodeVersionPage.verifyOnPage(page);
  const threshold = page
    .locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: /^\s*Gifts and hospitality threshold\s*$/ }) })
    .locator('dd');
  assert.equal((await threshold.innerText()).trim(), '£25');
  await j.axe(page, 'the revised draft');
  await scrollTo(page.locator('#items tbody tr').filter({ hasText: 'Gifts and hospitality' }));
  await j.shot(page, 'mo-code-draft-local-additions');

  const row = await j.server.db
    .selectFrom('code_versions')
    .select(['number', 'status', 'gifts_threshold_pence', 'based_on_version_id'])
    .where('id', '=', draftVersionId)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'draft');
  assert.equal(row.gifts_threshold_pence, 2500);
  assert.equal(row.based_on_version_id, inForceVersionId);
  return { inForceVersionId, draftVersionId, draftVersionNumber: row.number };
}

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

export interface MeetingState extends ReportState {
  meetingId: number;
}

/**
 * Step 3. Democratic Services puts the report on the committee's agenda for today and
 * publishes it; the public read the agenda and the open report without signing in.
 */
export async function publishAgenda(j: Journey, state: ReportState): Promise<MeetingState> {
  const page = await j.as(j.democraticServices);
  const list = await MeetingsPage.open(page);
  await j.axe(page, 'the list of meetings');
  const form = await list.addMeeting();
  await j.axe(page, 'the new meeting form');
  await form.save({
    body: `${COUNCIL}: ${COMMITTEE}`,
    date: todayInEngland(),
    startTime: '6:30pm',
    venue: 'Committee Room 1, Civic Centre',
  });
  const meeting = await MeetingPage.verifyOnPage(page, COMMITTEE);
  const meetingId = Number(/\/admin\/meetings\/(\d+)/.exec(page.url())?.[1]);
  assert.ok(meetingId > 0);
  await meeting.addItem('Apologies for absence');
  await meeting.addItem('Declarations of interest');
  await meeting.addItem('', `${REPORT_TITLE} (draft)`);
  assert.deepEqual(await meeting.agendaTitles(), [
    'Apologies for absence',
    'Declarations of interest',
    REPORT_TITLE,
  ]);
  await j.axe(page, 'the meeting with its agenda');
  await meeting.press('Publish the agenda');
  assert.match(await meeting.successBanner.innerText(), /Agenda published/);
  await j.axe(page, 'the meeting with its agenda published');
  await scrollTo(page.locator('#agenda'));
  await j.shot(page, 'ds-meeting-agenda-published');
  const report = await j.server.db
    .selectFrom('reports')
    .select('status')
    .where('id', '=', state.reportId)
    .executeTakeFirstOrThrow();
  assert.equal(report.status, 'published');

  const pub = await j.publicPage();
  await pub.goto(PublicMeetingsPage.path);
  const meetings = await PublicMeetingsPage.verifyOnPage(pub);
  await j.axe(pub, 'the public list of meetings');
  await clickAndLoad(
    pub,
    meetings.committee(COMMITTEE).locator(`a[href="/meetings/${meetingId}"]`).first(),
  );
  const agenda = await PublicMeetingPage.verifyOnPage(pub, 'Agenda', COMMITTEE);
  await j.axe(pub, 'the public agenda');
  await agenda.openReport(REPORT_TITLE);
  await PublicReportPage.verifyOnPage(pub, REPORT_TITLE);
  const text = await mainText(pub);
  assert.match(text, /Agree the revised members’ code of conduct/);
  assert.match(text, /The revised members’ code of conduct/);
  assert.match(text, /Cleared by/);
  // The programme in full, as the public read it: each of its courses.
  const courses = await j.server.db
    .selectFrom('courses')
    .select('title')
    .where('programme_id', '=', state.programmeId)
    .execute();
  assert.ok(courses.length > 0, 'the programme has courses');
  const appendix = await pub.locator('main .probity-programme-appendix').innerText();
  for (const course of courses) assert.ok(appendix.includes(course.title), appendix);
  await j.axe(pub, 'the public report');
  await j.shot(pub, 'public-report', { fullPage: true });
  return { ...state, meetingId };
}

/**
 * Step 4. Democratic Services records the committee's resolutions (both recommendations
 * agreed), the meeting is held and its minutes published; the Monitoring Officer records full
 * Council's adoption of the code, in force today. The programme is approved by the committee.
 */
export async function decideAndAdopt(j: Journey, state: MeetingState): Promise<MeetingState> {
  const page = await j.as(j.democraticServices);
  await page.goto(`/admin/meetings/${state.meetingId}`);
  let meeting = await MeetingPage.verifyOnPage(page, COMMITTEE);
  await meeting.follow('Record resolutions for item 3');
  await ResolutionsPage.verifyOnPage(page);
  await j.axe(page, 'the resolutions form');
  const minute = `ASC/${todayInEngland().slice(0, 4)}/7`;
  for (const n of [1, 2])
    await page
      .getByRole('group', { name: `Resolution on recommendation ${n}` })
      .getByLabel('Agreed', { exact: true })
      .check();
  await page.getByLabel('Minute reference').fill(minute);
  await j.shot(page, 'ds-meeting-resolutions');
  await press(page, 'Record the resolutions');
  meeting = await MeetingPage.verifyOnPage(page, COMMITTEE);
  assert.match(await meeting.successBanner.innerText(), /Resolutions recorded/);
  assert.match(await mainText(page), /2 of 2 recommendations decided/);
  await j.axe(page, 'the meeting with its resolutions');
  await meeting.press('Mark the meeting as held');
  await meeting.press('Publish the minutes');
  assert.match(await meeting.successBanner.innerText(), /Minutes published/);

  // The committee's decision moved the code on, and approved the programme.
  const version = await j.server.db
    .selectFrom('code_versions')
    .select(['status', 'agreed_minute'])
    .where('id', '=', state.draftVersionId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(version, { status: 'agreed', agreed_minute: minute });

  const mo = await j.as(j.mo);
  await mo.goto(`/admin/programmes/${state.programmeId}`);
  await verifyHeading(mo, /.+/);
  const approval = mo.locator('.govuk-summary-list__row').filter({ hasText: 'Approval' });
  assert.match(
    (await approval.innerText()).replace(/\s+/g, ' '),
    new RegExp(`Approved by ${COMMITTEE} on .*\\(minute ${minute}\\)`),
  );
  await j.axe(mo, 'the approved programme');

  // Full Council adopts the code, in force today.
  await mo.goto(`/admin/code/versions/${state.draftVersionId}`);
  let code = await CodeVersionPage.verifyOnPage(mo);
  assert.equal((await code.status.innerText()).trim(), 'Agreed by committee');
  await code.step('Record adoption by full Council');
  const form = await CodeFormPage.verifyOnPage(mo, 'Record adoption by full Council');
  await form.date('adoptedDate', todayInEngland());
  await form.field('adoptedMinute').fill(`C/${todayInEngland().slice(0, 4)}/63`);
  await form.date('inForceDate', todayInEngland());
  await j.shot(mo, 'mo-code-adoption');
  await form.press('Record the adoption');
  code = await CodeVersionPage.verifyOnPage(mo);
  assert.equal((await code.status.innerText()).trim(), 'In force');
  assert.match(await code.successBanner.innerText(), /is in force from/);
  await j.axe(mo, 'the revised code in force');
  const old = await j.server.db
    .selectFrom('code_versions')
    .select('status')
    .where('id', '=', state.inForceVersionId)
    .executeTakeFirstOrThrow();
  assert.equal(old.status, 'superseded');

  // The public read the decisions in the minutes, and the new code with its local additions.
  const pub = await j.publicPage();
  await pub.goto(PublicMeetingPage.minutesPath(state.meetingId));
  await PublicMeetingPage.verifyOnPage(pub, 'Minutes', COMMITTEE);
  const minutes = await mainText(pub);
  assert.match(minutes, new RegExp(minute));
  assert.match(minutes, /Agreed/);
  await j.axe(pub, 'the public minutes');
  const publicCode = await PublicCodePage.open(
    pub,
    `${PublicCodePage.path(j.slug)}?only=local`,
    `Local additions: ${REVISED_TITLE}`,
  );
  assert.equal(await publicCode.localItems.count(), 4, 'two local additions imported, two added');
  assert.match(await publicCode.localItems.allInnerTexts().then((t) => t.join(' ')), /£25/);
  await j.axe(pub, 'the public code in force');
  return state;
}

/**
 * Step 5. Every member must sign the new code: a member's dashboard says so and the outbox has
 * their reminder; they sign on their phone; their whip sees the group's progress.
 */
export async function signTheCode(j: Journey, state: MeetingState): Promise<void> {
  const group = j.groups[0];
  assert.ok(group);
  const member = group.members[0];
  assert.ok(member);

  const mo = await j.as(j.mo);
  await mo.goto(OutboxPage.path);
  const outbox = await OutboxPage.verifyOnPage(mo);
  assert.ok(
    (await outbox.emailTo(member.email, `Please sign the ${COUNCIL} code of conduct`).count()) >= 1,
    'the member’s reminder is in the outbox',
  );
  await j.axe(mo, 'the outbox');
  const reminders = await j.server.db
    .selectFrom('outbox')
    .select('to_address')
    .where('subject', '=', `Please sign the ${COUNCIL} code of conduct`)
    .where('body_text', 'like', `%/code/${j.slug}/${state.draftVersionNumber}`)
    .execute();
  const addresses = new Set(reminders.map((r) => r.to_address));
  for (const person of [member, group.whip, ...j.groups.map((g) => g.whip)])
    assert.ok(addresses.has(person.email), `a reminder to ${person.email}`);

  const phone = await j.as(member, { phone: true });
  await phone.goto(DashboardPage.path);
  const dashboard = await DashboardPage.verifyOnPage(phone);
  assert.match(
    await dashboard.signOffBanner.innerText(),
    new RegExp(`version ${state.draftVersionNumber}`),
  );
  await j.axe(phone, 'a member’s dashboard with the code to sign');
  await j.shot(phone, 'member-dashboard-sign-the-code');
  await clickAndLoad(
    phone,
    dashboard.signOffBanner.getByRole('link', { name: 'Read and sign the code of conduct' }),
  );
  let mine = await MyCodePage.verifyOnPage(phone);
  assert.match(await mine.status(COUNCIL), /^Not signed/);
  await j.axe(phone, 'the member’s code to sign');
  await mine.sign(COUNCIL, true);
  mine = await MyCodePage.verifyOnPage(phone);
  assert.match(await mine.successBanner.innerText(), /You have signed Demo City Council’s code/);
  await j.axe(phone, 'the member’s code, signed');

  const whip = await j.as(group.whip);
  await whip.goto(DashboardPage.path);
  const whipDashboard = await DashboardPage.verifyOnPage(whip);
  const section = whipDashboard.section('Your political group');
  assert.match(await section.innerText(), /have not signed it/);
  await j.axe(whip, 'the whip’s dashboard');
  await clickAndLoad(whip, section.getByRole('link', { name: /^Code of conduct sign-offs in / }));
  const signOffs = await SignOffsPage.verifyOnPage(whip);
  const options = await signOffs.groupOptions();
  assert.deepEqual(options, [group.name]);
  const rows = await signOffs.rows();
  assert.ok(rows.every((row) => row[2] === group.name));
  const signed = rows.filter((row) => row[3] === 'Signed').map((row) => row[0]);
  assert.deepEqual(signed, [member.name]);
  assert.match(await signOffs.counts.innerText(), new RegExp(`^1 of ${rows.length} signed`));
  await j.axe(whip, 'the whip’s sign-offs');
  await j.shot(whip, 'whip-group-sign-offs');
}
