import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createSession, SESSION_COOKIE } from '../platform/session.js';
import { buildTestApp, type TestApp } from '../testing/app.js';
import {
  findPeopleTargets,
  renewBenchInvitation,
  type PeopleTargets,
} from '../bench/pages-people.js';
import { previewImport, todayInEngland } from '../features/member-import/service.js';
import { LARGE_ACCOUNTS, LARGE_SLUG, generateLargeDataset } from './large.js';
import { largeCodeText } from './large-code.js';

/** A small large council: the shape does not depend on the size. */
const OPTIONS = { parishes: 8, members: 400, officers: 40, years: 2 };

let t: TestApp;
let targets: PeopleTargets;
let mo: { id: number; cookie: string };

before(async () => {
  t = await buildTestApp();
  await generateLargeDataset(t.db, OPTIONS);
  targets = await findPeopleTargets(t.db);
  const person = await t.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', LARGE_ACCOUNTS.monitoringOfficer)
    .executeTakeFirstOrThrow();
  const token = await createSession(t.db, person.id, { idleMinutes: 60, absoluteHours: 2 });
  mo = { id: person.id, cookie: `${SESSION_COOKIE}=${token}` };
});
after(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

test('the invitation link opens the set-password page for a councillor without a password', async () => {
  const { rows } = await sql<{ name: string; credentials: number }>`
    select p.given_name || ' ' || p.family_name as name,
           (select count(*)::int from credentials c where c.person_id = p.id) as credentials
      from invitations i join people p on p.id = i.person_id
     where i.used_at is null`.execute(t.db);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.credentials, 0);
  const page = await get(`/set-password/${targets.invitationToken}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(rows[0]!.name.replace(/'/g, '&#39;')));
});

test('an expired invitation link is given another week before the benchmark runs', async () => {
  await sql`update invitations set expires_at = now() - interval '1 day'
             where used_at is null`.execute(t.db);
  assert.equal((await get(`/set-password/${targets.invitationToken}`)).statusCode, 404);
  await renewBenchInvitation(t.db);
  assert.equal((await get(`/set-password/${targets.invitationToken}`)).statusCode, 200);
});

test('the members file awaiting confirmation plans two changes and no errors', async () => {
  const preview = await previewImport(t.db, targets.memberImportId, {
    actorPersonId: mo.id,
    requestId: 'test',
    today: todayInEngland(),
  });
  assert.ok(preview);
  assert.deepEqual(preview.plan.errors, []);
  assert.equal(preview.plan.counts.created, 0);
  assert.equal(preview.plan.counts.updated, 2);
  assert.ok(preview.plan.counts.unchanged > 10);
});

test('the outbox holds a few training invitations, each with its calendar file', async () => {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from outbox o join outbox_attachments a on a.outbox_id = o.id
     where a.file_name = 'invitation.ics'`.execute(t.db);
  assert.ok((rows[0]?.n ?? 0) >= 1 && (rows[0]?.n ?? 0) <= 5);
  const file = await get(
    `/admin/outbox/${targets.outboxId}/attachments/${targets.attachmentId}`,
    mo.cookie,
  );
  assert.equal(file.statusCode, 200);
  assert.match(file.body, /BEGIN:VCALENDAR/);
});

test('a parish consults on its version 2; others have a draft, an agreed version and an import', async () => {
  const { rows } = await sql<{ status: string; number: number }>`
    select v.status, v.number from code_versions v join authorities a on a.id = v.authority_id
     where a.slug = ${LARGE_SLUG} order by v.number`.execute(t.db);
  assert.deepEqual(
    rows.map((r) => [r.number, r.status]),
    [
      [1, 'superseded'],
      [2, 'in-force'],
    ],
  );
  const { rows: comments } = await sql<{ n: number }>`
    select count(*)::int as n from code_consultation_comments
     where version_id = ${targets.consultationId}`.execute(t.db);
  assert.equal(comments[0]?.n, 4);
  const version = await get(`/admin/code/versions/${targets.consultationId}`, mo.cookie);
  assert.equal(version.statusCode, 200);
  assert.match(version.body, /Independent Person/);
  // The draft keeps every paragraph of the code in force (one reworded) and adds one.
  const compare = await get(
    `/admin/code/versions/${targets.consultationId}/compare?with=${targets.basedOnId}`,
    mo.cookie,
  );
  assert.equal(compare.statusCode, 200);
  const { rows: lineages } = await sql<{ shared: number; total: number }>`
    select count(*) filter (where exists (select 1 from code_items o
             where o.version_id = ${targets.basedOnId} and o.lineage = i.lineage))::int as shared,
           count(*)::int as total
      from code_items i where i.version_id = ${targets.consultationId}`.execute(t.db);
  assert.equal(lineages[0]?.total, lineages[0]!.shared + 1);
  assert.equal(lineages[0]?.shared, largeCodeText('x').second.length);

  const statuses = await t.db
    .selectFrom('code_versions')
    .select(['id', 'status'])
    .where('id', 'in', [targets.parishDraftId, targets.parishAgreedId])
    .orderBy('id')
    .execute();
  assert.deepEqual(
    statuses.map((s) => s.status),
    ['draft', 'agreed'],
  );
  const imported = await t.db
    .selectFrom('code_imports')
    .select('parsed')
    .where('id', '=', targets.codeImportId)
    .executeTakeFirstOrThrow();
  const parsed = imported.parsed as { items: unknown[]; problems: unknown[] };
  assert.ok(parsed.items.length > 50, `${parsed.items.length} items imported`);
  const preview = await get(`/admin/code/imports/${targets.codeImportId}`, mo.cookie);
  assert.equal(preview.statusCode, 200);
});

test('each step of the code’s lifecycle the benchmark loads is open to its version', async () => {
  const version = `/admin/code/versions/${targets.consultationId}`;
  for (const url of [
    `/admin/code/versions/${targets.parishDraftId}/consultation`,
    `${version}/comments`,
    `${version}/agree`,
    `/admin/code/versions/${targets.parishAgreedId}/adopt`,
    `${version}/withdraw`,
  ]) {
    const page = await get(url, mo.cookie);
    assert.equal(page.statusCode, 200, url);
    assert.doesNotMatch(page.body, /You cannot do this now/, url);
  }
});
