import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import { todayInEngland } from '../../db/current.js';
import { listSigners } from '../code-of-conduct/index.js';
import { countSignOffsByAuthority, inForceSignersSql } from './summary-repository.js';
import { codeInForce } from './test-support.js';

let t: TestApp;
const today = todayInEngland();
before(async () => {
  t = await buildTestApp();
  await loadDemoCouncil(t.db);
  await codeInForce(t.db, 'demo-city');
  await codeInForce(t.db, 'hollinbrook');
  // Elderby's code asks co-opted members without a vote to sign as well: give it one of each.
  const elderby = await t.db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'elderby-on-wend')
    .executeTakeFirstOrThrow();
  const committee = await t.db
    .insertInto('organisations')
    .values({
      authority_id: elderby.id,
      name: 'Elderby Playing Fields Committee',
      classification: 'committee',
      parent_id: null,
      committee_type: 'other',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const coOpted = await t.db
    .selectFrom('people')
    .select('id')
    .where('kind', '=', 'co-opted-member')
    .execute();
  await t.db
    .insertInto('memberships')
    .values(
      coOpted.map((p, i) => ({
        person_id: p.id,
        organisation_id: committee.id,
        voting: i === 0,
        start_date: '2025-01-01',
      })),
    )
    .execute();
  await codeInForce(t.db, 'elderby-on-wend', { nonVotingCoOptedSign: true });
});
after(() => t.close());

test('the dashboards count the same signers as the core rule, council by council', async () => {
  const versions = await t.db
    .selectFrom('code_versions')
    .select(['id', 'authority_id', 'non_voting_co_opted_sign'])
    .where('status', '=', 'in-force')
    .execute();
  assert.ok(versions.length >= 3);
  const { rows } = await sql<{ version_id: number; person_id: number }>`
    ${inForceSignersSql(today, null)}`.execute(t.db);
  for (const v of versions) {
    const core = (await listSigners(t.db, v.authority_id, today, v.non_voting_co_opted_sign))
      .map((s) => s.personId)
      .sort((a, b) => a - b);
    const ours = rows
      .filter((r) => r.version_id === v.id)
      .map((r) => r.person_id)
      .sort((a, b) => a - b);
    assert.ok(core.length > 0);
    assert.deepEqual(ours, core, `version ${v.id}`);
  }
  const elderby = versions.find((v) => v.non_voting_co_opted_sign);
  assert.ok(elderby);
  const elderbyCoOpted = await listSigners(t.db, elderby.authority_id, today, true);
  assert.equal(elderbyCoOpted.filter((s) => s.kind === 'co-opted-member').length, 2);

  const counts = await countSignOffsByAuthority(t.db, today);
  assert.equal(counts[0]?.authoritySlug, 'demo-city', 'the principal council first');
  assert.equal(counts.length, versions.length, 'one row per code in force');
  for (const c of counts) {
    const authority = await t.db
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', c.authoritySlug)
      .executeTakeFirstOrThrow();
    const v = versions.find((x) => x.authority_id === authority.id)!;
    const signers = await listSigners(t.db, authority.id, today, v.non_voting_co_opted_sign);
    assert.equal(c.mustSign, signers.length, c.authoritySlug);
    const signed = await t.db
      .selectFrom('code_sign_offs')
      .select('person_id')
      .where('version_id', '=', v.id)
      .execute();
    const ids = new Set(signers.map((x) => x.personId));
    assert.equal(c.signed, signed.filter((x) => ids.has(x.person_id)).length, c.authoritySlug);
  }
});
