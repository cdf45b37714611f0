import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseForm } from '../../platform/forms.js';
import { itemForm, parsePounds, settingsForm } from './schemas.js';

test('pounds are read as people type them and stored as pence', () => {
  assert.deepEqual(parsePounds('10'), { pence: 1000 });
  assert.deepEqual(parsePounds('10.00'), { pence: 1000 });
  assert.deepEqual(parsePounds('£12.50'), { pence: 1250 });
  assert.deepEqual(parsePounds('1,000'), { pence: 100_000 });
  assert.deepEqual(parsePounds('0'), { pence: 0 });
  assert.deepEqual(parsePounds(' 50 '), { pence: 5000 });
  for (const bad of ['10.5', '10.001', 'ten', '', '£', '1e3', '10.', '.50', '1234567'])
    assert.deepEqual(
      parsePounds(bad),
      { error: 'Enter the threshold in pounds, like 50 or 10.00' },
      bad,
    );
  assert.deepEqual(parsePounds('-5'), { error: 'The threshold must be £0 or more' });
  assert.deepEqual(parsePounds('£-5.00'), { error: 'The threshold must be £0 or more' });
});

test('the settings form turns its answers into values', () => {
  const result = parseForm(settingsForm, {
    title: ' Code 2027 ',
    changeSummary: '',
    giftsThreshold: '25',
    giftsRegistrationDays: '014',
    registerRefusedOffers: 'no',
    trainingRequired: 'yes',
    nonVotingCoOptedSign: 'yes',
  });
  assert.ok(result.ok);
  assert.deepEqual(result.data, {
    title: 'Code 2027',
    changeSummary: undefined,
    giftsThreshold: 2500,
    giftsRegistrationDays: 14,
    registerRefusedOffers: 'no',
    trainingRequired: 'yes',
    nonVotingCoOptedSign: 'yes',
  });
});

test('an item needs a kind and text; a heading stays short, a paragraph may be long', () => {
  const heading = parseForm(itemForm, { kind: 'appendix', text: 'x'.repeat(201) });
  assert.ok(!heading.ok);
  assert.deepEqual(heading.errorList, [
    { text: 'A heading must be 200 characters or fewer', href: '#text' },
  ]);
  const long = parseForm(itemForm, { kind: 'paragraph', text: 'x'.repeat(5000), local: 'yes' });
  assert.ok(long.ok);
  assert.equal(long.data.local, true);
  const unticked = parseForm(itemForm, { kind: 'section', text: 'Respect' });
  assert.ok(unticked.ok);
  assert.equal(unticked.data.local, false);
  const unknown = parseForm(itemForm, { kind: 'chapter', text: 'Respect' });
  assert.ok(!unknown.ok);
  assert.deepEqual(unknown.errorList, [{ text: 'Select what kind of item it is', href: '#kind' }]);
});
