import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
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
import {
  agreeSessionDates,
  draftProgramme,
  evaluateAndCheckCompliance,
  runSessionOnTheDay,
  type AgreedProgramme,
  type DraftProgramme,
  type SessionRun,
} from './journey/training.js';

/**
 * The seed council's year, end to end, in one browser: every step is done by the person whose
 * job it is, checks what the next person sees (dashboards, banners, the outbox), passes axe,
 * and writes the user guide's pictures (docs/guide/images/). The council starts with its people
 * and nothing else; every other record is made through the pages. Each step needs the one
 * before it, so after a failure the later steps fail too.
 */
describe('a council’s year in Probity, end to end', () => {
  let journey: Journey;
  let code: CodeState;
  let programme: DraftProgramme;
  let report: ReportState;
  let meeting: MeetingState;
  let agreed: AgreedProgramme;
  let run: SessionRun;

  before(async () => {
    journey = await startJourney();
  });

  after(async () => {
    await journey?.close();
  });

  test('1. the Monitoring Officer imports the code from Word and drafts its revision', async () => {
    code = await importCodeAndDraft(journey);
  });

  test('2. the report recommends the code and the programme, both attached, and is cleared', async () => {
    programme = await draftProgramme(journey);
    report = await writeReport(journey, code, programme.programmeId);
  });

  test('3. Democratic Services publish the agenda; the public read the report', async () => {
    meeting = await publishAgenda(journey, report);
  });

  test('4. the committee agrees both; full Council adopts the code; it is in force', async () => {
    meeting = await decideAndAdopt(journey, meeting);
  });

  test('5. every member must sign; a member signs; the whip sees their group', async () => {
    await signTheCode(journey, meeting);
  });

  test('6. the approved programme’s group sessions are agreed with the whips; invitations go out', async () => {
    agreed = await agreeSessionDates(journey, programme);
  });

  test('7. on the day: attendance on a phone, two mini scenarios answered live', async () => {
    run = await runSessionOnTheDay(journey, agreed);
  });

  test('8. attendees evaluate; the compliance dashboard shows who is done and who is overdue', async () => {
    await evaluateAndCheckCompliance(journey, agreed, run);
  });

  test('no page had a script error', () => {
    assert.deepEqual(journey.scriptErrors, []);
  });
});
