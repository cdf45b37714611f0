import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeAdminTestApp, errorSummary, type CodeAdminTest } from './int-test-support.js';

let s: CodeAdminTest;
before(async () => {
  s = await codeAdminTestApp();
});
after(() => s.t.close());

const good = {
  title: 'Members’ Code 2027',
  changeSummary: 'Gifts threshold lowered',
  giftsThreshold: '10.00',
  giftsRegistrationDays: '28',
  registerRefusedOffers: 'yes',
  trainingRequired: 'yes',
  nonVotingCoOptedSign: 'no',
};

test('the settings form shows the version’s settings and saves them in pence, audited', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const url = `/admin/code/versions/${id}/settings`;
  const form = await s.page(url);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="giftsThreshold"[^>]*value="50"/);
  const saved = await s.submit(url, good);
  assert.equal(saved.statusCode, 303);
  const v = await s.version(id);
  assert.equal(v.gifts_threshold_pence, 1000);
  assert.equal(v.title, 'Members’ Code 2027');
  assert.equal(v.change_summary, 'Gifts threshold lowered');
  assert.equal(v.non_voting_co_opted_sign, false);
  const [audit] = await s.audits('code_version', id);
  assert.equal(audit?.action, 'settings-changed');
  assert.deepEqual(audit?.changes.gifts_threshold_pence, { before: 5000, after: 1000 });
  const page = await s.page(`/admin/code/versions/${id}`);
  assert.match(page.body, /£10\s*</);

  const again = await s.submit(url, good);
  assert.equal(again.statusCode, 303);
  assert.equal((await s.audits('code_version', id)).length, 1, 'no change, no audit row');

  await s.submit(url, { ...good, giftsThreshold: '£12.50', giftsRegistrationDays: '366' });
  assert.equal((await s.version(id)).gifts_threshold_pence, 1250);
  assert.match((await s.page(url)).body, /value="12.50"/);
  await s.submit(url, { ...good, giftsThreshold: '0' });
  assert.equal((await s.version(id)).gifts_threshold_pence, 0, 'a council may register everything');
});

test('each bad setting is named in the error summary and nothing is saved', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'draft');
  const url = `/admin/code/versions/${id}/settings`;
  const cases: [Record<string, string>, string][] = [
    [{ giftsThreshold: '-5' }, 'The threshold must be £0 or more'],
    [{ giftsThreshold: 'ten pounds' }, 'Enter the threshold in pounds, like 50 or 10.00'],
    [{ giftsThreshold: '10.001' }, 'Enter the threshold in pounds, like 50 or 10.00'],
    [{ giftsThreshold: '' }, 'Enter the gifts and hospitality threshold in pounds'],
    [{ giftsRegistrationDays: '0' }, 'Enter a whole number of days between 1 and 366'],
    [{ giftsRegistrationDays: '367' }, 'Enter a whole number of days between 1 and 366'],
    [{ giftsRegistrationDays: '2.5' }, 'Enter a whole number of days between 1 and 366'],
    [{ title: '' }, 'Enter a title for the version'],
    [{ registerRefusedOffers: 'maybe' }, 'Select yes if refused offers must be registered'],
  ];
  for (const [change, message] of cases) {
    const response = await s.submit(url, { ...good, ...change });
    assert.equal(response.statusCode, 400, JSON.stringify(change));
    assert.deepEqual(errorSummary(response.body), [message], JSON.stringify(change));
  }
  const missing = await s.submit(url, {
    title: 'T',
    giftsThreshold: '50',
    giftsRegistrationDays: '28',
  });
  assert.deepEqual(errorSummary(missing.body), [
    'Select yes if refused offers must be registered',
    'Select yes if members must take the code of conduct training',
    'Select yes if co-opted members without a vote must sign',
  ]);
  assert.match(missing.body, /value="50"/, 'what was typed is kept');
  assert.equal((await s.version(id)).gifts_threshold_pence, 5000);
  assert.equal((await s.audits('code_version', id)).length, 0);
});

test('settings of a version past consultation cannot change', async () => {
  const { id } = await s.makeVersion(s.principal.id, 'in-force');
  const url = `/admin/code/versions/${id}/settings`;
  const page = await s.page(url);
  assert.match(page.body, /can no longer change/);
  assert.doesNotMatch(page.body, /name="giftsThreshold"/);
  const open = await s.makeVersion(s.principal.id, 'consultation');
  const form = await s.page(`/admin/code/versions/${open.id}/settings`);
  assert.match(form.body, /name="giftsThreshold"/, 'under consultation it still can');
  const refused = await s.submit(
    `/admin/code/versions/${open.id}/settings`,
    good,
    `/admin/code/versions/${id}/settings`,
  );
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(errorSummary(refused.body), [
    'Only a draft, or a version under consultation, can be changed',
  ]);
  assert.equal((await s.version(id)).gifts_threshold_pence, 5000);
});
