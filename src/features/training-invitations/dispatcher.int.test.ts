import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { dispatchInvitations } from './index.js';
import {
  changeSession,
  confirmedSession,
  emailsTo,
  groupCourse,
  groupWithMembers,
} from './test-support.js';

/**
 * The dispatcher: one email per invitation, update or cancellation with an .ics file read back
 * by node-ical (a different library from the one that wrote it), times right on both sides of
 * the clock changes, and reminders a week and a day before, once each.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof groupWithMembers>>;
let options: { baseUrl: string; mailFrom: string };
before(async () => {
  t = await buildTestApp();
  world = await groupWithMembers(t.db, 2);
  options = { baseUrl: t.config.baseUrl, mailFrom: 'Training <training@council.test>' };
});
after(() => t.close());

const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');
const londonTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
  }).format(at);

test('an invitation goes once, with an .ics whose times are right across the clock changes', async () => {
  const course = await groupCourse(t.db, world.programmeId, 'Code of conduct, group session');
  // 6pm in England on each side of the change to summer time (28 March 2027) and back
  // (31 October 2027): GMT is UTC, British Summer Time is UTC+1.
  const sessions = [
    { startsAt: new Date('2027-03-26T18:00:00Z'), utc: '20270326T180000Z' },
    { startsAt: new Date('2027-03-30T17:00:00Z'), utc: '20270330T170000Z' },
    { startsAt: new Date('2027-10-29T17:00:00Z'), utc: '20271029T170000Z' },
    { startsAt: new Date('2027-11-02T18:00:00Z'), utc: '20271102T180000Z' },
  ];
  const ids: number[] = [];
  for (const s of sessions)
    ids.push(await confirmedSession(t.db, course, world.groupId, s.startsAt));
  const now = new Date('2027-02-01T09:00:00Z');
  const first = await dispatchInvitations(t.db, now, options);
  assert.equal(first.invitations, 8, 'two members, four sessions');
  const again = await dispatchInvitations(t.db, now, options);
  assert.equal(again.invitations + again.updates + again.cancellations, 0, 'sent once only');

  const member = world.members[0]!;
  const mail = await emailsTo(t.db, member.email);
  assert.equal(mail.length, 4);
  for (const [index, s] of sessions.entries()) {
    const email = mail[index]!;
    assert.match(email.subject, /^Invitation: Code of conduct, group session \(Training Group/);
    assert.match(email.body_text, /, 6pm to 7:30pm\n/, 'the email says 6pm in England');
    assert.match(email.body_text, /This session is required training for you\./);
    assert.match(email.body_text, /http:\/\/probity\.test\/my\/training/);
    assert.equal(email.attachments.length, 1);
    const file = email.attachments[0]!;
    assert.equal(file.fileName, 'invitation.ics');
    assert.equal(file.contentType, 'text/calendar; charset=utf-8; method=REQUEST');
    const lines = unfolded(file.text);
    assert.ok(lines.includes('METHOD:REQUEST'));
    assert.ok(lines.includes(`DTSTART:${s.utc}`), file.text);
    assert.ok(lines.includes('SEQUENCE:0'));
    const [event] = events(file.text);
    assert.ok(event);
    assert.equal(event.uid, `training-session-${ids[index]}@probity.test`);
    assert.equal(new Date(event.start).getTime(), s.startsAt.getTime());
    assert.match(londonTime(new Date(event.start)), /18:00$/, 'read back as 6pm in London');
    assert.match(londonTime(new Date(event.end as Date)), /19:30$/);
    assert.equal(String(event.location), 'Committee Room 2, Town Hall');
    assert.match(JSON.stringify(event.organizer), /training@council\.test/);
    assert.match(JSON.stringify(event.attendee), new RegExp(member.email.replace(/\./g, '\\.')));
  }
});

test('a change sends an update with the same UID and a higher SEQUENCE; a cancellation cancels', async () => {
  const course = await groupCourse(t.db, world.programmeId, 'Local decision making');
  const id = await confirmedSession(t.db, course, world.groupId, new Date('2027-06-10T09:00Z'));
  const now = new Date('2027-04-01T09:00:00Z');
  await dispatchInvitations(t.db, now, options);
  const member = world.members[1]!;
  const count = (await emailsTo(t.db, member.email)).length;

  await changeSession(t.db, id, {
    starts_at: new Date('2027-06-11T13:00Z'),
    ends_at: new Date('2027-06-11T14:30Z'),
    venue: 'Council Chamber',
  });
  const second = await dispatchInvitations(t.db, now, options);
  assert.equal(second.updates, 2);
  assert.equal(second.invitations, 0);
  const update = (await emailsTo(t.db, member.email))[count]!;
  assert.match(update.subject, /^Changed: Local decision making/);
  assert.match(update.body_text, /Friday 11 June 2027, 2pm to 3:30pm/);
  assert.match(update.body_text, /Where: Council Chamber/);
  const [changed] = events(update.attachments[0]!.text);
  assert.equal(changed?.uid, `training-session-${id}@probity.test`);
  assert.equal(Number(changed?.sequence), 1);
  assert.ok(unfolded(update.attachments[0]!.text).includes('METHOD:REQUEST'));
  assert.equal(new Date(changed!.start).toISOString(), '2027-06-11T13:00:00.000Z');

  await changeSession(t.db, id, { status: 'cancelled' });
  const third = await dispatchInvitations(t.db, now, options);
  assert.equal(third.cancellations, 2);
  const cancellation = (await emailsTo(t.db, member.email))[count + 1]!;
  assert.match(cancellation.subject, /^Cancelled: Local decision making/);
  assert.match(cancellation.body_text, /has been cancelled/);
  const file = cancellation.attachments[0]!;
  assert.equal(file.fileName, 'cancellation.ics');
  assert.equal(file.contentType, 'text/calendar; charset=utf-8; method=CANCEL');
  const lines = unfolded(file.text);
  assert.ok(lines.includes('METHOD:CANCEL'));
  assert.ok(lines.includes('STATUS:CANCELLED'));
  const [gone] = events(file.text);
  assert.equal(gone?.uid, `training-session-${id}@probity.test`);
  assert.equal(Number(gone?.sequence), 2);
  assert.equal(gone?.status, 'CANCELLED');
  const fourth = await dispatchInvitations(t.db, now, options);
  assert.equal(fourth.cancellations + fourth.updates, 0);
});

test('a session cancelled before its invitations went sends nothing; a past one is not sent', async () => {
  const course = await groupCourse(t.db, world.programmeId, 'Social media and you');
  const id = await confirmedSession(t.db, course, world.groupId, new Date('2027-07-01T09:00Z'));
  await changeSession(t.db, id, { status: 'cancelled' });
  const past = await confirmedSession(t.db, course, world.groupId, new Date('2027-01-05T09:00Z'));
  const result = await dispatchInvitations(t.db, new Date('2027-05-01T09:00Z'), options);
  assert.deepEqual(result, {
    invitations: 0,
    updates: 0,
    cancellations: 0,
    weekReminders: 0,
    dayReminders: 0,
  });
  const rows = await t.db
    .selectFrom('session_invitations')
    .select(['session_id', 'sent_sequence'])
    .where('session_id', 'in', [id, past])
    .execute();
  assert.ok(rows.filter((r) => r.session_id === id).every((r) => r.sent_sequence === 1));
  assert.ok(rows.filter((r) => r.session_id === past).every((r) => r.sent_sequence === null));
});

test('reminders go a week and a day before, once each, and not to those who said no', async () => {
  const course = await groupCourse(t.db, world.programmeId, 'Planning probity', false);
  const startsAt = new Date('2027-09-20T09:00Z');
  const id = await confirmedSession(t.db, course, world.groupId, startsAt);
  const [yes, no] = world.members;
  await dispatchInvitations(t.db, new Date('2027-08-01T09:00Z'), options);
  await t.db
    .updateTable('session_invitations')
    .set({ response: 'not-attending', response_reason: 'Away', responded_at: new Date() })
    .where('session_id', '=', id)
    .where('person_id', '=', no!.personId)
    .execute();
  const reminders = async (to: string) =>
    (await emailsTo(t.db, to)).filter((m) => m.subject.startsWith('Reminder: Planning probity'));

  const early = await dispatchInvitations(t.db, new Date('2027-09-12T09:00Z'), options);
  assert.equal(early.weekReminders, 0, 'eight days before is too early');
  const week = await dispatchInvitations(t.db, new Date('2027-09-13T10:00Z'), options);
  assert.equal(week.weekReminders, 1);
  assert.equal(
    (await dispatchInvitations(t.db, new Date('2027-09-14T10:00Z'), options)).weekReminders,
    0,
  );
  const day = await dispatchInvitations(t.db, new Date('2027-09-19T10:00Z'), options);
  assert.equal(day.dayReminders, 1);
  assert.equal(day.weekReminders, 0);
  assert.equal(
    (await dispatchInvitations(t.db, new Date('2027-09-20T08:00Z'), options)).dayReminders,
    0,
  );

  const mine = await reminders(yes!.email);
  assert.equal(mine.length, 2);
  assert.match(mine[0]!.subject, /^Reminder: Planning probity \(Training Group .*\), next week$/);
  assert.match(mine[1]!.subject, /^Reminder: Planning probity \(Training Group .*\), tomorrow$/);
  assert.match(mine[1]!.body_text, /Monday 20 September 2027, 10am to 11:30am/);
  assert.doesNotMatch(mine[1]!.body_text, /required training/);
  assert.deepEqual(await reminders(no!.email), []);
});

test('two dispatchers running at once send each invitation once', async () => {
  const crowd = await groupWithMembers(t.db, 12);
  const course = await groupCourse(t.db, crowd.programmeId, 'Running at once');
  await confirmedSession(t.db, course, crowd.groupId, new Date('2027-12-01T10:00Z'));
  const now = new Date('2027-10-01T09:00Z');
  const [a, b] = await Promise.all([
    dispatchInvitations(t.db, now, options),
    dispatchInvitations(t.db, now, options),
  ]);
  assert.equal(a.invitations + b.invitations, 12);
  for (const member of crowd.members) {
    const mail = await emailsTo(t.db, member.email);
    assert.equal(mail.length, 1, member.email);
  }
});
