import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startJourney, type Journey } from './journey/support.js';

/**
 * The seed council's year, end to end, in one browser: every step is done by the person whose
 * job it is, checks what the next person sees, passes axe, and writes the user guide's
 * screenshots (docs/guide/images/). The council starts with its people and nothing else.
 */
describe('a council’s year in Probity, end to end', () => {
  let journey: Journey;

  before(async () => {
    journey = await startJourney();
  });

  after(async () => {
    await journey?.close();
  });

  test('every role can sign in', async () => {
    for (const person of [journey.mo, journey.legalOfficer, journey.groups[0]!.whip]) {
      const page = await journey.as(person);
      assert.match(await page.locator('h1').innerText(), /.+/);
    }
    assert.equal(journey.groups.length, 5);
  });

  test('no page had a script error', () => {
    assert.deepEqual(journey.scriptErrors, []);
  });
});
