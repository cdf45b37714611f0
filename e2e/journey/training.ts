// The journey's training steps: the Monitoring Officer drafts the year's development programme
// (used by step 2's report), then step 6 agrees each group's session with its whip, step 7
// runs one session on the day (attendance, live scenarios) and step 8 evaluates it and shows
// who has done the training the council's rule requires.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { GroupWithWhip, Journey, Person } from './support.js';
import { clickAndLoad } from '../pages/index.js';
import { EvaluationQuestionsPage } from '../pages/evaluations-pages.js';
import {
  addDays,
  confirmDate,
  dayParts,
  dayText,
  fillDay,
  scrollToTop,
  soonSlot,
  todayInLondon,
} from '../pages/journey-training-pages.js';
import { OutboxMessagePage } from '../pages/outbox-page.js';
import { MyTrainingPage } from '../pages/training-invitations-pages.js';
import {
  ProgrammeFormPage,
  ProgrammeRecordPage,
  ProgrammesPage,
} from '../pages/programme-admin-pages.js';
import {
  GroupTrainingPage,
  SessionDatesPage,
  WhipSessionPage,
} from '../pages/training-scheduling-pages.js';
import { dispatchInvitations } from '../../src/features/training-invitations/index.js';

export { runSessionOnTheDay, type SessionRun } from './training-day.js';
export { evaluateAndCheckCompliance } from './training-compliance.js';

export const GROUP_COURSE = 'Our code of conduct, talked through in your group';
export const ALL_MEMBERS_COURSE = 'Deciding well: probity for every councillor';

/** What the draft programme is made of, for the report (step 2) and steps 6 to 8. */
export interface DraftProgramme {
  programmeId: number;
  programmeTitle: string;
  groupCourseId: number;
  allMembersCourseId: number;
  allMembersSessionId: number;
  /** one session of the group course per political group, in the order of `j.groups` */
  groupSessions: { group: GroupWithWhip; sessionId: number }[];
}

/** After step 6: every group's session confirmed, one of them today. */
export interface AgreedProgramme extends DraftProgramme {
  /** the group whose whip asked for a session today, and that session */
  today: { group: GroupWithWhip; sessionId: number; startsAt: Date; endsAt: Date };
  /** a committee member of another group who said they cannot come to their session */
  declined: Person;
}

const idFrom = (page: Page, pattern: RegExp): number => {
  const match = pattern.exec(new URL(page.url()).pathname);
  assert.ok(match, `${page.url()} should match ${pattern}`);
  return Number(match[1]);
};

const mainText = async (page: Page) => page.locator('main').innerText();

/** The dashboard of someone, as they would see it on signing in. */
async function dashboardText(j: Journey, person: Person, phone = false): Promise<string> {
  const page = await j.as(person, { phone });
  await page.goto('/dashboard');
  return mainText(page);
}

/**
 * The Monitoring Officer drafts the year's Member Development Programme in the browser: a
 * mandatory code of conduct course for the political groups, with a session for each group
 * (dates still to be agreed with the whips) asking the standard evaluation questions, and a
 * briefing for all members on a set evening. The programme stays a draft: a committee approves
 * it (step 4), or, in the training harness, the officer records an approval.
 */
