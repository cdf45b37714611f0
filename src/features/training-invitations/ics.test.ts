import { test } from 'node:test';
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import { invitationCalendar, personalFeed, sessionUid, type CalendarSession } from './ics.js';
import { sessionWhen } from './when.js';

const session: CalendarSession = {
  sessionId: 7,
  title: 'Code of conduct; part 1, the principles',
  groupName: 'Independent Group',
  startsAt: new Date('2026-10-23T17:00:00Z'),
  endsAt: null,
  durationMinutes: 90,
  venue: `Salle des fêtes — ${'Café Élysée, '.repeat(6)}upstairs`,
  onlineUrl: 'https://meet.example/x',
  status: 'confirmed',
  sequence: 3,
};
const options = {
  baseUrl: 'https://probity.council.example',
  now: new Date('2026-10-01T09:00:00Z'),
  organizer: { name: 'Demo City Council', email: 'probity@council.example' },
  attendee: { name: 'Ann Member', email: 'ann@council.example', response: 'tentative' as const },
};

test('an invitation file is RFC 5545 text: CRLF, folded at 75 octets, escaped', () => {
  const text = invitationCalendar(session, { ...options, method: 'REQUEST' });
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  assert.doesNotMatch(text, /[^\r]\n/);
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  assert.ok(lines.includes('METHOD:REQUEST'));
  assert.ok(lines.includes('SEQUENCE:3'));
  assert.ok(lines.includes('UID:training-session-7@probity.council.example'));
  assert.ok(lines.includes('DTSTART:20261023T170000Z'));
  assert.ok(lines.includes('DTEND:20261023T183000Z'), 'the end from the course duration');
  assert.ok(
    lines.includes('SUMMARY:Code of conduct\\; part 1\\, the principles (Independent Group)'),
  );
  assert.ok(lines.some((l) => l.startsWith('ATTENDEE;') && l.includes('PARTSTAT=TENTATIVE')));
  assert.ok(lines.some((l) => l.startsWith('ORGANIZER;') && l.includes('probity@council.example')));
});

test('a cancellation has METHOD:CANCEL and STATUS:CANCELLED, with the same UID', () => {
  const text = invitationCalendar(session, { ...options, method: 'CANCEL' });
  const [event] = Object.values(ical.sync.parseICS(text)).filter(
    (c): c is VEvent => c?.type === 'VEVENT',
  );
  assert.match(text, /\r\nMETHOD:CANCEL\r\n/);
  assert.equal(event?.status, 'CANCELLED');
  assert.equal(event?.uid, sessionUid(7, options.baseUrl));
  assert.equal(String(event?.location), session.venue);
});

test('a feed has no METHOD and one event per session', () => {
  const text = personalFeed([session, { ...session, sessionId: 8, status: 'cancelled' }], {
    baseUrl: options.baseUrl,
    now: options.now,
    name: 'Training',
  });
  assert.doesNotMatch(text, /METHOD:/);
  const events = Object.values(ical.sync.parseICS(text)).filter(
    (c): c is VEvent => c?.type === 'VEVENT',
  );
  assert.deepEqual(
    events.map((e) => [e.uid, e.status]),
    [
      ['training-session-7@probity.council.example', 'CONFIRMED'],
      ['training-session-8@probity.council.example', 'CANCELLED'],
    ],
  );
});

test('times read in England on each side of the clock change', () => {
  // 25 October 2026: clocks go back. 6pm BST is 17:00 UTC; 6pm GMT is 18:00 UTC.
  assert.equal(
    sessionWhen(new Date('2026-10-23T17:00Z'), new Date('2026-10-23T18:30Z')),
    'Friday 23 October 2026, 6pm to 7:30pm',
  );
  assert.equal(
    sessionWhen(new Date('2026-10-27T18:00Z'), new Date('2026-10-27T19:30Z')),
    'Tuesday 27 October 2026, 6pm to 7:30pm',
  );
  assert.equal(
    sessionWhen(new Date('2027-01-05T12:00Z'), null),
    'Tuesday 5 January 2027, 12 midday',
  );
  assert.equal(
    sessionWhen(new Date('2027-01-05T23:00Z'), new Date('2027-01-06T01:15Z')),
    'Tuesday 5 January 2027, 11pm to Wednesday 6 January 2027, 1:15am',
  );
});
