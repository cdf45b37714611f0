import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { createAuthority, createCodeVersion, sampleItems } from '../code-of-conduct/testing.js';
import { listItems } from '../code-of-conduct/index.js';
import { idsNeedingReview, linksForAnchors, linkStates } from './paragraphs.js';
import { createScenario, createWorkshopPlan } from './testing.js';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

test('links follow a paragraph into a new version and are flagged only where its words changed or it went', async () => {
  const db = t.db;
  const authorityId = await createAuthority(db, 'links');
  const first = await createCodeVersion(db, { authorityId, status: 'in-force' });
  // 1.1 stays word for word, 1.2 is reworded, 2.2 is dropped
  const planId = await createWorkshopPlan(db, authorityId, {
    anchors: ['para-1-1', 'para-1-2', 'para-2-2'],
  });
  const scenarioId = await createScenario(db, authorityId, { anchors: ['para-1-1'] });
  const { links: before } = await linksForAnchors(db, authorityId, [
    'para-1-1',
    'para-1-2',
    'para-2-2',
  ]);
  assert.deepEqual(
    (await linkStates(db, authorityId, before)).map((s) => s.state),
    ['current', 'current', 'current'],
  );
  assert.equal((await idsNeedingReview(db, authorityId, 'workshop_paragraphs', [planId])).size, 0);

  const old = await listItems(db, first.id);
  const drafts = sampleItems().map((d, k) => ({ ...d, lineage: old[k]!.lineage }));
  drafts[2] = { ...drafts[2]!, body: 'Challenge ideas as hard as you like, never the person.' };
  drafts.splice(7, 1); // 2.2, the local paragraph on contractors' gifts
  await db
    .updateTable('code_versions')
    .set({ status: 'superseded', superseded_on: '2026-05-01' })
    .where('id', '=', first.id)
    .execute();
  await createCodeVersion(db, {
    authorityId,
    status: 'in-force',
    items: drafts,
    inForceFrom: '2026-05-01',
  });

  const states = await linkStates(db, authorityId, before);
  assert.deepEqual(
    states.map((s) => [s.linkedNumber, s.state, s.current?.number ?? null]),
    [
      ['1.1', 'current', '1.1'],
      ['1.2', 'changed', '1.2'],
      ['2.2', 'removed', null],
    ],
  );
  assert.deepEqual(
    [...(await idsNeedingReview(db, authorityId, 'workshop_paragraphs', [planId]))],
    [planId],
  );
  assert.equal(
    (await idsNeedingReview(db, authorityId, 'scenario_paragraphs', [scenarioId])).size,
    0,
    'a scenario linked only to an unchanged paragraph needs no review',
  );
});

test('anchors the code in force does not have are reported, not linked', async () => {
  const db = t.db;
  const authorityId = await createAuthority(db, 'unknown-links');
  assert.deepEqual(await linksForAnchors(db, authorityId, ['para-1-1']), {
    links: [],
    unknown: ['para-1-1'],
  });
  await createCodeVersion(db, { authorityId, status: 'in-force' });
  const { links, unknown } = await linksForAnchors(db, authorityId, ['para-1-1', 'para-9-9']);
  assert.deepEqual(
    links.map((l) => l.anchor),
    ['para-1-1'],
  );
  assert.deepEqual(unknown, ['para-9-9']);
});
