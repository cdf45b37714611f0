import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionTimes } from './times.js';

const base = { startTime: '', endTime: '', durationMinutes: 90, dateRequired: false };

test('a session without a date has no times, unless a date is required', () => {
  assert.deepEqual(sessionTimes({ ...base, date: undefined }), {
    ok: true,
    startsAt: null,
    endsAt: null,
  });
  assert.deepEqual(sessionTimes({ ...base, date: undefined, dateRequired: true }), {
    ok: false,
    field: 'sessionDate',
    message: 'Enter the date of the session',
  });
  assert.equal(sessionTimes({ ...base, date: undefined, startTime: '18:00' }).ok, false);
});

test('times are England’s on both sides of the clock change; the end defaults to the course length', () => {
  const before = sessionTimes({ ...base, date: '2026-10-24', startTime: '18:00' });
  assert.ok(before.ok);
  assert.equal(before.startsAt?.toISOString(), '2026-10-24T17:00:00.000Z');
  assert.equal(before.endsAt?.toISOString(), '2026-10-24T18:30:00.000Z');
  const afterChange = sessionTimes({ ...base, date: '2026-10-26', startTime: '18:00' });
  assert.ok(afterChange.ok);
  assert.equal(afterChange.startsAt?.toISOString(), '2026-10-26T18:00:00.000Z');
  const backwards = sessionTimes({
    ...base,
    date: '2026-10-26',
    startTime: '18:00',
    endTime: '17:00',
  });
  assert.deepEqual(backwards, {
    ok: false,
    field: 'endTime',
    message: 'The end time must be after the start time',
  });
  assert.equal(sessionTimes({ ...base, date: '2026-10-26' }).ok, false);
});
