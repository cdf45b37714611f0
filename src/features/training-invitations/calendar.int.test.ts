import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import {
  buildTestApp,
  getForm,
  mergeCookies,
  postForm,
  readUntilCached,
  type TestApp,
} from '../../testing/app.js';
import { hashToken } from './feeds.js';
import { changeSession, confirmedSession, groupCourse, groupWithMembers } from './test-support.js';

/** A person's calendar feed: made, shown once, served, revoked; only a hash of its token kept. */
let t: TestApp;
let world: Awaited<ReturnType<typeof groupWithMembers>>;
let winter = 0;
let summer = 0;
let cancelled = 0;
let planned = 0;
before(async () => {
  t = await buildTestApp();
  world = await groupWithMembers(t.db, 2);
  const course = await groupCourse(t.db, world.programmeId, 'Code of conduct; refresher, part 2');
  // 6pm in England: before the clock change (GMT) and after it (British Summer Time).
  winter = await confirmedSession(t.db, course, world.groupId, new Date('2027-03-26T18:00Z'));
  summer = await confirmedSession(t.db, course, world.groupId, new Date('2027-03-30T17:00Z'));
  await changeSession(t.db, summer, { venue: 'Council Chamber' });
  cancelled = await confirmedSession(t.db, course, world.groupId, new Date('2027-04-30T17:00Z'));
  await changeSession(t.db, cancelled, { status: 'cancelled' });
  planned = await confirmedSession(t.db, course, world.groupId, new Date('2027-05-30T17:00Z'), {
    status: 'planned',
    confirmed_at: null,
  });
});
after(() => t.close());

/** Make an address through the page and read it from the page after the redirect. */
async function makeAddress(cookie: string) {
  const form = await getForm(t.app, '/my/training/calendar', cookie);
  const made = await postForm(t.app, '/my/training/calendar/create', {}, form);
  assert.equal(made.statusCode, 303);
  assert.equal(made.headers.location, '/my/training/calendar');
  const jar = mergeCookies(form.cookie, made);
  const page = await t.app.inject({ url: '/my/training/calendar', headers: { cookie: jar } });
  assert.equal(page.statusCode, 200);
  const match = /value="http:\/\/probity\.test(\/calendar\/([A-Za-z0-9_-]+)\.ics)"/.exec(page.body);
  assert.ok(match, 'the new address is shown');
  const again = await t.app.inject({
    url: '/my/training/calendar',
    headers: { cookie: mergeCookies(jar, page) },
  });
  assert.doesNotMatch(again.body, /\/calendar\/[A-Za-z0-9_-]+\.ics/, 'shown only once');
  assert.match(again.body, /You made your calendar address on/);
  return { path: match[1]!, token: match[2]!, cookie: mergeCookies(jar, page) };
}

test('the address is made and shown once; only a hash of its token is stored', async () => {
  const me = world.members[0]!;
  const first = await t.app.inject({
    url: '/my/training/calendar',
    headers: { cookie: me.cookie },
  });
  assert.match(first.body, /You have no calendar address yet/);
  const { token } = await makeAddress(me.cookie);
  const row = await t.db
    .selectFrom('calendar_feeds')
    .select('token_hash')
    .where('person_id', '=', me.personId)
    .executeTakeFirstOrThrow();
  assert.equal(row.token_hash, hashToken(token));
  assert.notEqual(row.token_hash, token);
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'changes'])
    .where('entity', '=', 'calendar_feed')
    .where('entity_id', '=', String(me.personId))
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['create'],
  );
  assert.doesNotMatch(JSON.stringify(audit), new RegExp(token));
});

