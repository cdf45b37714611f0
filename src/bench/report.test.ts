import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PageResult } from './measure.js';
import { rate, TARGETS } from './report.js';

function result(kind: PageResult['kind'], rps: number, extra: Partial<PageResult> = {}) {
  return {
    label: 'page',
    path: '/page',
    kind,
    checkStatus: 200,
    checkBytes: 1000,
    requestsPerSecond: rps,
    latencyMs: { mean: 10, p50: 10, p90: 20, p99: 40, max: 60 },
    requests: rps * 10,
    non2xx: 0,
    errors: 0,
    cpuMsPerRequest: { server: 1, postgres: 1 },
    ...extra,
  } satisfies PageResult;
}

test('a signed-in page is held to the default share of the baseline unless it names its own', () => {
  assert.equal(rate(result('signed-in', 300), 1000).verdict, 'ok');
  const code = { targetRatio: TARGETS.codeOfConductRatio };
  assert.equal(rate(result('signed-in', 300, code), 1000).verdict, 'slow');
  assert.equal(rate(result('signed-in', 500, code), 1000).verdict, 'ok');
  assert.equal(
    rate(
      result('signed-in', 500, {
        ...code,
        latencyMs: { mean: 1, p50: 1, p90: 1, p99: 300, max: 400 },
      }),
      1000,
    ).verdict,
    'slow',
    'and still to the p99 limit',
  );
});

test('a public page with its own target, and a failing page whatever its speed', () => {
  assert.equal(rate(result('public', 450, { targetRatio: 0.4 }), 1000).verdict, 'ok');
  assert.equal(rate(result('public', 450), 1000).verdict, 'slow');
  assert.equal(rate(result('public', 5000, { checkStatus: 404 }), 1000).verdict, 'FAILED');
});
