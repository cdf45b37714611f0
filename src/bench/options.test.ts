import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchOptions } from './options.js';

test('BENCH_PAGES picks pages by parts of their labels; unset or blank, every page', () => {
  assert.deepEqual(benchOptions({ BENCH_PAGES: '/word, /live ,,' }).pages, ['/word', '/live']);
  assert.equal(benchOptions({}).pages, null);
  assert.equal(benchOptions({ BENCH_PAGES: '  ' }).pages, null);
});

test('a setting that is not a number stops the benchmark with its name', () => {
  assert.throws(() => benchOptions({ BENCH_DURATION: 'ten' }), /BENCH_DURATION must be a number/);
  assert.equal(benchOptions({}).durationSeconds, 10);
});
