import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WrongCodeLimiter, wrongSessionCodes } from './guesses.js';

test('after too many wrong codes a person waits until the oldest is out of the window', () => {
  const limiter = new WrongCodeLimiter(3, 10 * 60_000);
  const start = Date.parse('2026-11-22T10:00:00Z');
  for (let i = 0; i < 3; i += 1) {
    assert.equal(limiter.waitMinutes(7, start + i * 60_000), 0);
    limiter.noteWrong(7, start + i * 60_000);
  }
  assert.equal(limiter.waitMinutes(7, start + 3 * 60_000), 7);
  assert.equal(limiter.waitMinutes(8, start + 3 * 60_000), 0, 'others are not held up');
  assert.equal(limiter.waitMinutes(7, start + 10 * 60_000), 0, 'the first wrong code has expired');
});

test('the pages that take a session code share one count per app', () => {
  const app = {};
  wrongSessionCodes(app).noteWrong(7);
  assert.equal(wrongSessionCodes(app), wrongSessionCodes(app));
  assert.notEqual(wrongSessionCodes({}), wrongSessionCodes(app), 'another app counts apart');
});
