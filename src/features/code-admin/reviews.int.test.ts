import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { todayInEngland } from '../../db/current.js';
import { listItems } from '../code-of-conduct/index.js';
import { codesDueForReview } from './index.js';
import { recordReview } from './draft-service.js';
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

const mine = async (on: string) =>
  (await codesDueForReview(s.t.db, on)).filter(
    (due) => due.authorityId === s.principal.id || due.authorityId === s.parish.id,
  );

test('a code in force for 11 months with no review since is due for review', async () => {
  const v = await s.makeVersion(s.principal.id, 'in-force', undefined, {
    in_force_from: '2025-01-15',
  });
  await s.makeVersion(s.parish.id, 'draft');
  assert.deepEqual(await mine('2025-12-14'), [], 'ten months and a bit: not yet');
  const due = await mine('2025-12-15');
  assert.deepEqual(due, [
    {
      authorityId: s.principal.id,
      authoritySlug: s.principal.slug,
      authorityName: s.principal.name,
      versionId: v.id,
      versionNumber: v.number,
      title: `Code ${v.number}`,
      inForceFrom: '2025-01-15',
      lastReviewedOn: null,
      dueOn: '2025-12-15',
    },
  ]);

  // A review counts from its date: the next one is due 11 months later.
  const actor = { actorPersonId: s.admin.personId, requestId: 'test' };
  const reviewed = await recordReview(
    s.t.db,
    s.principal.id,
    { reviewedOn: '2025-12-20', outcome: 'no-change' },
    actor,
    '2025-12-20',
  );
  assert.ok(reviewed.ok);
  assert.deepEqual(await mine('2026-11-19'), []);
  const again = await mine('2026-11-20');
  assert.equal(again.length, 1);
  assert.equal(again[0]?.lastReviewedOn, '2025-12-20');
  assert.equal(again[0]?.dueOn, '2026-11-20');

  // A new version in force starts the count again, whatever the old reviews said.
  await s.t.db
    .updateTable('code_versions')
    .set({ status: 'superseded', superseded_on: '2026-06-01' })
    .where('id', '=', v.id)
    .execute();
  await s.makeVersion(s.principal.id, 'in-force', undefined, { in_force_from: '2026-06-01' });
  assert.deepEqual(await mine('2026-11-20'), []);
  const fresh = await mine('2027-05-01');
  assert.equal(fresh[0]?.inForceFrom, '2026-06-01');
  assert.equal(fresh[0]?.lastReviewedOn, null);
});

test('recording a review with no change lists it; a new draft copies the code in force', async () => {
  const url = `/admin/code/${s.principal.slug}`;
  const inForce = await s.t.db
    .selectFrom('code_versions')
    .select(['id', 'number'])
    .where('authority_id', '=', s.principal.id)
    .where('status', '=', 'in-force')
    .executeTakeFirstOrThrow();
  const page = await s.page(url);
  assert.match(page.body, /Record the annual review/);
  const today = todayInEngland();

  const noChange = await s.submit(
    url,
    {
      ...dateFields('reviewedDate', today),
      outcome: 'no-change',
      notes: 'Checked by the committee',
    },
    `${url}/reviews`,
  );
  assert.equal(noChange.statusCode, 303);
  assert.equal(noChange.headers.location, url);

  const newDraft = await s.submit(
    url,
    { ...dateFields('reviewedDate', today), outcome: 'new-draft' },
    `${url}/reviews`,
  );
  assert.equal(newDraft.statusCode, 303);
  const draftId = Number(/(\d+)$/.exec(newDraft.headers.location as string)?.[1]);
  const draft = await s.version(draftId);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.based_on_version_id, inForce.id);
  assert.deepEqual(
    (await listItems(s.t.db, draftId)).map((i) => i.lineage),
    (await listItems(s.t.db, inForce.id)).map((i) => i.lineage),
  );
  const review = await s.t.db
    .selectFrom('code_reviews')
    .selectAll()
    .where('new_version_id', '=', draftId)
    .executeTakeFirstOrThrow();
  assert.equal(review.outcome, 'new-draft');
  assert.equal(review.version_id, inForce.id);
  const audit = await s.audits('code_review', review.id);
  assert.equal(audit[0]?.action, 'recorded');

  const listed = await s.page(url);
  const past = listed.body.slice(listed.body.indexOf('id="past-reviews"'));
  assert.match(past, /Checked by the committee/);
  assert.match(
    past,
    new RegExp(`New draft: <a class="govuk-link" href="/admin/code/versions/${draftId}">`),
  );
  assert.match(past, /No change/);
});

test('a review needs an outcome, a real date no earlier than the code in force, and a code in force', async () => {
  const url = `/admin/code/${s.principal.slug}`;
  const empty = await s.submit(url, {}, `${url}/reviews`);
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(errorSummary(empty.body), [
    'Enter the date of the review',
    'Select the outcome of the review',
  ]);
  const early = await s.submit(
    url,
    { ...dateFields('reviewedDate', '2026-05-31'), outcome: 'no-change' },
    `${url}/reviews`,
  );
  assert.deepEqual(errorSummary(early.body), [
    'The date of the review must be on or after 1 June 2026, when version 2 came into force',
  ]);
  assert.match(early.body, /href="#reviewedDate-day"/);
  const future = await s.submit(
    url,
    { ...dateFields('reviewedDate', '2099-01-01'), outcome: 'no-change' },
    `${url}/reviews`,
  );
  assert.deepEqual(errorSummary(future.body), [
    'The date of the review must be today or in the past',
  ]);
  const parishUrl = `/admin/code/${s.parish.slug}`;
  assert.match((await s.page(parishUrl)).body, /There is none yet/);
  const none = await s.submit(
    parishUrl,
    { ...dateFields('reviewedDate', todayInEngland()), outcome: 'no-change' },
    `${parishUrl}/reviews`,
  );
  assert.deepEqual(errorSummary(none.body), ['There is no code in force to review']);
});
