import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPopoloValidator } from './schema-validator.js';

// The export's integration test trusts this validator, so check that it can say no.
test('the Popolo schemas reject what they should, across $refs and draft-03 required', () => {
  const { errorsOf } = loadPopoloValidator();
  assert.deepEqual(errorsOf('person', { id: 'person/1', name: 'A Person' }), []);
  assert.deepEqual(errorsOf('person', { id: 1 }), ['instance.id is not of a type(s) string,null']);
  assert.match(errorsOf('person', { email: 'not an address' }).join(), /"email" format/);
  assert.match(
    errorsOf('membership', { start_date: '3 May 2018' }).join(),
    /start_date does not match pattern/,
  );
  assert.deepEqual(errorsOf('person', { memberships: [{ person: { identifiers: [{}] } }] }), [
    'instance.memberships[0].person.identifiers[0].identifier is required',
  ]);
  assert.deepEqual(errorsOf('identifier', { scheme: 'gss' }), ['instance.identifier is required']);
});