export async function draftProgramme(j: Journey): Promise<DraftProgramme> {
  const page = await j.as(j.mo);
  const today = todayInLondon();
  const year = Number(today.slice(0, 4));
  const programmeTitle = `Member Development Programme ${year}/${String(year + 1).slice(2)}`;

  const list = await ProgrammesPage.open(page);
  await j.axe(page, 'the programmes, none yet');
  await list.press('Add a programme');
  const form = await ProgrammeFormPage.verifyOnPage(page, 'New programme');
  await j.axe(page, 'the new-programme form');
  await page.getByLabel('Title').fill(programmeTitle);
  await form.fillDate('Start of the programme', today);
  await form.fillDate('End of the programme', addDays(addDays(today, 365), -1));
  await form.press('Save the programme');
  const programme = await ProgrammeRecordPage.verifyOnPage(page, programmeTitle);
  assert.match(await programme.successBanner.innerText(), /Programme added/);
  assert.match(await mainText(page), /Not yet approved/);
  const programmeId = idFrom(page, /^\/admin\/programmes\/(\d+)$/);

  // The course every group has, in the group's own room.
  await programme.follow('Add a course');
  const courseForm = await ProgrammeFormPage.verifyOnPage(page, 'New course');
  await j.axe(page, 'the new-course form');
  await page.getByLabel('Title').fill(GROUP_COURSE);
  await page
    .getByLabel('Purposes (optional)')
    .fill(
      'Know what the code asks of you, and what changed this year\n' +
        'Work through real dilemmas with colleagues you trust\n' +
        'Know who to ask before you act',
    );
  await page.getByLabel('Workshop').check();
  await page.getByLabel('Duration in minutes').fill('90');
  await page.getByLabel('Provider (optional)').fill('In-house: the Monitoring Officer');
  await page.getByLabel(/The members of one political group/).check();
  await page.getByLabel('Yes, it is required of its audience').check();
  await page.getByLabel('Topic key (optional)').fill('code-of-conduct');
  await courseForm.press('Save the course');
  const course = await ProgrammeRecordPage.verifyOnPage(page, GROUP_COURSE);
  assert.match(await course.successBanner.innerText(), /Course added/);
  await j.axe(page, 'the group course');
  const groupCourseId = idFrom(page, /^\/admin\/courses\/(\d+)$/);

  const groupSessions: DraftProgramme['groupSessions'] = [];
  for (const group of j.groups) {
    await course.follow('Add a session for a political group');
    const sessionForm = await ProgrammeFormPage.verifyOnPage(page, 'New session');
    if (groupSessions.length === 0) await j.axe(page, 'the new-session form for a group');
    await page.getByLabel('Political group').selectOption({ label: group.name });
    await page.getByLabel('Venue (optional)').fill('Group room, Civic Centre');
    await sessionForm.press('Save the session');
    await ProgrammeRecordPage.verifyOnPage(page, `${GROUP_COURSE}: ${group.name}`);
    assert.match(await mainText(page), /Date to be agreed|Not agreed/);
    if (groupSessions.length === 0) await j.axe(page, 'a group’s session, date to be agreed');
    groupSessions.push({ group, sessionId: idFrom(page, /^\/admin\/sessions\/(\d+)$/) });
    await page.goto(`/admin/courses/${groupCourseId}`);
  }

  // After each session, attendees are asked the standard evaluation questions.
  await course.follow('Evaluation questions asked after its sessions');
  const questions = await EvaluationQuestionsPage.verifyOnPage(page);
  await j.axe(page, 'the group course’s evaluation questions, none yet');
  await questions.useStandardQuestions();
  await EvaluationQuestionsPage.verifyOnPage(page);
  assert.equal((await questions.questions()).length, 5);

  // A briefing for every councillor, on an evening six weeks ahead.
  await page.goto(`/admin/programmes/${programmeId}`);
  await programme.follow('Add a course');
  await ProgrammeFormPage.verifyOnPage(page, 'New course');
  await page.getByLabel('Title').fill(ALL_MEMBERS_COURSE);
  await page
    .getByLabel('Purposes (optional)')
    .fill('Understand predetermination and bias\nKnow when to declare an interest');
  await page.getByLabel('Briefing').check();
  await page.getByLabel('Duration in minutes').fill('60');
  await page.getByLabel('Provider (optional)').fill('The Senior Solicitor');
  await page.getByLabel('All members of the council').check();
  await page.getByLabel('No, it is offered').check();
  await page.getByLabel('Topic key (optional)').fill('probity');
  await courseForm.press('Save the course');
  await ProgrammeRecordPage.verifyOnPage(page, ALL_MEMBERS_COURSE);
  const allMembersCourseId = idFrom(page, /^\/admin\/courses\/(\d+)$/);
  await course.follow('Add a session');
  const briefingForm = await ProgrammeFormPage.verifyOnPage(page, 'New session');
  await j.axe(page, 'the new-session form for all members');
  await briefingForm.fillDate(/Date of the session/, addDays(todayInLondon(), 42));
  await page.getByLabel(/Start time/).fill('18:00');
  await page.getByLabel('Venue (optional)').fill('Council Chamber, Civic Centre');
  await page.getByLabel('Capacity (optional)').fill('90');
  await briefingForm.press('Save the session');
  await ProgrammeRecordPage.verifyOnPage(page, ALL_MEMBERS_COURSE);
  const allMembersSessionId = idFrom(page, /^\/admin\/sessions\/(\d+)$/);
  assert.match(await mainText(page), /6:00pm to 7:00pm/);

  await page.goto(`/admin/programmes/${programmeId}`);
  await ProgrammeRecordPage.verifyOnPage(page, programmeTitle);
  const text = await mainText(page);
  assert.match(text, /Draft/);
  for (const group of j.groups) assert.ok(text.includes(`${group.name}: `), group.name);
  await j.axe(page, 'the draft programme');
  await j.shot(page, 'mo-programme-draft', { fullPage: true });
  return {
    programmeId,
    programmeTitle,
    groupCourseId,
    allMembersCourseId,
    allMembersSessionId,
    groupSessions,
  };
}

