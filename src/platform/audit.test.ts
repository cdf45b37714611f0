import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffFields } from './audit.js';

test('only changed fields are recorded, with before and after', () => {
  const changes = diffFields(
    { name: 'A', ward: 'North', email: 'a@x' },
    { name: 'A', ward: 'South', email: null },
  );
  assert.deepEqual(changes, {
    ward: { before: 'North', after: 'South' },
    email: { before: 'a@x', after: null },
  });
});

test('a creation records the new values; secrets are never written', () => {
  const changes = diffFields(null, { email: 'b@x', password_hash: '$argon2id$secret' });
  assert.deepEqual(changes.email, { after: 'b@x' });
  assert.equal(changes.password_hash?.after, '(changed)');
  assert.doesNotMatch(JSON.stringify(changes), /argon2id/);
});

test('dates compare by value', () => {
  const d = new Date('2026-01-01T00:00:00Z');
  assert.deepEqual(diffFields({ at: d }, { at: new Date(d) }), {});
});
