import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import { buildTestApp, readUntilCached, type TestApp } from '../../testing/app.js';
import { createAuthority } from '../code-of-conduct/testing.js';
import { createCommittee, createMeeting } from './testing.js';

/**
 * A committee's iCalendar feed, checked line by line (CRLF, folding at 75 octets, escaping,
 * times in UTC) and parsed back with node-ical, a different library from the one that wrote it.
 */
let t: TestApp;
let committee = 0;
let group = 0;
let summer = 0;
let cancelled = 0;
let unpublished = 0;
let elsewhere = 0;
const VENUE = 'Room 1, Town Hall; Market Square\\Annexe\nentrance by the side door';
const LONG_VENUE = `Salle des fêtes — ${'Café Élysée, '.repeat(8)}upstairs`;

before(async () => {
  t = await buildTestApp();
  const authorityId = await createAuthority(t.db, 'ics-city', { name: 'Icsley Council' });
  committee = await createCommittee(t.db, authorityId, 'Licensing Committee');
  group = await createCommittee(t.db, authorityId, 'Icsley Independents', 'political-group');
  const other = await createCommittee(t.db, authorityId, 'Planning Committee');
  // 6pm British Summer Time on 1 July 2026 is 17:00 UTC.
  summer = (
    await createMeeting(t.db, {
      organisationId: committee,
      startsAt: new Date('2026-07-01T18:00:00+01:00'),
      endsAt: new Date('2026-07-01T20:30:00+01:00'),
      venue: VENUE,
    })
  ).id;
  cancelled = (
    await createMeeting(t.db, {
      organisationId: committee,
      startsAt: new Date('2026-12-01T10:00:00Z'),
      status: 'cancelled',
      venue: LONG_VENUE,
    })
  ).id;
  unpublished = (
    await createMeeting(t.db, {
      organisationId: committee,
      startsAt: new Date('2027-01-01T10:00:00Z'),
      agendaPublished: false,
    })
  ).id;
  elsewhere = (
    await createMeeting(t.db, { organisationId: other, startsAt: new Date('2026-07-02T10:00Z') })
  ).id;
});
after(() => t.close());

const feed = () => t.app.inject({ url: `/committees/${committee}/meetings.ics` });

test('the feed is iCalendar text with CRLF line ends and lines folded at 75 octets', async () => {
  const response = await feed();
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'text/calendar; charset=utf-8');
  const text = response.body;
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  assert.doesNotMatch(text, /[^\r]\n/, 'no bare line feeds');
  const lines = text.split('\r\n').slice(0, -1);
  for (const line of lines) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `too long: ${line}`);
  }
  assert.ok(
    lines.some((line) => line.startsWith(' ')),
    'the long venue is folded onto continuation lines',
  );
});

test('each meeting is a VEVENT with a stable UID, UTC times, escaped text and a link', async () => {
  const text = (await feed()).body;
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const lines = unfolded.split('\r\n');
  assert.ok(lines.includes(`UID:meeting-${summer}@probity.test`));
  assert.ok(lines.includes('DTSTART:20260701T170000Z'), 'BST 6pm is 17:00 UTC');
  assert.ok(lines.includes('DTEND:20260701T193000Z'));
  assert.ok(lines.includes('SUMMARY:Licensing Committee'));
  assert.ok(
    lines.includes(
      'LOCATION:Room 1\\, Town Hall\\; Market Square\\\\Annexe\\nentrance by the side door',
    ),
    unfolded,
  );
  assert.ok(lines.includes(`URL;VALUE=URI:http://probity.test/meetings/${summer}`));
  assert.ok(lines.some((line) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(line)));
  assert.ok(lines.includes(`UID:meeting-${cancelled}@probity.test`));
  assert.ok(lines.includes('STATUS:CANCELLED'));
  assert.ok(!unfolded.includes(`meeting-${unpublished}@`), 'unpublished agendas are left out');
  assert.ok(!unfolded.includes(`meeting-${elsewhere}@`), 'other committees are left out');
  // The same UID on every fetch, so subscribers update rather than duplicate.
  assert.ok((await feed()).body.includes(`UID:meeting-${summer}@probity.test`));
});

test('another library reads the feed back to the same meetings', async () => {
  const parsed = ical.sync.parseICS((await feed()).body);
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
  assert.equal(events.length, 2);
  const first = events.find((e) => e.uid === `meeting-${summer}@probity.test`);
  assert.ok(first);
  assert.equal(new Date(first.start).toISOString(), '2026-07-01T17:00:00.000Z');
  assert.equal(new Date(first.end as Date).toISOString(), '2026-07-01T19:30:00.000Z');
  assert.equal(String(first.location), VENUE);
  const second = events.find((e) => e.uid === `meeting-${cancelled}@probity.test`);
  assert.equal(second?.status, 'CANCELLED');
  assert.equal(String(second?.location), LONG_VENUE);
});

test('an unknown organisation, or one that does not hold meetings, has no feed', async () => {
  for (const url of [
    '/committees/999999/meetings.ics',
    `/committees/${group}/meetings.ics`,
    '/committees/abc/meetings.ics',
  ]) {
    assert.equal((await t.app.inject({ url })).statusCode, 404, url);
  }
});

test('the feed is kept until the data changes, then made again with the new meeting', async () => {
  const first = await feed();
  assert.equal(first.statusCode, 200);
  const kept = await readUntilCached(feed, 'the committee feed');
  assert.equal(kept.headers['content-type'], first.headers['content-type']);
  assert.equal(kept.headers['content-disposition'], first.headers['content-disposition']);
  assert.equal(kept.headers['cache-control'], 'no-cache');
  const added = await createMeeting(t.db, {
    organisationId: committee,
    startsAt: new Date('2026-09-15T09:30:00Z'),
    venue: 'Committee Room 3, Town Hall',
  });
  const again = await feed();
  assert.notEqual(again.headers['x-probity-cache'], 'hit');
  assert.match(again.body, new RegExp(`meeting-${added.id}@|/meetings/${added.id}`));
});