/**
 * For the training harness only, standing in for the committee's decision (steps 2 to 4): the
 * Monitoring Officer records the programme's approval with a reference.
 */
export async function recordApproval(j: Journey, programme: DraftProgramme): Promise<void> {
  const page = await j.as(j.mo);
  await page.goto(`/admin/programmes/${programme.programmeId}`);
  const record = await ProgrammeRecordPage.verifyOnPage(page, programme.programmeTitle);
  await record.press('Record the approval');
  const form = await ProgrammeFormPage.verifyOnPage(page, 'Record the approval');
  await form.fillDate('Date of the approval', todayInLondon());
  await page.getByLabel('Reference').fill('Audit and Standards Committee, minute 14');
  await form.press('Record the approval');
  await ProgrammeRecordPage.verifyOnPage(page, programme.programmeTitle);
}

/**
 * Who sits on the Audit and Standards Committee. The day's session is for a group with a
 * member on it (so step 8's rule, training before sitting on that committee, has someone who
 * has done it), and a committee member of another group who can sign in will say they cannot
 * come (so the rule has someone overdue).
 */
async function committeeRoles(
  j: Journey,
  programme: DraftProgramme,
): Promise<{ todayIndex: number; decliner: Person }> {
  const rows = await j.server.db
    .selectFrom('memberships as c')
    .innerJoin('memberships as g', 'g.person_id', 'c.person_id')
    .select(['g.organisation_id', 'c.person_id'])
    .where('c.organisation_id', '=', j.standardsCommitteeId)
    .where('c.end_date', 'is', null)
    .where('g.end_date', 'is', null)
    .execute();
  const onCommittee = (id: number) => rows.some((r) => r.person_id === id);
  for (const [todayIndex, { group }] of programme.groupSessions.entries()) {
    if (!rows.some((r) => r.organisation_id === group.organisationId)) continue;
    const decliner = programme.groupSessions
      .filter((s) => s.group !== group)
      .flatMap((s) => [...s.group.members, s.group.whip])
      .find((p) => onCommittee(p.id));
    if (decliner) return { todayIndex, decliner };
  }
  throw new Error('No group has a committee member while another has one who can sign in');
}

/** Evening slots for the groups: a fortnight ahead and on, one group a day, 6pm to 7:30pm. */
const eveningFor = (index: number) => addDays(todayInLondon(), 14 + index);

/**
 * Step 6. The programme is approved, and the Monitoring Officer starts it and proposes an
 * evening for each group's session. Every whip but one accepts; one group's whip asks for
 * today instead, and the officer confirms that. The day's session is a one-minute session
 * starting within the next minute or two: group dates are in the future when proposed and
 * cannot be moved once confirmed, and evaluations open only when a session has ended, so this
 * is the shortest wait before step 8's evaluations (step 8 waits for its end). Everyone invited gets an invitation
 * with a calendar file.
 */
