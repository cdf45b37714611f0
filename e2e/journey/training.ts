// The journey's training steps: the Monitoring Officer drafts the year's development programme
// (used by step 2's report), then step 6 agrees each group's session with its whip, step 7
// runs one session on the day (attendance, live scenarios) and step 8 evaluates it and shows
// who has done the training the council's rule requires.
import assert from 'node:assert/strict';
import type { Journey } from './support.js';
import {
  ALL_MEMBERS_COURSE,
  GROUP_COURSE,
  idFrom,
  mainText,
  type DraftProgramme,
} from './training-state.js';
import { EvaluationQuestionsPage } from '../pages/evaluations-pages.js';
import { addDays, todayInLondon } from '../pages/journey-training-pages.js';
import {
  ProgrammeFormPage,
  ProgrammeRecordPage,
  ProgrammesPage,
} from '../pages/programme-admin-pages.js';

export {
  ALL_MEMBERS_COURSE,
  GROUP_COURSE,
  type AgreedProgramme,
  type DraftProgramme,
} from './training-state.js';
export { agreeSessionDates } from './training-dates.js';
export { runSessionOnTheDay, type SessionRun } from './training-day.js';
export { evaluateAndCheckCompliance } from './training-compliance.js';

/**
 * The Monitoring Officer drafts the year's Member Development Programme in the browser: a
 * mandatory code of conduct course for the political groups, with a session for each group
 * (dates still to be agreed with the whips) asking the standard evaluation questions, and a
 * briefing for all members on a set evening. The programme stays a draft: a committee approves
 * it (step 4), or, in the training harness, the officer records an approval.
 */
