import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { todayInEngland } from '../../db/current.js';
import { bringDueVersionsIntoForce } from '../code-of-conduct/index.js';
import { codeAdminTestApp, dateFields, type CodeAdminTest } from './int-test-support.js';

let s: CodeAdminTest;
before(async () => {
  s = await codeAdminTestApp();
});
after(() => s.t.close());

const today = todayInEngland();
const shift = (days: number, from = today) => {
  const d = new Date(`${from}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const step = (id: number, name: string) => `/admin/code/versions/${id}/${name}`;
const send = (id: number, name: string, fields: Record<string, string>) =>
  s.submit(step(id, name), fields);

test('a draft goes through consultation, committee and full Council into force at once', async () => {
  const councillor = await s.t.db
    .insertInto('people')
    .values({
      authority_id: s.principal.id,
      given_name: 'Ada',
      family_name: 'Signer',
      email: `ada-${s.tag}@shire.example`,
      kind: 'member',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.t.db
    .insertInto('memberships')
    .values({
      person_id: councillor.id,
      organisation_id: s.orgs.principalCouncil,
      start_date: '2024-05-01',
    })
    .execute();
  const old = await s.makeVersion(s.principal.id, 'in-force');
  const { id, number } = await s.makeVersion(s.principal.id, 'draft');

  const versionPage = await s.page(`/admin/code/versions/${id}`);
  assert.match(versionPage.body, /Open a consultation/);
  assert.doesNotMatch(versionPage.body, /Record adoption by full Council/);

  const opened = await send(id, 'consultation', {
    ...dateFields('openedDate', shift(-10)),
    ...dateFields('closesDate', shift(20)),
  });
  assert.equal(opened.statusCode, 303);
  assert.equal((await s.version(id)).status, 'consultation');

  const comment = await send(id, 'comments', {
    consultee: 'Cllr B. Example',
    organisation: 'Independent Group',
    ...dateFields('receivedDate', shift(-1)),
    comment: 'Please keep the £10 threshold.',
  });
  assert.equal(comment.statusCode, 303);
  const withComment = await s.page(`/admin/code/versions/${id}`);
  assert.match(withComment.body, /Cllr B. Example \(Independent Group\)/);
  assert.match(withComment.body, /Please keep the £10 threshold./);

  const agreeForm = await s.page(step(id, 'agree'));
  assert.match(agreeForm.body, /<option value="\d+">Standards Committee<\/option>/);
  assert.doesNotMatch(
    agreeForm.body,
    /Old Ethics Committee/,
    'a dissolved committee is not offered',
  );
  assert.doesNotMatch(agreeForm.body, /Independent Group/, 'nor a political group');
  const agreed = await send(id, 'agree', {
    ...dateFields('agreedDate', today),
    organisationId: String(s.orgs.standards),
    agreedMinute: 'SC/14',
  });
  assert.equal(agreed.statusCode, 303);
  const agreedRow = await s.version(id);
  assert.equal(agreedRow.status, 'agreed');
  assert.equal(agreedRow.agreed_by_organisation_id, s.orgs.standards);
  assert.equal(agreedRow.agreed_minute, 'SC/14');

  const adopted = await send(id, 'adopt', {
    ...dateFields('adoptedDate', today),
    adoptedMinute: 'C/31',
    ...dateFields('inForceDate', today),
  });
  assert.equal(adopted.statusCode, 303);
  const inForce = await s.version(id);
  assert.equal(inForce.status, 'in-force');
  assert.equal(inForce.in_force_from, today);
  const superseded = await s.version(old.id);
  assert.equal(superseded.status, 'superseded');
  assert.equal(superseded.superseded_on, today);
  const emails = await s.t.db
    .selectFrom('outbox')
    .select('subject')
    .where('to_address', '=', `ada-${s.tag}@shire.example`)
    .execute();
  assert.equal(emails.length, 1, 'the councillor is reminded to sign');

  const actions = (await s.audits('code_version', id)).map((a) => a.action);
  assert.deepEqual(actions, ['consultation-opened', 'agreed', 'adopted', 'in-force']);
  const page = await s.page(`/admin/code/versions/${id}`);
  assert.match(page.body, new RegExp(`Version ${number}: `));
  assert.match(page.body, /govuk-tag--green">In force/);
  assert.match(page.body, /by Standards Committee, minute SC\/14/);
  assert.match(page.body, new RegExp(`href="/code/${s.principal.slug}/${number}"`));
});

test('a version adopted to come into force later waits for its date', async () => {
  const current = await s.t.db
    .selectFrom('code_versions')
    .select('id')
    .where('authority_id', '=', s.principal.id)
    .where('status', '=', 'in-force')
    .executeTakeFirstOrThrow();
  const { id } = await s.makeVersion(s.principal.id, 'agreed', undefined, { agreed_on: today });
  const later = shift(30);
  const adopted = await send(id, 'adopt', {
    ...dateFields('adoptedDate', today),
    adoptedMinute: 'C/40',
    ...dateFields('inForceDate', later),
  });
  assert.equal(adopted.statusCode, 303);
  assert.equal((await s.version(id)).status, 'adopted');
  assert.match((await s.page(`/admin/code/versions/${id}`)).body, /It comes into force on/);
  assert.equal((await s.version(current.id)).status, 'in-force', 'the old one stays in force');
  await bringDueVersionsIntoForce(s.t.db, 'http://probity.test', later);
  assert.equal((await s.version(id)).status, 'in-force');
  assert.equal((await s.version(current.id)).status, 'superseded');
});

test('versions adopted earlier whose date has come take effect first, so the latest adoption is in force', async () => {
  const waiting = await s.makeVersion(s.parish.id, 'adopted', undefined, {
    adopted_on: today,
    in_force_from: today,
  });
  const latest = await s.makeVersion(s.parish.id, 'agreed', undefined, { agreed_on: today });
  const adopted = await send(latest.id, 'adopt', {
    ...dateFields('adoptedDate', today),
    adoptedMinute: 'C/50',
    ...dateFields('inForceDate', today),
  });
  assert.equal(adopted.statusCode, 303);
  assert.equal((await s.version(latest.id)).status, 'in-force');
  assert.equal((await s.version(waiting.id)).status, 'superseded');
  const inForce = await s.t.db
    .selectFrom('code_versions')
    .select('id')
    .where('authority_id', '=', s.parish.id)
    .where('status', '=', 'in-force')
    .execute();
  assert.equal(inForce.length, 1);
});
