import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createViewEnvironment } from './views.js';

test('trim keeps safe HTML safe and escapes plain text', () => {
  const env = createViewEnvironment({ watch: false });
  assert.equal(env.renderString('{{ "  <b>x</b>  " | safe | trim }}', {}), '<b>x</b>');
  assert.equal(env.renderString('{{ "  <b>x</b>  " | trim }}', {}), '&lt;b&gt;x&lt;/b&gt;');
});
