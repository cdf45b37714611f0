import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { todayInEngland } from '../../db/current.js';
import { getForm, postForm } from '../../testing/app.js';
import { isOneInForceViolation } from './adoption-service.js';
import {
  codeAdminTestApp,
  dateFields,
  errorSummary,
  type CodeAdminTest,
} from './int-test-support.js';

let s: CodeAdminTest;
before(async () => {
  s = await codeAdminTestApp();
});
after(() => s.t.close());

const today = todayInEngland();
const yesterday = (() => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
})();

const statuses = async (authorityId: number) =>
  s.t.db
    .selectFrom('code_versions')
    .select(['id', 'status'])
    .where('authority_id', '=', authorityId)
    .orderBy('id')
    .execute();

/** Send the adoption form of a version (the token comes from its page). */
async function adopt(versionId: number, inForceFrom: string) {
  const url = `/admin/code/versions/${versionId}/adopt`;
  const form = await getForm(s.t.app, url, s.admin.cookie);
  return () =>
    postForm(
      s.t.app,
      url,
      {
        ...dateFields('adoptedDate', yesterday),
        adoptedMinute: `C/${versionId}`,
        ...dateFields('inForceDate', inForceFrom),
      },
      form,
    );
}

test('two adoptions sent at the same moment leave exactly one version in force', async () => {
  for (const [round, dates] of [
    [1, [today, today]],
    [2, [today, today]],
    [3, [today, yesterday]],
    [4, [yesterday, today]],
  ] as const) {
    const authority = await s.t.db
      .insertInto('authorities')
      .values({
        slug: `race-${round}-${s.tag}`,
        name: `Race ${round}`,
        // a parish of the administrator's council (another principal council's versions are 404)
        kind: 'parish',
        parent_id: s.principal.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const old = await s.makeVersion(authority.id, 'in-force');
    const a = await s.makeVersion(authority.id, 'agreed');
    const b = await s.makeVersion(authority.id, 'agreed');
    const sends = [await adopt(a.id, dates[0]), await adopt(b.id, dates[1])];
    const responses = await Promise.all(sends.map((send) => send()));
    for (const response of responses) {
      assert.ok([303, 400].includes(response.statusCode), `round ${round}: ${response.statusCode}`);
      if (response.statusCode === 400)
        assert.match(errorSummary(response.body)[0] ?? '', /cannot come into force before/);
    }
    const rows = await statuses(authority.id);
    const inForce = rows.filter((r) => r.status === 'in-force');
    assert.equal(inForce.length, 1, `round ${round}: ${JSON.stringify(rows)}`);
    assert.equal(rows.find((r) => r.id === old.id)?.status, 'superseded');
    const others = rows.filter((r) => r.id !== old.id && r.id !== inForce[0]?.id);
    assert.equal(others.length, 1);
    const other = others[0]!;
    const refused = responses.some((r) => r.statusCode === 400);
    assert.equal(other.status, refused ? 'agreed' : 'superseded', `round ${round}`);
  }
});

test('if the one-in-force index ever refuses an adoption, the person gets a refusal, not an error', async () => {
  const a = await s.makeVersion(s.principal.id, 'agreed');
  const rogue = await s.makeVersion(s.principal.id, 'draft');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let updated!: () => void;
  const didUpdate = new Promise<void>((resolve) => (updated = resolve));
  // A change that does not take the authority's lock, as a bug or a hand-written fix might:
  // it puts another version in force and holds its transaction open.
  const other = s.t.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('code_versions')
      .set({ status: 'in-force', adopted_on: '2024-01-01', in_force_from: '2024-01-02' })
      .where('id', '=', rogue.id)
      .execute();
    updated();
    await held;
  });
  await didUpdate;
  const send = await adopt(a.id, today);
  const adoption = send();
  // Wait until the adoption is blocked on the index entry of the uncommitted version.
  const started = Date.now();
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock'`.execute(s.t.db);
    if ((rows[0]?.n ?? 0) > 0) break;
    assert.ok(Date.now() - started < 10_000, 'the adoption never waited for the other version');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  release();
  await other;
  const response = await adoption;
  assert.equal(response.statusCode, 400);
  assert.deepEqual(errorSummary(response.body), [
    'Another version of this code came into force at the same moment, so this adoption was not recorded. Look at the versions and try again',
  ]);
  assert.equal((await s.version(a.id)).status, 'agreed', 'the adoption was rolled back');
  assert.equal((await s.version(rogue.id)).status, 'in-force');
});

test('only the one-in-force index counts as that refusal', () => {
  assert.equal(
    isOneInForceViolation({ code: '23505', constraint: 'code_versions_one_in_force' }),
    true,
  );
  assert.equal(
    isOneInForceViolation({ code: '23505', constraint: 'code_items_anchor_key' }),
    false,
  );
  assert.equal(isOneInForceViolation(new Error('boom')), false);
  assert.equal(isOneInForceViolation(null), false);
});
