import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import { currentOn, todayInEngland } from '../../db/current.js';
import { createSession, SESSION_COOKIE } from '../../platform/session.js';
import { listSigners } from '../code-of-conduct/index.js';
import { codeInForce, dataChanged, personByEmail } from './test-support.js';
import { CSV_HEADINGS } from './export.js';

let t: TestApp;
let city: { id: number; number: number };
let cityId: number;
let mo: { cookie: string; personId: number };
let whipCookie: string;
let whipGroup: { id: number; name: string };
let otherGroup: { id: number; name: string };
const today = todayInEngland();

before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
  city = await codeInForce(t.db, 'demo-city', { inForceFrom: '2026-06-01' });
  cityId = (
    await t.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', 'demo-city')
      .executeTakeFirstOrThrow()
  ).id;
  mo = await t.signInAs(['monitoring-officer']);
  const whip = await personByEmail(t.db, 'whip@demo-city.example');
  const token = await createSession(t.db, whip, { idleMinutes: 30, absoluteHours: 1 });
  whipCookie = `${SESSION_COOKIE}=${token}`;
  const groups = await t.db
    .selectFrom('organisations as o')
    .leftJoin('memberships as m', (join) =>
      join
        .onRef('m.organisation_id', '=', 'o.id')
        .on('m.person_id', '=', whip)
        .on('m.role', '=', 'whip'),
    )
    .select(['o.id', 'o.name', 'm.id as whipMembership'])
    .where('o.authority_id', '=', cityId)
    .where('o.classification', '=', 'political-group')
    .orderBy('o.id')
    .execute();
  whipGroup = groups.find((g) => g.whipMembership !== null)!;
  otherGroup = groups.find((g) => g.whipMembership === null)!;
  assert.ok(whipGroup && otherGroup);
});
after(() => t.close());

const page = (url: string, cookie = mo.cookie) => t.app.inject({ url, headers: { cookie } });

/** The rows of the page's table, as the text of their cells. */
function tableRows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      cell[1]!
        .replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

async function groupMembers(groupId: number): Promise<Set<number>> {
  const rows = await t.db
    .selectFrom('memberships as m')
    .select('m.person_id')
    .where('m.organisation_id', '=', groupId)
    .where(currentOn('m', today))
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

test('administrators see who must sign the code in force, outstanding first, with counts', async () => {
  const signers = await listSigners(t.db, cityId, today, false);
  const [online, paper] = signers.slice(-2);
  assert.ok(online && paper);
  await t.db
    .insertInto('code_sign_offs')
    .values([
      {
        version_id: city.id,
        person_id: online.personId,
        signed_on: '2026-06-03',
        method: 'online',
        recorded_by: online.personId,
      },
      {
        version_id: city.id,
        person_id: paper.personId,
        signed_on: '2026-06-10',
        method: 'paper',
        recorded_by: mo.personId,
      },
    ])
    .execute();
  await dataChanged(t.db);

  const list = await page('/sign-offs');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<span class="govuk-caption-l">Demo City Council<\/span>/);
  assert.match(list.body, new RegExp(`2 of ${signers.length} signed`));
  assert.match(list.body, new RegExp(`${signers.length - 2} still to sign`));
  assert.match(list.body, /<option value="demo-city" selected>Demo City Council<\/option>/);
  assert.match(list.body, /<option value="">All groups<\/option>/);
  const rows = tableRows(list.body);
  assert.equal(rows.length, signers.length);
  assert.ok(rows.slice(0, -2).every((r) => r[3] === 'Not signed'));
  const byName = new Map(rows.map((r) => [r[0], r]));
  assert.deepEqual(byName.get(`${paper.givenName} ${paper.familyName}`)?.slice(3, 6), [
    'Signed',
    '10 June 2026',
    'On paper',
  ]);
  assert.deepEqual(byName.get(`${online.givenName} ${online.familyName}`)?.slice(3, 6), [
    'Signed',
    '3 June 2026',
    'Online',
  ]);
  const coOpted = signers.find((s) => s.kind === 'co-opted-member');
  assert.ok(coOpted, 'the voting co-opted member must sign');
  const coOptedRow = byName.get(`${coOpted.givenName} ${coOpted.familyName}`);
  assert.equal(coOptedRow?.[1], 'Audit and Standards Committee');
  assert.equal(coOptedRow?.[2], 'None');
  const councillorRow = rows.find((r) => r[0] !== coOptedRow?.[0]);
  assert.ok(councillorRow?.[1] && councillorRow[1] !== 'Not recorded', 'a ward for councillors');
  assert.match(
    list.body,
    new RegExp(
      `href="/sign-offs/paper\\?version=${city.id}&amp;person=\\d+">Record paper sign-off`,
    ),
  );
  assert.match(list.body, new RegExp(`href="/sign-offs/export.csv\\?authority=demo-city"`));

  const grouped = await page(`/sign-offs?authority=demo-city&group=${otherGroup.id}`);
  const members = await groupMembers(otherGroup.id);
  const expected = signers.filter((s) => members.has(s.personId)).length;
  assert.match(grouped.body, new RegExp(`of ${expected} signed`));
  assert.ok(tableRows(grouped.body).every((r) => r[2] === otherGroup.name));

  for (const url of [
    '/sign-offs?group=999999',
    '/sign-offs?authority=no-such-council',
    '/sign-offs?page=abc',
    '/sign-offs?page=2',
  ]) {
    assert.equal((await page(url)).statusCode, 404, url);
  }
  const hollinbrookGroup = await page(`/sign-offs?authority=hollinbrook&group=${otherGroup.id}`);
  assert.equal(hollinbrookGroup.statusCode, 404, 'a group of another council');
  const elderby = await page('/sign-offs?authority=elderby-on-wend');
  assert.equal(elderby.statusCode, 200);
  assert.match(elderby.body, /Elderby-on-Wend Parish Council has no code of conduct in force/);

  const councillor = await t.signInAs(['member']);
  assert.equal((await page('/sign-offs', councillor.cookie)).statusCode, 403);
  assert.equal((await page('/sign-offs/export.csv', councillor.cookie)).statusCode, 403);
});

