import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meetingTime } from '../meetings/index.js';
import { checkTotal, clockTimes, durationText, withRunningTotals } from './agenda.js';

const items = (...minutes: number[]) => minutes.map((m, k) => ({ title: `Item ${k}`, minutes: m }));

test('an agenda that fills the workshop exactly needs no message', () => {
  const check = checkTotal(items(15, 60, 45), 120);
  assert.deepEqual(check, { total: 120, duration: 120, state: 'equal', message: null });
});

test('an agenda shorter than the workshop says by how much', () => {
  const check = checkTotal(items(15, 45, 45), 120);
  assert.equal(check.state, 'short');
  assert.equal(
    check.message,
    'The agenda adds up to 105 minutes but the workshop lasts 120 minutes: 15 minutes are not planned',
  );
});

test('an agenda longer than the workshop says it runs over', () => {
  const check = checkTotal(items(30, 40, 30), 90);
  assert.equal(check.state, 'long');
  assert.equal(
    check.message,
    'The agenda adds up to 100 minutes but the workshop lasts 90 minutes: it runs 10 minutes over',
  );
  assert.equal(checkTotal(items(91), 90).message?.endsWith('it runs 1 minute over'), true);
});

test('an empty agenda is short of any workshop', () => {
  const check = checkTotal([], 90);
  assert.equal(check.state, 'short');
  assert.equal(check.message, 'The agenda has no items yet but the workshop lasts 90 minutes');
});

test('the running total gives each item its start and end', () => {
  assert.deepEqual(
    withRunningTotals(items(10, 20, 5)).map((i) => [i.startsAfter, i.endsAfter]),
    [
      [0, 10],
      [10, 30],
      [30, 35],
    ],
  );
});

test('durations read as people say them', () => {
  assert.equal(durationText(120), '2 hours');
  assert.equal(durationText(90), '1 hour 30 minutes');
  assert.equal(durationText(45), '45 minutes');
  assert.equal(durationText(61), '1 hour 1 minute');
});

test('run sheet times follow the clocks forward in spring', () => {
  // 28 March 2027: at 1am GMT the clocks go forward to 2am BST.
  const start = new Date('2027-03-28T00:30:00Z'); // half past midnight GMT
  const times = clockTimes(start, items(15, 30, 60)).map(
    (i) => `${meetingTime(i.startsAt)}–${meetingTime(i.endsAt)}`,
  );
  assert.deepEqual(times, ['12:30am–12:45am', '12:45am–2:15am', '2:15am–3:15am']);
});

test('run sheet times follow the clocks back in autumn', () => {
  // 25 October 2026: at 2am BST the clocks go back to 1am GMT.
  const start = new Date('2026-10-25T00:00:00Z'); // 1am BST
  const times = clockTimes(start, items(30, 45, 30)).map(
    (i) => `${meetingTime(i.startsAt)}–${meetingTime(i.endsAt)}`,
  );
  // 1:30am BST + 45 minutes is 1:15am GMT; 30 more is 1:45am GMT
  assert.deepEqual(times, ['1:00am–1:30am', '1:30am–1:15am', '1:15am–1:45am']);
});

test('an evening session in summer is shown in British Summer Time', () => {
  const start = new Date('2026-06-10T17:30:00Z'); // 6:30pm BST
  const [first, second] = clockTimes(start, items(20, 100));
  assert.equal(meetingTime(first!.startsAt), '6:30pm');
  assert.equal(meetingTime(second!.startsAt), '6:50pm');
  assert.equal(meetingTime(second!.endsAt), '8:30pm');
});
