import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etagOf, ifNoneMatchMatches } from './http-cache.js';

test('the ETag is a quoted digest that changes with the body', () => {
  const etag = etagOf('{"persons":[]}');
  assert.match(etag, /^"[\w-]{43}"$/);
  assert.equal(etagOf('{"persons":[]}'), etag);
  assert.notEqual(etagOf('{"persons":[{}]}'), etag);
});

test('If-None-Match matches by weak comparison, in a list, or as *', () => {
  const etag = '"abc"';
  assert.equal(ifNoneMatchMatches(undefined, etag), false);
  assert.equal(ifNoneMatchMatches('', etag), false);
  assert.equal(ifNoneMatchMatches('"abc"', etag), true);
  assert.equal(ifNoneMatchMatches('W/"abc"', etag), true);
  assert.equal(ifNoneMatchMatches('"x", "abc"', etag), true);
  assert.equal(ifNoneMatchMatches(' * ', etag), true);
  assert.equal(ifNoneMatchMatches('"abcd"', etag), false);
  assert.equal(ifNoneMatchMatches('abc', etag), false);
});