test('a whip sees only the groups they whip; any other group is not found', async () => {
  const list = await page('/sign-offs', whipCookie);
  assert.equal(list.statusCode, 200);
  const members = await groupMembers(whipGroup.id);
  const signers = (await listSigners(t.db, cityId, today, false)).filter((s) =>
    members.has(s.personId),
  );
  assert.match(list.body, new RegExp(`of ${signers.length} signed`));
  const rows = tableRows(list.body);
  assert.equal(rows.length, signers.length);
  assert.ok(rows.every((r) => r[2] === whipGroup.name));
  assert.doesNotMatch(list.body, /All groups|Record paper sign-off/);
  assert.match(list.body, new RegExp(`<option value="${whipGroup.id}"[^>]*>`));
  assert.doesNotMatch(list.body, new RegExp(`<option value="${otherGroup.id}"`));

  assert.equal((await page(`/sign-offs?group=${whipGroup.id}`, whipCookie)).statusCode, 200);
  for (const url of [
    `/sign-offs?group=${otherGroup.id}`,
    `/sign-offs/export.csv?group=${otherGroup.id}`,
    '/sign-offs?authority=hollinbrook',
  ]) {
    assert.equal((await page(url, whipCookie)).statusCode, 404, url);
  }
  const csv = await page('/sign-offs/export.csv', whipCookie);
  assert.equal(csv.statusCode, 200);
  const lines = csv.body.trim().split('\r\n');
  assert.equal(lines.length, signers.length + 1);
  assert.ok(lines.slice(1).every((line) => line.includes(`,${whipGroup.name},`)));
});

test('the CSV has the same filters, a heading row, outstanding first, and guards formulas', async () => {
  const signers = await listSigners(t.db, cityId, today, false);
  const target = signers[0]!;
  await t.db
    .updateTable('people')
    .set({ family_name: '=HYPERLINK("http://bad.example")' })
    .where('id', '=', target.personId)
    .execute();
  const csv = await page('/sign-offs/export.csv?authority=demo-city');
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(
    String(csv.headers['content-disposition']),
    new RegExp(`^attachment; filename="code-sign-offs-demo-city-v${city.number}-${today}\\.csv"$`),
  );
  assert.ok(csv.body.startsWith('\ufeff'), 'a byte order mark for Excel');
  const lines = csv.body.slice(1).trim().split('\r\n');
  assert.equal(lines[0], CSV_HEADINGS.join(','));
  assert.equal(lines.length, signers.length + 1);
  const statuses = lines.slice(1).map((line) => (line.includes(',Not signed,') ? 0 : 1));
  assert.deepEqual(statuses, [...statuses].sort(), 'outstanding first');
  assert.ok(lines.some((l) => l.endsWith(',Signed,2026-06-10,paper')));
  assert.ok(lines.some((l) => l.includes(`"'=HYPERLINK(""http://bad.example"")"`)));
  assert.ok(lines.slice(1).every((l) => l.startsWith(`Demo City Council,${city.number},`)));

  const grouped = await page(`/sign-offs/export.csv?group=${otherGroup.id}`);
  const groupLines = grouped.body.trim().split('\r\n').slice(1);
  assert.ok(groupLines.length > 0);
  assert.ok(groupLines.every((l) => l.includes(`,${otherGroup.name},`)));
  assert.equal((await page('/sign-offs/export.csv?authority=elderby-on-wend')).statusCode, 404);
});

test('more than a hundred to sign: pages of a hundred with links between them', async () => {
  const council = await t.db
    .selectFrom('organisations')
    .select('id')
    .where('authority_id', '=', cityId)
    .where('classification', '=', 'council')
    .executeTakeFirstOrThrow();
  const extra = await t.db
    .insertInto('people')
    .values(
      Array.from({ length: 40 }, (_, i) => ({
        authority_id: cityId,
        given_name: 'Extra',
        family_name: `Councillor ${String(i).padStart(2, '0')}`,
        email: null,
        kind: 'member' as const,
      })),
    )
    .returning('id')
    .execute();
  await t.db
    .insertInto('memberships')
    .values(
      extra.map((p) => ({
        person_id: p.id,
        organisation_id: council.id,
        start_date: '2026-05-07',
      })),
    )
    .execute();
  await dataChanged(t.db);
  const total = (await listSigners(t.db, cityId, today, false)).length;
  assert.ok(total > 100);
  const first = await page('/sign-offs');
  assert.equal(tableRows(first.body).length, 100);
  assert.match(first.body, new RegExp(`Page 1 of ${Math.ceil(total / 100)}`));
  assert.match(first.body, /class="govuk-pagination"/);
  assert.match(first.body, /href="\/sign-offs\?authority=demo-city&amp;page=2"/);
  const second = await page('/sign-offs?authority=demo-city&page=2');
  assert.equal(second.statusCode, 200);
  assert.equal(tableRows(second.body).length, total - 100);
  assert.match(second.body, new RegExp(`2 of ${total} signed`), 'counts are for the whole list');
  const csv = await page('/sign-offs/export.csv');
  assert.equal(csv.body.trim().split('\r\n').length, total + 1, 'the CSV is not paged');
});
