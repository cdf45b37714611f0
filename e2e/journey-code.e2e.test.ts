import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { todayInEngland } from '../src/db/current.js';
import { createCourse, createProgramme } from '../src/features/member-development/testing.js';
import {
  daysFromToday,
  decideAndAdopt,
  importCodeAndDraft,
  publishAgenda,
  signTheCode,
  writeReport,
  type CodeState,
  type MeetingState,
  type ReportState,
} from './journey/code-and-reports.js';
import { startJourney, type Journey } from './journey/support.js';

/**
 * Development harness for the journey's steps 1–5 (the lead moves these calls into
 * journey.e2e.test.ts). The draft programme is written straight into the tables here; in the
 * journey it is the one the Monitoring Officer drafts in the browser.
 */
describe('the journey, steps 1–5: the code and the report', () => {
  let journey: Journey;
  let code: CodeState;
  let report: ReportState;
  let meeting: MeetingState;

  before(async () => {
    journey = await startJourney();
  });

  after(async () => {
    await journey?.close();
  });

  test('1. the Monitoring Officer imports the code and drafts its revision', async () => {
    code = await importCodeAndDraft(journey);
  });

  test('2. the report is written, cleared and ready', async () => {
    const year = Number(todayInEngland().slice(0, 4));
    const programmeId = await createProgramme(journey.server.db, journey.authorityId, {
      title: `Member Development Training Programme ${year}/${String(year + 1).slice(2)}`,
      starts_on: daysFromToday(0),
      ends_on: daysFromToday(364),
    });
    await createCourse(journey.server.db, programmeId, { title: 'The code of conduct' });
    report = await writeReport(journey, code, programmeId);
  });

  test('3. the agenda is published and the public read the report', async () => {
    meeting = await publishAgenda(journey, report);
  });

  test('4. the committee agrees, full Council adopts, the code is in force', async () => {
    meeting = await decideAndAdopt(journey, meeting);
  });

  test('5. members sign the new code; the whip sees their group', async () => {
    await signTheCode(journey, meeting);
  });

  test('no page had a script error', () => {
    assert.deepEqual(journey.scriptErrors, []);
  });
});
