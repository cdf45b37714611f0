import { test } from 'node:test';
import assert from 'node:assert/strict';
import { londonParts, londonToInstant, meetingTime, parseTimeOfDay } from './times.js';

test('a winter evening meeting is stored at the same hour in UTC (GMT)', () => {
  assert.equal(londonToInstant('2027-01-12', '18:30').toISOString(), '2027-01-12T18:30:00.000Z');
});

test('a summer evening meeting is stored an hour earlier in UTC (BST)', () => {
  assert.equal(londonToInstant('2027-07-06', '18:30').toISOString(), '2027-07-06T17:30:00.000Z');
  assert.deepEqual(londonParts(new Date('2027-07-06T17:30:00Z')), {
    date: '2027-07-06',
    time: '18:30',
  });
});

test('the days the clocks change: a skipped hour moves on, a repeated hour is the first', () => {
  // 28 March 2027: 01:00 GMT becomes 02:00 BST
  assert.equal(londonToInstant('2027-03-28', '00:30').toISOString(), '2027-03-28T00:30:00.000Z');
  assert.equal(londonToInstant('2027-03-28', '10:00').toISOString(), '2027-03-28T09:00:00.000Z');
  // 31 October 2027: 02:00 BST becomes 01:00 GMT, so 01:30 happens twice
  assert.equal(londonToInstant('2027-10-31', '01:30').toISOString(), '2027-10-31T00:30:00.000Z');
  assert.equal(londonToInstant('2027-10-31', '10:00').toISOString(), '2027-10-31T10:00:00.000Z');
});

test('a late-night summer meeting keeps its English date', () => {
  assert.equal(londonParts(new Date('2027-06-30T23:30:00Z')).date, '2027-07-01');
});

test('times of day are read in the ways people type them', () => {
  assert.equal(parseTimeOfDay('18:30'), '18:30');
  assert.equal(parseTimeOfDay('6.30pm'), '18:30');
  assert.equal(parseTimeOfDay('9am'), '09:00');
  assert.equal(parseTimeOfDay('12pm'), '12:00');
  assert.equal(parseTimeOfDay('12am'), '00:00');
  assert.equal(parseTimeOfDay('7'), null);
  assert.equal(parseTimeOfDay('25:00'), null);
  assert.equal(parseTimeOfDay('13pm'), null);
  assert.equal(parseTimeOfDay('soon'), null);
  assert.equal(meetingTime(new Date('2027-07-06T17:30:00Z')), '6:30pm');
});

test('half past midnight is 12:30am, whatever the ICU version', () => {
  assert.equal(meetingTime(new Date('2027-01-14T00:30:00Z')), '12:30am');
  assert.equal(meetingTime(new Date('2027-01-14T12:30:00Z')), '12:30pm');
});
