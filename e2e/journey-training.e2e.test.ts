import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startJourney, type Journey } from './journey/support.js';
import {
  agreeSessionDates,
  draftProgramme,
  evaluateAndCheckCompliance,
  recordApproval,
  runSessionOnTheDay,
  type AgreedProgramme,
  type DraftProgramme,
  type SessionRun,
} from './journey/training.js';
import { createCodeVersion } from '../src/features/code-of-conduct/testing.js';
import { todayInLondon } from './pages/journey-training-pages.js';

/**
 * Development harness for the journey's training steps (the draft programme, then steps 6 to
 * 8). Steps 1 to 5 are stood in for: a code in force since today, and the programme's approval
 * recorded by the Monitoring Officer. The lead moves these calls into journey.e2e.test.ts.
 */
describe('the journey’s training steps (harness)', () => {
  let journey: Journey;
  let draft: DraftProgramme;
  let agreed: AgreedProgramme;
  let run: SessionRun;

  before(async () => {
    journey = await startJourney();
    await createCodeVersion(journey.server.db, {
      authorityId: journey.authorityId,
      status: 'in-force',
      inForceFrom: todayInLondon(),
    });
  });

  after(async () => {
    await journey?.close();
  });

  test('the Monitoring Officer drafts the year’s development programme', async () => {
    draft = await draftProgramme(journey);
    await recordApproval(journey, draft);
  });

  test('6. each group’s session date is agreed with its whip and invitations go out', async () => {
    agreed = await agreeSessionDates(journey, draft);
  });

  test('7. on the day: attendance on a phone and two scenarios answered live', async () => {
    run = await runSessionOnTheDay(journey, agreed);
  });

  test('8. compliance with the council’s rule, and the attendees’ evaluations', async () => {
    await evaluateAndCheckCompliance(journey, agreed, run);
  });

  test('no page had a script error', () => {
    assert.deepEqual(journey.scriptErrors, []);
  });
});