export async function agreeSessionDates(
  j: Journey,
  programme: DraftProgramme,
): Promise<AgreedProgramme> {
  const mo = await j.as(j.mo);
  await mo.goto(`/admin/programmes/${programme.programmeId}`);
  const record = await ProgrammeRecordPage.verifyOnPage(mo, programme.programmeTitle);
  assert.match(await mainText(mo), /Approved/);
  await j.axe(mo, 'the approved programme');
  await record.press('Start the programme');
  await ProgrammeRecordPage.verifyOnPage(mo, programme.programmeTitle);
  assert.match(await mainText(mo), /Running/);

  for (const [index, { sessionId }] of programme.groupSessions.entries()) {
    const dates = await SessionDatesPage.open(mo, sessionId);
    if (index === 0) await j.axe(mo, 'a group session’s dates, none proposed');
    await dates.propose(dayParts(eveningFor(index)), '18:00', '19:30');
    await SessionDatesPage.verifyOnPage(mo);
    assert.match(await dates.successBanner.innerText(), /Date proposed/);
    if (index === 0) {
      await j.axe(mo, 'a group session’s dates, waiting for the whip');
    }
  }

  const { todayIndex, decliner } = await committeeRoles(j, programme);
  const todayGroup = programme.groupSessions[todayIndex]!;
  // The whips see the date waiting on their dashboard and answer it.
  for (const [index, { group, sessionId }] of programme.groupSessions.entries()) {
    if (index === todayIndex) continue;
    assert.match(
      await dashboardText(j, group.whip),
      /1 proposed training date waits for your answer/,
    );
    const whip = await j.as(group.whip);
    const list = await GroupTrainingPage.open(whip);
    if (index === (todayIndex === 0 ? 1 : 0)) await j.axe(whip, 'a whip’s group training');
    await clickAndLoad(whip, list.answerLink(GROUP_COURSE));
    const session = await WhipSessionPage.verifyOnPage(whip, GROUP_COURSE);
    assert.equal(new URL(whip.url()).pathname, `/group-training/sessions/${sessionId}`);
    if (index === (todayIndex === 0 ? 1 : 0)) {
      await j.axe(whip, 'the whip’s session page');
      await scrollToTop(whip, 'table');
      await j.shot(whip, 'whip-session-dates');
    }
    await session.acceptFirst('That evening suits the group; we will book our usual room.');
    await WhipSessionPage.verifyOnPage(whip, GROUP_COURSE);
    assert.match(await session.successBanner.innerText(), /Date accepted/);
  }

  // The first group's whip asks for today instead: the group meets this evening anyway.
  const whip = await j.as(todayGroup.group.whip);
  const whipList = await GroupTrainingPage.open(whip);
  await clickAndLoad(whip, whipList.answerLink(GROUP_COURSE));
  const whipSession = await WhipSessionPage.verifyOnPage(whip, GROUP_COURSE);
  const slot = soonSlot(0.5, 1);
  await fillDay(whip, 'date', dayParts(slot.date));
  await whip.locator('#startTime').fill(slot.start);
  await whip.locator('#endTime').fill(slot.end);
  await whip
    .locator('#note')
    .fill('The group meets today: a short session straight after our group meeting, please.');
  await scrollToTop(whip, 'h2:has-text("Propose another date")');
  await j.shot(whip, 'whip-session-propose-another-date');
  await clickAndLoad(whip, whip.getByRole('button', { name: 'Propose this date' }));
  await WhipSessionPage.verifyOnPage(whip, GROUP_COURSE);
  assert.match(await whipSession.successBanner.innerText(), /Date proposed/);
  await j.axe(whip, 'the whip’s session page after proposing another date');

  // The officer confirms the whip's date first (it is soon), then the others.
  await SessionDatesPage.open(mo, todayGroup.sessionId);
  assert.match(await mainText(mo), /Agreed by the whip/);
  await j.axe(mo, 'the dates page with the whip’s own date');
  await scrollToTop(mo, 'table');
  await j.shot(mo, 'mo-session-confirm');
  await confirmDate(mo, new RegExp(`\\b${dayText(slot.date)}`));
  const confirmedPage = await SessionDatesPage.verifyOnPage(mo);
  assert.match(await confirmedPage.successBanner.innerText(), /Session confirmed/);
  assert.match(await confirmedPage.status().innerText(), /Confirmed/);
  // The minute's scheduler sends the invitations (tests call it themselves).
  await dispatchInvitations(j.server.db, new Date(), { baseUrl: j.server.baseURL });

  for (const [index, { sessionId }] of programme.groupSessions.entries()) {
    if (index === todayIndex) continue;
    await SessionDatesPage.open(mo, sessionId);
    await confirmDate(mo, new RegExp(`\\b${dayText(eveningFor(index))}`));
    const dates = await SessionDatesPage.verifyOnPage(mo);
    assert.match(await dates.successBanner.innerText(), /Session confirmed/);
  }
  await dispatchInvitations(j.server.db, new Date(), { baseUrl: j.server.baseURL });

  await checkInvitationsSent(j, programme, todayGroup.sessionId);
  await replyNotAttending(j, decliner);
  return {
    ...programme,
    today: { ...todayGroup, startsAt: slot.startsAt, endsAt: slot.endsAt },
    declined: decliner,
  };
}