test('the feed holds my sessions with stable UIDs, SEQUENCE, UTC times and cancellations', async () => {
  const me = world.members[0]!;
  const { path } = await makeAddress(me.cookie);
  const response = await t.app.inject({ url: path });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'text/calendar; charset=utf-8');
  const text = response.body;
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  assert.doesNotMatch(text, /METHOD:/, 'a subscribed feed has no METHOD');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  assert.ok(lines.includes('DTSTART:20270326T180000Z'));
  assert.ok(lines.includes('DTSTART:20270330T170000Z'));
  assert.ok(lines.some((l) => l.startsWith('SUMMARY:Code of conduct\\; refresher')));
  const events = Object.values(ical.sync.parseICS(text)).filter(
    (c): c is VEvent => c?.type === 'VEVENT',
  );
  assert.equal(events.length, 3, 'the planned session is not in it');
  const byUid = (id: number) => events.find((e) => e.uid === `training-session-${id}@probity.test`);
  const london = (at: Date) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at);
  assert.equal(london(new Date(byUid(winter)!.start)), '18:00');
  assert.equal(london(new Date(byUid(summer)!.start)), '18:00');
  assert.equal(Number(byUid(winter)!.sequence), 0);
  assert.equal(Number(byUid(summer)!.sequence), 1);
  assert.equal(String(byUid(summer)!.location), 'Council Chamber');
  assert.equal(byUid(cancelled)!.status, 'CANCELLED');
  assert.equal(byUid(planned), undefined);
  // Another member's feed is their own.
  const other = await makeAddress(world.members[1]!.cookie);
  assert.notEqual(other.path, path);
});

test('a new address replaces the old one; a revoked or unknown address is not found', async () => {
  const me = world.members[1]!;
  const old = await makeAddress(me.cookie);
  assert.equal((await t.app.inject({ url: old.path })).statusCode, 200);
  const fresh = await makeAddress(me.cookie);
  assert.equal((await t.app.inject({ url: old.path })).statusCode, 404);
  assert.equal((await t.app.inject({ url: fresh.path })).statusCode, 200);

  const form = await getForm(t.app, '/my/training/calendar', fresh.cookie);
  const revoked = await postForm(t.app, '/my/training/calendar/revoke', {}, form);
  assert.equal(revoked.statusCode, 303);
  assert.equal((await t.app.inject({ url: fresh.path })).statusCode, 404);
  const page = await t.app.inject({
    url: '/my/training/calendar',
    headers: { cookie: mergeCookies(form.cookie, revoked) },
  });
  assert.match(page.body, /Calendar address turned off/);
  assert.match(page.body, /You have no calendar address yet/);
  for (const url of ['/calendar/nope.ics', `/calendar/${'x'.repeat(43)}.ics`, '/calendar/.ics']) {
    assert.equal((await t.app.inject({ url })).statusCode, 404, url);
  }
  const actions = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity', '=', 'calendar_feed')
    .where('entity_id', '=', String(me.personId))
    .orderBy('id')
    .execute();
  // The first address was made in the test before.
  assert.deepEqual(
    actions.map((a) => a.action),
    ['create', 'replace', 'replace', 'revoke'],
  );
  // Making or turning off an address needs signing in.
  assert.equal((await t.app.inject({ url: '/my/training/calendar' })).statusCode, 303);
});

test('a feed and the calendar page are kept until the data changes; a revoked feed is gone at once', async () => {
  const me = world.members[0]!;
  const { path, cookie } = await makeAddress(me.cookie);
  const first = await t.app.inject({ url: path });
  assert.equal(first.statusCode, 200);
  const kept = await readUntilCached(() => t.app.inject({ url: path }), path);
  assert.equal(kept.body, first.body);
  assert.equal(kept.headers['content-type'], 'text/calendar; charset=utf-8');
  assert.equal(kept.headers['cache-control'], 'no-cache, private');
  assert.match(String(kept.headers['content-disposition']), /training\.ics/);
  const page = await readUntilCached(
    () => t.app.inject({ url: '/my/training/calendar', headers: { cookie } }),
    'the calendar page',
  );
  assert.match(page.body, /You made your calendar address on/);
  assert.doesNotMatch(page.body, /\/calendar\/[A-Za-z0-9_-]+\.ics/, 'no address kept');

  const form = await getForm(t.app, '/my/training/calendar', cookie);
  const revoked = await postForm(t.app, '/my/training/calendar/revoke', {}, form);
  assert.equal(revoked.statusCode, 303);
  assert.equal((await t.app.inject({ url: path })).statusCode, 404);
});
