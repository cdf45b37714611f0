import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meetingTime, meetingWhen } from './when.js';

test('meeting times are shown in England: British Summer Time adds an hour to UTC', () => {
  // 17:00 UTC on 25 March 2021 is GMT (summer time begins on 28 March 2021).
  assert.equal(meetingWhen(new Date('2021-03-25T17:00:00Z')), 'Thursday 25 March 2021 at 5pm');
  // 17:00 UTC on 1 July 2021 is 6pm BST.
  assert.equal(meetingWhen(new Date('2021-07-01T17:00:00Z')), 'Thursday 1 July 2021 at 6pm');
});

test('minutes, midday and an end on the same day are written plainly', () => {
  assert.equal(meetingTime(new Date('2021-01-10T09:30:00Z')), '9:30am');
  assert.equal(meetingTime(new Date('2021-01-10T12:00:00Z')), '12 midday');
  assert.equal(meetingTime(new Date('2021-01-10T00:00:00Z')), '12 midnight');
  assert.equal(
    meetingWhen(new Date('2021-01-10T14:00:00Z'), new Date('2021-01-10T16:15:00Z')),
    'Sunday 10 January 2021 at 2pm to 4:15pm',
  );
});