export async function draftProgramme(j: Journey): Promise<DraftProgramme> {
  const page = await j.as(j.mo);
  const today = todayInLondon();
  const year = Number(today.slice(0, 4));
  const programmeTitle = `Member Development Programme ${year}/${String(year + 1).slice(2)}`;

  const list = await ProgrammesPage.open(page);
  await j.axe(page, 'the programmes, none yet');
  await list.press('Add a programme');
  const form = await ProgrammeFormPage.verifyOnPage(page, 'New programme');
  await j.axe(page, 'the new-programme form');
  await page.getByLabel('Title').fill(programmeTitle);
  await form.fillDate('Start of the programme', today);
  await form.fillDate('End of the programme', addDays(addDays(today, 365), -1));
  await form.press('Save the programme');
  const programme = await ProgrammeRecordPage.verifyOnPage(page, programmeTitle);
  assert.match(await programme.successBanner.innerText(), /Programme added/);
  assert.match(await mainText(page), /Not yet approved/);
  const programmeId = idFrom(page, /^\/admin\/programmes\/(\d+)$/);

  // The course every group has, in the group's own room.
  await programme.follow('Add a course');
  const courseForm = await ProgrammeFormPage.verifyOnPage(page, 'New course');
  await j.axe(page, 'the new-course form');
  await page.getByLabel('Title').fill(GROUP_COURSE);
  await page
    .getByLabel('Purposes (optional)')
    .fill(
      'Know what the code asks of you, and what changed this year\n' +
        'Work through real dilemmas with colleagues you trust\n' +
        'Know who to ask before you act',
    );
  await page.getByLabel('Workshop').check();
  await page.getByLabel('Duration in minutes').fill('90');
  await page.getByLabel('Provider (optional)').fill('In-house: the Monitoring Officer');
  await page.getByLabel(/The members of one political group/).check();
  await page.getByLabel('Yes, it is required of its audience').check();
  await page.getByLabel('Topic key (optional)').fill('code-of-conduct');
  await courseForm.press('Save the course');
  const course = await ProgrammeRecordPage.verifyOnPage(page, GROUP_COURSE);
  assert.match(await course.successBanner.innerText(), /Course added/);
  await j.axe(page, 'the group course');
  const groupCourseId = idFrom(page, /^\/admin\/courses\/(\d+)$/);

  const groupSessions: DraftProgramme['groupSessions'] = [];
  for (const group of j.groups) {
    await course.follow('Add a session for a political group');
    const sessionForm = await ProgrammeFormPage.verifyOnPage(page, 'New session');
    if (groupSessions.length === 0) await j.axe(page, 'the new-session form for a group');
    await page.getByLabel('Political group').selectOption({ label: group.name });
    await page.getByLabel('Venue (optional)').fill('Group room, Civic Centre');
    await sessionForm.press('Save the session');
    await ProgrammeRecordPage.verifyOnPage(page, `${GROUP_COURSE}: ${group.name}`);
    assert.match(await mainText(page), /Date to be agreed|Not agreed/);
    if (groupSessions.length === 0) await j.axe(page, 'a group’s session, date to be agreed');
    groupSessions.push({ group, sessionId: idFrom(page, /^\/admin\/sessions\/(\d+)$/) });
    await page.goto(`/admin/courses/${groupCourseId}`);
  }

  // After each session, attendees are asked the standard evaluation questions.
  await course.follow('Evaluation questions asked after its sessions');
  const questions = await EvaluationQuestionsPage.verifyOnPage(page);
  await j.axe(page, 'the group course’s evaluation questions, none yet');
  await questions.useStandardQuestions();
  await EvaluationQuestionsPage.verifyOnPage(page);
  assert.equal((await questions.questions()).length, 5);

  // A briefing for every councillor, on an evening six weeks ahead.
  await page.goto(`/admin/programmes/${programmeId}`);
  await programme.follow('Add a course');
  await ProgrammeFormPage.verifyOnPage(page, 'New course');
  await page.getByLabel('Title').fill(ALL_MEMBERS_COURSE);
  await page
    .getByLabel('Purposes (optional)')
    .fill('Understand predetermination and bias\nKnow when to declare an interest');
  await page.getByLabel('Briefing').check();
  await page.getByLabel('Duration in minutes').fill('60');
  await page.getByLabel('Provider (optional)').fill('The Senior Solicitor');
  await page.getByLabel('All members of the council').check();
  await page.getByLabel('No, it is offered').check();
  await page.getByLabel('Topic key (optional)').fill('probity');
  await courseForm.press('Save the course');
  await ProgrammeRecordPage.verifyOnPage(page, ALL_MEMBERS_COURSE);
  const allMembersCourseId = idFrom(page, /^\/admin\/courses\/(\d+)$/);
  await course.follow('Add a session');
  const briefingForm = await ProgrammeFormPage.verifyOnPage(page, 'New session');
  await j.axe(page, 'the new-session form for all members');
  await briefingForm.fillDate(/Date of the session/, addDays(todayInLondon(), 42));
  await page.getByLabel(/Start time/).fill('18:00');
  await page.getByLabel('Venue (optional)').fill('Council Chamber, Civic Centre');
  await page.getByLabel('Capacity (optional)').fill('90');
  await briefingForm.press('Save the session');
  await ProgrammeRecordPage.verifyOnPage(page, ALL_MEMBERS_COURSE);
  const allMembersSessionId = idFrom(page, /^\/admin\/sessions\/(\d+)$/);
  assert.match(await mainText(page), /6:00pm to 7:00pm/);

  await page.goto(`/admin/programmes/${programmeId}`);
  await ProgrammeRecordPage.verifyOnPage(page, programmeTitle);
  const text = await mainText(page);
  assert.match(text, /Draft/);
  for (const group of j.groups) assert.ok(text.includes(`${group.name}: `), group.name);
  await j.axe(page, 'the draft programme');
  await j.shot(page, 'mo-programme-draft', { fullPage: true });
  return {
    programmeId,
    programmeTitle,
    groupCourseId,
    allMembersCourseId,
    allMembersSessionId,
    groupSessions,
  };
}

/**
 * For the training harness only, standing in for the committee's decision (steps 2 to 4): the
 * Monitoring Officer records the programme's approval with a reference.
 */
export async function recordApproval(j: Journey, programme: DraftProgramme): Promise<void> {
  const page = await j.as(j.mo);
  await page.goto(`/admin/programmes/${programme.programmeId}`);
  const record = await ProgrammeRecordPage.verifyOnPage(page, programme.programmeTitle);
  await record.press('Record the approval');
  const form = await ProgrammeFormPage.verifyOnPage(page, 'Record the approval');
  await form.fillDate('Date of the approval', todayInLondon());
  await page.getByLabel('Reference').fill('Audit and Standards Committee, minute 14');
  await form.press('Record the approval');
  await ProgrammeRecordPage.verifyOnPage(page, programme.programmeTitle);
}
