import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

test('defaults give a working local configuration', () => {
  const config = loadConfig({});
  assert.equal(config.PORT, 3000);
  assert.equal(config.DATABASE_URL, undefined);
  assert.equal(config.PROBITY_DEMO, true);
  assert.equal(config.baseUrl, 'http://localhost:3000');
  assert.match(config.dataDir, /data$/);
});

test('a bad value stops start-up with a message naming the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COUNCIL_BRAND_COLOUR: 'blue' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PORT/);
      assert.match(error.message, /DATABASE_URL: must start with postgres/);
      assert.match(error.message, /COUNCIL_BRAND_COLOUR: must be a colour/);
      return true;
    },
  );
});

test('values are parsed into their types', () => {
  const config = loadConfig({
    PORT: '8080',
    PROBITY_DEMO: 'false',
    TRUST_PROXY: 'yes',
    SESSION_IDLE_MINUTES: '45',
  });
  assert.equal(config.PORT, 8080);
  assert.equal(config.PROBITY_DEMO, false);
  assert.equal(config.TRUST_PROXY, true);
  assert.equal(config.SESSION_IDLE_MINUTES, 45);
});
