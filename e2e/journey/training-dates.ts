// Step 6 of the journey: each group's session date agreed with its whip, one of them today;
// invitations with calendar files go out, and a committee member says they cannot come.
import assert from 'node:assert/strict';
import type { Journey, Person } from './support.js';
import {
  dashboardText,
  ALL_MEMBERS_COURSE,
  GROUP_COURSE,
  mainText,
  type AgreedProgramme,
  type DraftProgramme,
} from './training-state.js';
import { clickAndLoad } from '../pages/index.js';
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
import { SessionPage } from '../pages/session-confirm-pages.js';
import { ProgrammeRecordPage } from '../pages/programme-admin-pages.js';
import { MyTrainingPage } from '../pages/training-invitations-pages.js';
import {
  GroupTrainingPage,
  SessionDatesPage,
  WhipSessionPage,
} from '../pages/training-scheduling-pages.js';
import { dispatchInvitations } from '../../src/features/training-invitations/index.js';

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
  // The all-members briefing is for no one group: the officer confirms it on its own page.
  const briefing = await SessionPage.open(mo, programme.allMembersSessionId, ALL_MEMBERS_COURSE);
  const confirming = await briefing.startConfirming();
  await j.axe(mo, 'confirming the all-members briefing');
  await confirming.confirm();
  const briefingConfirmed = await SessionPage.verifyOnPage(mo, ALL_MEMBERS_COURSE);
  const banner = await briefingConfirmed.successBanner.innerText();
  const invitedToBriefing = Number(/(\d+) people will be invited/.exec(banner)?.[1]);
  assert.ok(invitedToBriefing >= 84, `every councillor is invited to the briefing: ${banner}`);
  await dispatchInvitations(j.server.db, new Date(), { baseUrl: j.server.baseURL });
  const [emailed, invitees] = await Promise.all([
    j.server.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('subject', 'like', `Invitation: ${ALL_MEMBERS_COURSE}%`)
      .executeTakeFirstOrThrow(),
    j.server.db
      .selectFrom('session_invitations as i')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('i.session_id', '=', programme.allMembersSessionId)
      .where('p.email', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  assert.equal(Number(invitees.n), invitedToBriefing, 'the banner counted everyone invited');
  assert.equal(Number(emailed.n), invitedToBriefing, 'one invitation each in the outbox');

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
  // The calendar file the member got, listed with the message and downloadable as sent.
  const calendarFile = mo.locator('main a[download]', { hasText: /\.ics$/ });
  assert.equal(await calendarFile.count(), 1, 'the invitation lists its calendar file');
  const download = await mo.request.get((await calendarFile.getAttribute('href'))!);
  assert.equal(download.status(), 200);
  assert.match(await download.text(), /BEGIN:VCALENDAR[\s\S]*METHOD:REQUEST[\s\S]*BEGIN:VEVENT/);
  await j.axe(mo, 'an invitation in the outbox');
  await j.shot(mo, 'mo-outbox-invitation');
  await mo.goto(`/admin/sessions/${other.sessionId}/invitations`);
  assert.ok((await mainText(mo)).includes(member.name));
  await j.axe(mo, 'a group session’s invitations');

  // Their group's session and the all-members briefing.
  assert.match(await dashboardText(j, member, true), /2 training invitations wait for your reply/);
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
