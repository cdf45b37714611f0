import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeVersionStatus } from '../../db/schema.js';
import { nextVersionNumber, numberItems, replaceItems } from '../code-of-conduct/index.js';
import {
  dateFields,
  errorSummary,
  meetingsTestApp,
  type MeetingsTest,
} from './int-test-support.js';
import { londonParts } from './times.js';

let s: MeetingsTest;
before(async () => {
  s = await meetingsTestApp();
});
after(() => s.t.close());

async function makeVersion(status: CodeVersionStatus, extra: Record<string, unknown> = {}) {
  return s.t.db.transaction().execute(async (trx) => {
    const number = await nextVersionNumber(trx, s.authority.id);
    const published = ['adopted', 'in-force', 'superseded'].includes(status);
    const row = await trx
      .insertInto('code_versions')
      .values({
        authority_id: s.authority.id,
        number,
        title: `Code ${number}`,
        status,
        agreed_on: status === 'agreed' || published ? '2024-03-01' : null,
        adopted_on: published ? '2024-04-01' : null,
        in_force_from: published ? '2024-05-01' : null,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const numbered = numberItems([
      { kind: 'section', depth: 0, heading: 'Respect', body: null, origin: 'model' },
      {
        kind: 'paragraph',
        depth: 1,
        heading: null,
        body: 'Treat people with courtesy.',
        origin: 'model',
      },
    ]);
    if (!numbered.ok) throw new Error('numbering');
    await replaceItems(trx, row.id, numbered.items);
    return row.id;
  });
}

const version = (id: number) =>
  s.t.db.selectFrom('code_versions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const resolutionAudits = async () =>
  Number(
    (
      await s.t.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('entity', '=', 'resolution')
        .executeTakeFirstOrThrow()
    ).n,
  );
const resolutionsOf = (itemId: number) =>
  s.t.db.selectFrom('resolutions').selectAll().where('agenda_item_id', '=', itemId).execute();

/** A past meeting of `organisationId` with a published agenda and one report whose recommendation is about `versionId`. */
async function decisionMeeting(
  organisationId: number,
  versionId: number,
  startsAt = new Date(Date.now() - 3 * 86_400_000),
) {
  const id = await s.makeMeeting(startsAt, {
    organisation_id: organisationId,
    agenda_published_at: new Date(startsAt.getTime() - 86_400_000),
  });
  const r = await s.makeReport({
    recommendations: [{ text: 'Agree the revised code.', codeVersionId: versionId }],
  });
  const item = await s.addItem(id, 'Code of conduct', r.id);
  return {
    id,
    item,
    rec: r.recIds[0]!,
    url: `/admin/meetings/${id}/items/${item}/resolutions`,
    startsAt,
  };
}

test("a committee's agreement moves a draft to agreed by committee, with the meeting's date and minute", async () => {
  const v = await makeVersion('consultation', {
    consultation_opened_on: '2025-01-01',
    consultation_closes_on: '2025-02-01',
  });
  // a summer meeting late in the evening UTC is already the next day in England
  const m = await decisionMeeting(s.committee, v, new Date('2026-06-30T23:30:00Z'));
  const response = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'agreed',
    minuteReference: 'SC 30/06/26 item 5',
  });
  assert.equal(response.statusCode, 303);
  const [resolution] = await resolutionsOf(m.item);
  const after = await version(v);
  assert.equal(after.status, 'agreed');
  assert.equal(after.agreed_on, '2026-07-01');
  assert.equal(after.agreed_by_organisation_id, s.committee);
  assert.equal(after.agreed_minute, 'SC 30/06/26 item 5');
  assert.equal(after.agreed_resolution_id, resolution!.id);
  const audit = await s.audits('code_version', v);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['agreed'],
  );

  // the resolution that moved the version cannot be changed afterwards
  const change = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'deferred',
    minuteReference: 'SC 30/06/26 item 5',
  });
  assert.equal(change.statusCode, 400);
  assert.match(
    errorSummary(change.body)[0] ?? '',
    /already moved version \d+ of the code of conduct on/,
  );
  assert.equal((await resolutionsOf(m.item))[0]!.outcome, 'agreed');
  assert.equal((await version(v)).status, 'agreed');
  // sending the same decision again (say with the item's other resolutions) changes nothing
  const same = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'agreed',
    minuteReference: 'SC 30/06/26 item 6',
  });
  assert.equal(same.statusCode, 303);
  assert.equal((await resolutionsOf(m.item))[0]!.minute_reference, 'SC 30/06/26 item 5');
});

