import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPounds, inForceText, settingsText, statusText } from './code-text.js';

test('pence read as a council writes pounds', () => {
  assert.equal(formatPounds(1000), '£10');
  assert.equal(formatPounds(5000), '£50');
  assert.equal(formatPounds(2550), '£25.50');
  assert.equal(formatPounds(5), '£0.05');
  assert.equal(formatPounds(0), '£0');
  assert.equal(formatPounds(150000), '£1,500');
});

const dates = {
  adopted_on: '2021-04-20',
  adopted_minute: 'FC 45/21',
  in_force_from: '2021-05-01',
  superseded_on: null,
};

test('the status line says when a version applies and when it was adopted', () => {
  assert.equal(
    statusText({ ...dates, status: 'in-force' }),
    'In force since 1 May 2021. Adopted on 20 April 2021 (minute FC 45/21).',
  );
  assert.equal(
    statusText({ ...dates, status: 'superseded', superseded_on: '2024-04-01' }),
    'Was in force from 1 May 2021 until 1 April 2024. Adopted on 20 April 2021 (minute FC 45/21).',
  );
  assert.equal(
    inForceText({ ...dates, status: 'adopted', in_force_from: '2099-01-01' }),
    'Not yet in force: comes into force on 1 January 2099.',
  );
  assert.equal(
    statusText({ ...dates, adopted_minute: '  ', status: 'in-force' }),
    'In force since 1 May 2021. Adopted on 20 April 2021.',
  );
});

test('the settings read in words, singular or plural', () => {
  const rows = settingsText({
    gifts_threshold_pence: 2500,
    gifts_registration_days: 1,
    register_refused_offers: false,
    training_required: false,
  });
  assert.deepEqual(
    rows.map((r) => r.value),
    [
      '£25: members register any gift or hospitality worth this much or more',
      '1 day from receiving it',
      'Do not need to be registered',
      'Not required by this version of the code',
    ],
  );
});