/**
 * Everyone invited to another group's session has an invitation in the outbox with a calendar
 * file (the day's session, starting within the minute, may have begun before the scheduler's
 * round, which sends only sessions still to come); the officer reads one and the replies page; a member of
 * another group sees the invitation waiting on their dashboard.
 */
async function checkInvitationsSent(
  j: Journey,
  programme: DraftProgramme,
  todaySessionId: number,
): Promise<void> {
  const db = j.server.db;
  const other = programme.groupSessions.find((s) => s.sessionId !== todaySessionId)!;
  const invited = await db
    .selectFrom('session_invitations as i')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .select('p.email')
    .where('i.session_id', '=', other.sessionId)
    .where('p.email', 'is not', null)
    .execute();
  assert.ok(invited.length > 3, 'the group is invited');
  for (const { email } of invited) {
    const sent = await db
      .selectFrom('outbox as o')
      .innerJoin('outbox_attachments as a', 'a.outbox_id', 'o.id')
      .select(['o.id', 'a.file_name', 'a.content_type'])
      .where('o.to_address', '=', email!)
      .where('o.subject', 'like', `Invitation: ${GROUP_COURSE}%`)
      .execute();
    assert.equal(sent.length, 1, `one invitation to ${email}`);
    assert.match(sent[0]!.file_name, /\.ics$/);
    assert.match(sent[0]!.content_type, /^text\/calendar/);
  }

  const member = other.group.members[0]!;
  const email = await db
    .selectFrom('outbox')
    .select(['id', 'subject'])
    .where('to_address', '=', member.email)
    .where('subject', 'like', 'Invitation: %')
    .executeTakeFirstOrThrow();
  const mo = await j.as(j.mo);
  await mo.goto(`/admin/outbox/${email.id}`);
  const message = await OutboxMessagePage.verifyOnPage(mo, email.subject);
  assert.match(await message.bodyText(), new RegExp(GROUP_COURSE));
  await j.axe(mo, 'an invitation in the outbox');
  await j.shot(mo, 'mo-outbox-invitation');
  await mo.goto(`/admin/sessions/${other.sessionId}/invitations`);
  assert.ok((await mainText(mo)).includes(member.name));
  await j.axe(mo, 'a group session’s invitations');

  assert.match(await dashboardText(j, member, true), /1 training invitation waits for your reply/);
}

/** A councillor replies on their phone that they cannot come to their group's session. */
async function replyNotAttending(j: Journey, person: Person): Promise<void> {
  const page = await j.as(person, { phone: true });
  const mine = await MyTrainingPage.open(page);
  const title = new RegExp(`^${GROUP_COURSE}`);
  assert.match(await mine.replyText(title), /No reply yet/);
  await j.axe(page, 'my training on a phone');
  await scrollToTop(page, 'h2[id^="session-"]');
  await j.shot(page, 'member-training-invitation-phone');
  await mine.reply(title, 'Not attending', 'I am away with work that week.');
  const after = await MyTrainingPage.verifyOnPage(page);
  assert.match(await after.successBanner.innerText(), /Reply sent/);
  assert.match(await after.replyText(title), /Not attending/);
}
