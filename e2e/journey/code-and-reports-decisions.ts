// Steps 3 to 5 of the journey: the agenda, the decisions, and members signing the new code.
import assert from 'node:assert/strict';
import { todayInEngland } from '../../src/db/current.js';
import { clickAndLoad, DashboardPage, OutboxPage, verifyHeading } from '../pages/index.js';
import { CodeVersionPage as PublicCodePage } from '../pages/code-version-page.js';
import { CodeFormPage, CodeVersionPage } from '../pages/code-admin-forms.js';
import { MyCodePage, SignOffsPage } from '../pages/code-sign-off-pages.js';
import { MeetingPage, MeetingsPage, ResolutionsPage } from '../pages/meetings-pages.js';
import {
  MeetingPage as PublicMeetingPage,
  MeetingsPage as PublicMeetingsPage,
  PublicReportPage,
} from '../pages/public-meetings-pages.js';
import type { Journey } from './support.js';
import {
  COMMITTEE,
  COUNCIL,
  mainText,
  press,
  REPORT_TITLE,
  REVISED_TITLE,
  scrollTo,
} from './code-and-reports-support.js';
import type { ReportState } from './code-and-reports-report.js';

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
  // The proposed code, not yet public at /code, is read in full inside the report.
  const proposed = await pub.locator('main .probity-code-appendix').innerText();
  assert.match(proposed, /Local addition/);
  assert.match(proposed, /£25/);
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
