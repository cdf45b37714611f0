import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { todayInEngland } from '../../db/current.js';
import { longDate } from './dates.js';
import {
  codeAdminTestApp,
  dateFields,
  errorSummary,
  type CodeAdminTest,
} from './int-test-support.js';

let s: CodeAdminTest;
let inForce: { id: number; number: number };
before(async () => {
  s = await codeAdminTestApp();
  inForce = await s.makeVersion(s.principal.id, 'in-force', undefined, {
    in_force_from: shift(-1),
    adopted_on: shift(-10),
  });
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

test('an empty draft cannot leave draft, though it can be withdrawn', async () => {
  const { id } = await s.makeVersion(s.parish.id, 'draft', []);
  const consult = await send(id, 'consultation', {
    ...dateFields('openedDate', today),
    ...dateFields('closesDate', shift(10)),
  });
  assert.equal(consult.statusCode, 400);
  const empty = 'A version with no paragraphs cannot leave draft: add its text first';
  assert.deepEqual(errorSummary(consult.body), [empty]);
  const agree = await send(id, 'agree', {
    ...dateFields('agreedDate', today),
    organisationId: String(s.orgs.parishCouncil),
    agreedMinute: 'PC/1',
  });
  assert.deepEqual(errorSummary(agree.body), [empty]);
  assert.equal((await s.version(id)).status, 'draft');
  const withdrawn = await send(id, 'withdraw', {
    ...dateFields('withdrawnDate', today),
    reason: 'Started by mistake',
  });
  assert.equal(withdrawn.statusCode, 303);
  assert.equal((await s.version(id)).status, 'withdrawn');
  const [audit] = await s.audits('code_version', id);
  assert.equal(audit?.action, 'withdrawn');
  assert.deepEqual(audit?.changes.reason, { before: null, after: 'Started by mistake' });
});

test('each step refuses a version in the wrong status, with a clear message', async () => {
  const agreed = await s.makeVersion(s.principal.id, 'agreed');
  const page = await s.page(step(agreed.id, 'consultation'));
  assert.match(
    page.body,
    new RegExp(`You cannot do this now: version ${agreed.number} is agreed by committee`),
  );
  assert.doesNotMatch(page.body, /name="openedDate-day"/);
  const draft = await s.makeVersion(s.principal.id, 'draft');
  const consultAgreed = await send(agreed.id, 'consultation', {
    ...dateFields('openedDate', today),
    ...dateFields('closesDate', today),
  });
  assert.equal(consultAgreed.statusCode, 400);
  assert.deepEqual(errorSummary(consultAgreed.body), [
    `Version ${agreed.number} is agreed by committee: only a draft can be put out to consultation. Nothing was changed`,
  ]);
  const adoptDraft = await send(draft.id, 'adopt', {
    ...dateFields('adoptedDate', today),
    adoptedMinute: 'C/1',
    ...dateFields('inForceDate', today),
  });
  assert.deepEqual(errorSummary(adoptDraft.body), [
    `Version ${draft.number} is draft: only a version agreed by committee can be adopted. Nothing was changed`,
  ]);
  const commentDraft = await send(draft.id, 'comments', {
    consultee: 'A. Person',
    ...dateFields('receivedDate', today),
    comment: 'Too early',
  });
  assert.deepEqual(errorSummary(commentDraft.body), [
    `Version ${draft.number} is draft: comments are recorded only while a version is under consultation. Nothing was changed`,
  ]);
  const withdrawInForce = await send(inForce.id, 'withdraw', {
    ...dateFields('withdrawnDate', today),
    reason: 'No',
  });
  assert.deepEqual(errorSummary(withdrawInForce.body), [
    `Version ${inForce.number} is in force: a version can be withdrawn only before full Council adopts it. Nothing was changed`,
  ]);
  const agreeAgreed = await send(agreed.id, 'agree', {
    ...dateFields('agreedDate', today),
    organisationId: String(s.orgs.standards),
    agreedMinute: 'X',
  });
  assert.equal(agreeAgreed.statusCode, 400);
  assert.equal((await s.version(draft.id)).status, 'draft');
  assert.equal((await s.version(inForce.id)).status, 'in-force');
});

test('dates and committees that do not make sense are refused', async () => {
  const draft = await s.makeVersion(s.principal.id, 'draft');
  const closesFirst = await send(draft.id, 'consultation', {
    ...dateFields('openedDate', today),
    ...dateFields('closesDate', shift(-1)),
  });
  assert.deepEqual(errorSummary(closesFirst.body), [
    'The consultation must close on or after the day it opens',
  ]);
  assert.match(closesFirst.body, /href="#closesDate-day"/);
  const noDates = await send(draft.id, 'consultation', {});
  assert.deepEqual(errorSummary(noDates.body), [
    'Enter the date the consultation opens',
    'Enter the date the consultation closes',
  ]);
  const agree = (fields: Record<string, string>) =>
    send(draft.id, 'agree', {
      ...dateFields('agreedDate', today),
      organisationId: String(s.orgs.standards),
      agreedMinute: 'SC/1',
      ...fields,
    });
  assert.deepEqual(errorSummary((await agree(dateFields('agreedDate', shift(5)))).body), [
    'The date it was agreed must be today or in the past',
  ]);
  const selectCommittee = `Select a current committee of ${s.principal.name}`;
  for (const other of [
    s.orgs.oldCommittee,
    s.orgs.group,
    s.orgs.parishCouncil,
    s.orgs.principalCouncil,
  ]) {
    assert.deepEqual(errorSummary((await agree({ organisationId: String(other) })).body), [
      selectCommittee,
    ]);
  }
  assert.deepEqual(errorSummary((await agree({ organisationId: '', agreedMinute: '' })).body), [
    'Select the committee that agreed the code',
    'Enter the minute reference of the committee’s decision',
  ]);
  assert.equal((await s.version(draft.id)).status, 'draft');

  // A parish council has no standards committee: the council itself agrees its code.
  const parishDraft = await s.makeVersion(s.parish.id, 'draft');
  const parishForm = await s.page(step(parishDraft.id, 'agree'));
  assert.match(parishForm.body, new RegExp(`>Vale ${s.tag} Parish Council</option>`));
  const parishAgreed = await send(parishDraft.id, 'agree', {
    ...dateFields('agreedDate', today),
    organisationId: String(s.orgs.parishCouncil),
    agreedMinute: 'PC/7',
  });
  assert.equal(parishAgreed.statusCode, 303);

  const agreed = await s.makeVersion(s.principal.id, 'agreed', undefined, { agreed_on: shift(-5) });
  const adopt = (fields: Record<string, string>) =>
    send(agreed.id, 'adopt', {
      ...dateFields('adoptedDate', today),
      adoptedMinute: 'C/9',
      ...dateFields('inForceDate', today),
      ...fields,
    });
  assert.deepEqual(errorSummary((await adopt(dateFields('adoptedDate', shift(-6)))).body), [
    `The date it was adopted must be on or after ${longDate(shift(-5))}, when the committee agreed it`,
  ]);
  assert.deepEqual(errorSummary((await adopt(dateFields('adoptedDate', shift(1)))).body), [
    'The date it was adopted must be today or in the past',
  ]);
  assert.deepEqual(
    errorSummary(
      (
        await adopt({
          ...dateFields('adoptedDate', shift(-2)),
          ...dateFields('inForceDate', shift(-3)),
        })
      ).body,
    ),
    ['It cannot come into force before the day it is adopted'],
  );
  // None may come into force before the version in force did.
  const early = await adopt({
    ...dateFields('adoptedDate', shift(-3)),
    ...dateFields('inForceDate', shift(-2)),
  });
  assert.equal(early.statusCode, 400);
  assert.deepEqual(errorSummary(early.body), [
    `It cannot come into force before ${longDate(shift(-1))}, when version ${inForce.number} came into force`,
  ]);
  assert.equal((await s.version(agreed.id)).status, 'agreed');
});
