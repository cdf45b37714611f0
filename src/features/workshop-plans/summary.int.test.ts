import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkshopPlan } from '../learning/testing.js';
import { createCourse, createProgramme } from '../member-development/testing.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { createAuthority, createCodeVersion } from '../code-of-conduct/testing.js';
import { planOfCourse, plansNeedingAttention } from './index.js';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

test('a dashboard hears of plans whose agenda differs from their length or whose code changed', async () => {
  const authorityId = await createAuthority(t.db, 'summary');
  const first = await createCodeVersion(t.db, { authorityId, status: 'in-force' });
  await createWorkshopPlan(t.db, authorityId, {
    values: { title: 'Adds up' },
    anchors: ['para-1-1'],
  });
  const short = await createWorkshopPlan(t.db, authorityId, {
    values: { title: 'Falls short', duration_minutes: 150 },
  });
  await createWorkshopPlan(t.db, authorityId, {
    values: { title: 'Linked to 2.2' },
    anchors: ['para-2-2'],
  });
  assert.deepEqual(await plansNeedingAttention(t.db, authorityId), {
    agendaDiffers: [{ title: 'Falls short', href: `/admin/workshops/${short}` }],
    codeChanged: [],
  });
  // A new code in force without the local paragraph 2.2.
  await t.db
    .updateTable('code_versions')
    .set({ status: 'superseded', superseded_on: '2026-05-01' })
    .where('id', '=', first.id)
    .execute();
  await createCodeVersion(t.db, { authorityId, status: 'in-force', inForceFrom: '2026-05-01' });
  const now = await plansNeedingAttention(t.db, authorityId);
  assert.deepEqual(
    now.codeChanged.map((p) => p.title),
    ['Adds up', 'Linked to 2.2'],
    'a new version written afresh (new lineages) has none of the linked paragraphs',
  );

  const programme = await createProgramme(t.db, authorityId);
  const course = await createCourse(t.db, programme, { workshop_plan_id: short });
  assert.deepEqual(await planOfCourse(t.db, course), {
    plan: { title: 'Falls short', href: `/admin/workshops/${short}` },
    chooseHref: `/admin/courses/${course}/workshop`,
  });
  const bare = await createCourse(t.db, programme);
  assert.equal((await planOfCourse(t.db, bare)).plan, null);
});
