import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attendanceWindow, newAttendanceCode } from './window.js';

test('attendance opens half an hour before the start and closes half an hour after the end', () => {
  const window = attendanceWindow({
    startsAt: new Date('2026-10-25T00:30:00Z'),
    endsAt: new Date('2026-10-25T02:00:00Z'),
    durationMinutes: 90,
  });
  assert.deepEqual(window, {
    opens: new Date('2026-10-25T00:00:00Z'),
    closes: new Date('2026-10-25T02:30:00Z'),
  });
});

test('a session with no end time lasts its course’s duration; one with no date has no window', () => {
  const window = attendanceWindow({
    startsAt: new Date('2027-03-02T18:30:00Z'),
    endsAt: null,
    durationMinutes: 120,
  });
  assert.equal(window?.closes.toISOString(), '2027-03-02T21:00:00.000Z');
  assert.equal(attendanceWindow({ startsAt: null, endsAt: null, durationMinutes: 90 }), null);
});

test('codes are six letters and digits, without ones easily mistaken for others', () => {
  for (let i = 0; i < 200; i += 1) {
    const code = newAttendanceCode();
    assert.match(code, /^[A-Z0-9]{6}$/);
    assert.doesNotMatch(code, /[O0I1L]/);
  }
  assert.equal(
    newAttendanceCode(() => 0),
    'AAAAAA',
  );
});