test('full Council adopts an agreed version and brings it into force on the day of the meeting', async () => {
  const old = await makeVersion('in-force');
  const v = await makeVersion('agreed');
  const m = await decisionMeeting(s.council, v);
  const form = await s.page(m.url);
  assert.match(form.body, /inForceDate-day/);
  const response = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'agreed-as-amended',
    [`amended-${m.rec}`]: 'Adopt the code with the gifts threshold at £50.',
    minuteReference: 'C 2026/44',
  });
  assert.equal(response.statusCode, 303);
  const [resolution] = await resolutionsOf(m.item);
  const after = await version(v);
  const meetingDate = londonParts(m.startsAt).date;
  assert.equal(after.status, 'in-force');
  assert.equal(after.adopted_on, meetingDate);
  assert.equal(after.in_force_from, meetingDate);
  assert.equal(after.adopted_minute, 'C 2026/44');
  assert.equal(after.adopted_resolution_id, resolution!.id);
  assert.equal((await version(old)).status, 'superseded');
  const actions = (await s.audits('code_version', v)).map((a) => a.action);
  assert.equal(actions[0], 'adopted');
  assert.ok(actions.length >= 2, actions.join());
});

test('full Council may give a later in-force date: the version waits, adopted', async () => {
  const v = await makeVersion('agreed');
  const m = await decisionMeeting(s.council, v);
  const response = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'agreed',
    minuteReference: 'C 2026/51',
    ...dateFields('inForceDate', '2030-01-01'),
  });
  assert.equal(response.statusCode, 303);
  const after = await version(v);
  assert.equal(after.status, 'adopted');
  assert.equal(after.in_force_from, '2030-01-01');
});

test('a version in the wrong status is refused on the form and nothing at all is written', async () => {
  const inForce =
    (
      await s.t.db
        .selectFrom('code_versions')
        .select('id')
        .where('authority_id', '=', s.authority.id)
        .where('status', '=', 'in-force')
        .executeTakeFirst()
    )?.id ?? (await makeVersion('in-force'));
  const m = await decisionMeeting(s.committee, inForce);
  const before = await version(inForce);
  const response = await s.submit(m.url, {
    [`outcome-${m.rec}`]: 'agreed',
    minuteReference: 'SC 1',
  });
  assert.equal(response.statusCode, 400);
  assert.match(
    errorSummary(response.body)[0] ?? '',
    /only a draft, or a version under consultation, can be agreed by a committee\. Nothing was changed/,
  );
  assert.equal((await resolutionsOf(m.item)).length, 0, 'no resolution recorded');
  assert.deepEqual(await version(inForce), before);

  const draft = await makeVersion('draft');
  const council = await decisionMeeting(s.council, draft);
  const audited = await resolutionAudits();
  const adopt = await s.submit(council.url, {
    [`outcome-${council.rec}`]: 'agreed',
    minuteReference: 'C 9',
  });
  assert.equal(adopt.statusCode, 400);
  assert.match(
    errorSummary(adopt.body)[0] ?? '',
    /only a version agreed by committee can be adopted by full Council/,
  );
  assert.equal((await resolutionsOf(council.item)).length, 0);
  assert.equal((await version(draft)).status, 'draft');
  assert.equal(await resolutionAudits(), audited, 'no audit of a resolution that was not written');

  // not agreeing moves nothing and is recorded
  const no = await s.submit(council.url, {
    [`outcome-${council.rec}`]: 'not-agreed',
    minuteReference: 'C 9',
  });
  assert.equal(no.statusCode, 303);
  assert.equal((await version(draft)).status, 'draft');
});
