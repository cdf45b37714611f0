import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import { currentOn, todayInEngland } from '../../db/current.js';
import { createSession, SESSION_COOKIE } from '../../platform/session.js';
import { listSigners } from '../code-of-conduct/index.js';
import { codeInForce, dataChanged, personByEmail } from '../code-sign-off/test-support.js';

let t: TestApp;
let city: { id: number; number: number };
const today = todayInEngland();

before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
  city = await codeInForce(t.db, 'demo-city', { inForceFrom: '2026-07-01' });
});
after(() => t.close());

async function dashboardOf(personId: number): Promise<string> {
  const token = await createSession(t.db, personId, { idleMinutes: 30, absoluteHours: 1 });
  const page = await t.app.inject({
    url: '/dashboard',
    headers: { cookie: `${SESSION_COOKIE}=${token}` },
  });
  assert.equal(page.statusCode, 200);
  return page.body;
}

const headings = (html: string) =>
  [...html.matchAll(/<h2 class="govuk-heading-m" id="section-[^"]+">([^<]+)<\/h2>/g)].map(
    (m) => m[1],
  );

/** The text of one section of the dashboard, tags removed. */
function section(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="section-${id}"`);
  assert.ok(start >= 0, `no section ${id}`);
  return html
    .slice(start, html.indexOf('</section>', start))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

test('a councillor sees the code to sign first, and after signing which version and when', async () => {
  const councillor = await personByEmail(t.db, 'councillor@demo-city.example');
  const before = await dashboardOf(councillor);
  const banner = before.indexOf('govuk-notification-banner');
  assert.ok(banner > 0, 'a banner');
  assert.ok(banner < before.indexOf('aria-labelledby="section-'), 'above every section');
  assert.match(
    before,
    /<h3 class="govuk-notification-banner__heading">Sign the code of conduct<\/h3>/,
  );
  assert.match(
    before,
    new RegExp(
      `You have not signed Demo City Council’s code of conduct \\(version ${city.number}\\), in force since 1 July 2026`,
    ),
  );
  assert.match(before, /<a class="govuk-notification-banner__link" href="\/my\/code">/);
  assert.deepEqual(headings(before), ['Your code of conduct and training']);
  assert.match(
    section(before, 'member'),
    new RegExp(
      `You have not signed Demo City Council’s code of conduct \\(version ${city.number}\\) yet`,
    ),
  );
  assert.doesNotMatch(before, /Nothing to do yet/);

  await t.db
    .insertInto('code_sign_offs')
    .values({
      version_id: city.id,
      person_id: councillor,
      signed_on: '2026-07-04',
      method: 'online',
      recorded_by: councillor,
    })
    .execute();
  const after = await dashboardOf(councillor);
  assert.doesNotMatch(after, /govuk-notification-banner/);
  assert.match(
    section(after, 'member'),
    new RegExp(
      `You signed Demo City Council’s code of conduct \\(version ${city.number}\\) on 4 July 2026\\.`,
    ),
  );
  assert.match(section(after, 'member'), /training invitations? waits? for your reply\./);
  assert.match(after, /href="\/my\/training"/);
});

test('a voting co-opted member without the councillor role still sees the code to sign', async () => {
  const coOpted = await t.db
    .selectFrom('people')
    .select('id')
    .where('kind', '=', 'co-opted-member')
    .where('co_opted_voting', '=', true)
    .executeTakeFirstOrThrow();
  await t.db.deleteFrom('person_roles').where('person_id', '=', coOpted.id).execute();
  const page = await dashboardOf(coOpted.id);
  assert.match(page, /Sign the code of conduct/);
  assert.deepEqual(headings(page), ['Your code of conduct and training']);

  const officer = await personByEmail(t.db, 'officer@demo-city.example');
  const theirs = await dashboardOf(officer);
  assert.doesNotMatch(theirs, /Sign the code of conduct|Your code of conduct and training/);
});

test('a whip sees how many in their group have still to sign, with a link to the list', async () => {
  const whip = await personByEmail(t.db, 'whip@demo-city.example');
  const group = await t.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'o.authority_id'])
    .where('m.person_id', '=', whip)
    .where('m.role', '=', 'whip')
    .executeTakeFirstOrThrow();
  const members = await t.db
    .selectFrom('memberships as m')
    .select('m.person_id')
    .where('m.organisation_id', '=', group.id)
    .where(currentOn('m', today))
    .execute();
  const ids = new Set(members.map((m) => m.person_id));
  const mustSign = (await listSigners(t.db, group.authority_id, today, false)).filter((s) =>
    ids.has(s.personId),
  );
  const signer = mustSign.find((s) => s.personId !== whip)!;
  await t.db
    .insertInto('code_sign_offs')
    .values({
      version_id: city.id,
      person_id: signer.personId,
      signed_on: '2026-07-02',
      method: 'paper',
      recorded_by: whip,
    })
    .execute();
  await dataChanged(t.db);
  const signedIds = new Set(
    (
      await t.db
        .selectFrom('code_sign_offs')
        .select('person_id')
        .where('version_id', '=', city.id)
        .execute()
    ).map((s) => s.person_id),
  );
  const left = mustSign.filter((s) => !signedIds.has(s.personId)).length;
  assert.ok(left < mustSign.length);
  const page = await dashboardOf(whip);
  assert.deepEqual(headings(page), [
    'Your political group',
    'Your group’s training',
    'Your code of conduct and training',
  ]);
  const text = section(page, 'group');
  assert.match(
    text,
    new RegExp(
      `${left} of the ${mustSign.length} members of ${group.name} who must sign the code of conduct in force have not signed it`,
    ),
  );
  assert.match(page, new RegExp(`href="/sign-offs\\?group=${group.id}"`));
  assert.match(page, /Sign the code of conduct/, 'the whip has their own to sign');
});

test('administrators see each council’s sign-offs with links, and codes due for review', async () => {
  const mo = await t.signInAs(['monitoring-officer']);
  const page = await t.app.inject({ url: '/dashboard', headers: { cookie: mo.cookie } });
  const text = section(page.body, 'administration');
  const cityId = (
    await t.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow()
  ).id;
  const signers = await listSigners(t.db, cityId, today, false);
  const signed = await t.db
    .selectFrom('code_sign_offs')
    .select('person_id')
    .where('version_id', '=', city.id)
    .execute();
  assert.match(
    text,
    new RegExp(
      `Demo City Council Version ${city.number}, since 1 July 2026 ${signed.length} of ${signers.length} ${signers.length - signed.length} not signed at Demo City Council`,
    ),
  );
  assert.match(page.body, /href="\/sign-offs\?authority=demo-city"/);
  assert.match(page.body, /href="\/admin\/code">Code of conduct: drafts, adoption and reviews/);
  assert.match(page.body, /href="\/sign-offs">Code of conduct sign-offs/);
  assert.doesNotMatch(page.body, /Overdue code of conduct sign-offs/);

  const elderby = await codeInForce(t.db, 'elderby-on-wend', { inForceFrom: '2025-10-01' });
  const due = await t.app.inject({ url: '/dashboard', headers: { cookie: mo.cookie } });
  assert.match(
    due.body,
    new RegExp(
      `Elderby-on-Wend Parish Council’s code of conduct \\(version ${elderby.number}\\) is due for its annual review: it was in force since 1 October 2025 and not reviewed since`,
    ),
  );
  assert.match(due.body, /href="\/admin\/code\/elderby-on-wend">Record the review/);
  const authority = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'elderby-on-wend')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('code_reviews')
    .values({
      authority_id: authority.id,
      version_id: elderby.id,
      reviewed_on: '2026-10-20',
      outcome: 'no-change',
    })
    .execute();
  const reviewed = await t.app.inject({ url: '/dashboard', headers: { cookie: mo.cookie } });
  assert.doesNotMatch(
    reviewed.body,
    /Elderby-on-Wend Parish Council’s code of conduct[^<]*annual review/,
  );

  const councillor = await t.signInAs(['member']);
  const theirs = await t.app.inject({ url: '/dashboard', headers: { cookie: councillor.cookie } });
  assert.doesNotMatch(theirs.body, /annual review|not signed at/);
});
