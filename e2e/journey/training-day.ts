// Step 7 of the journey: on the day, the facilitator takes attendance on a phone and runs two
// mini scenarios live; two members answer on their phones; the projector shows the tally.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey, Person } from './support.js';
import { GROUP_COURSE, type AgreedProgramme } from './training-state.js';
import { clickAndLoad } from '../pages/index.js';
import { addFacilitator, scrollToTop, tickParagraph } from '../pages/journey-training-pages.js';
import {
  JoinLivePage,
  LiveAnswerPage,
  LiveSessionPage,
  ProjectorPage,
} from '../pages/live-scenarios-pages.js';
import { ProgrammeRecordPage } from '../pages/programme-admin-pages.js';
import { ScenarioBankPage, ScenarioPage } from '../pages/scenario-bank-pages.js';
import { FacilitatingPage, SessionAttendancePage } from '../pages/training-attendance-pages.js';
import { assertNoHorizontalScroll } from '../support/checks.js';

/** Who came to the day's session, and how they were recorded. */
export interface SessionRun {
  /** the two members who answered the scenarios on their phones (and joined with the code) */
  answerers: Person[];
  /** marked on the register by the facilitator: the whip and the group's committee members */
  marked: { id: number; name: string }[];
  scenarios: string[];
}

interface Scenario {
  title: string;
  situation: string;
  topics: string[];
  /** the paragraphs to link, best first: a local addition if the code has one */
  words: RegExp[];
  acceptable: boolean;
  right: string;
  wrong: string;
  modelAnswer: string;
}

// Our own words: two short dilemmas for a group session.
const SCENARIOS: Scenario[] = [
  {
    title: 'Tickets to the final, from a firm bidding for a contract',
    situation:
      'A company that is tendering for the council’s waste contract offers a councillor two ' +
      'hospitality tickets to a cup final, worth about £180. The councillor sits on the ' +
      'committee that will award the contract.',
    topics: ['Gifts and hospitality', 'Interests'],
    words: [/lower amount|£25/i, /gift|hospitality/i],
    acceptable: false,
    right: 'Decline politely and tell the Monitoring Officer about the offer',
    wrong: 'Accept, and register the tickets within the deadline',
    modelAnswer:
      'Decline. Registering a gift does not cure the impression that a bidder is buying ' +
      'goodwill from someone who will decide the contract. Record the refused offer too.',
  },
  {
    title: 'A heated exchange with an officer after a planning meeting',
    situation:
      'After a long meeting a councillor tells a planning officer, in front of the public ' +
      'gallery, that the officer’s report was “lazy and biased”, and repeats it online that ' +
      'evening.',
    topics: ['Respect', 'Social media'],
    words: [/respect|courtesy|civil/i],
    acceptable: false,
    right:
      'Apologise to the officer and raise any concern about the report through the proper route',
    wrong: 'Leave the post up: councillors are entitled to criticise reports',
    modelAnswer:
      'Criticising a report is fair; attacking the officer who wrote it, in public and online, ' +
      'is not. Take the post down, apologise, and raise the concern with the head of planning.',
  },
];

/** The Monitoring Officer writes a scenario in the bank, linked to a paragraph of the code. */
async function writeScenario(j: Journey, page: Page, s: Scenario, first: boolean): Promise<void> {
  const bank = await ScenarioBankPage.open(page);
  if (first) await j.axe(page, 'the scenario bank, empty');
  const form = await bank.addScenario();
  await form.fill({
    title: s.title,
    situation: s.situation,
    topics: s.topics,
    acceptable: s.acceptable,
    choices: [
      { text: s.right, right: true, feedback: 'Yes: this protects you and the council.' },
      { text: s.wrong, right: false, feedback: 'Think about how it looks to the public.' },
    ],
    modelAnswer: s.modelAnswer,
    status: 'Published',
  });
  const paragraph = await tickParagraph(page, s.words);
  if (first) {
    await j.axe(page, 'the new-scenario form, filled in');
    await j.shot(page, 'mo-scenario-new');
  }
  await form.save();
  const scenario = await ScenarioPage.verifyOnPage(page, s.title);
  assert.match(await scenario.successBanner.innerText(), /Scenario added/);
  const number = /^\S+/.exec(paragraph)![0];
  assert.ok((await scenario.paragraphLinks.allInnerTexts()).some((t) => t.includes(number)));
  if (first) await j.axe(page, 'a scenario in the bank');
}

/** Open a scenario on the projector, have both members answer, show the tally, close it. */
async function runScenario(
  j: Journey,
  projector: Page,
  members: { person: Person; page: Page }[],
  s: Scenario,
  first: boolean,
  sessionId: number,
): Promise<void> {
  const live = await LiveSessionPage.verifyOnPage(projector);
  await live.openScenario(s.title);
  const screen = await ProjectorPage.verifyOnPage(projector, s.title);
  if (first) await j.axe(projector, 'the projector, taking answers');
  for (const [index, { page }] of members.entries()) {
    // The member looks again for the scenario now open.
    await page.goto(`/live/${sessionId}`);
    const answering = await LiveAnswerPage.verifyOnPage(page);
    if (first && index === 0) {
      await j.axe(page, 'a scenario to answer on a phone');
      await assertNoHorizontalScroll(page, 375);
      await j.shot(page, 'member-live-answer-phone');
    }
    // One member gets it right, the other is tempted by the wrong choice.
    await answering.answer({
      acceptable: index === 0 ? 'Not acceptable' : 'Acceptable',
      paragraphs: [],
      choice: index === 0 ? s.right : s.wrong,
    });
    await LiveAnswerPage.verifyOnPage(page);
    assert.match(await answering.successBanner.innerText(), /Answer saved/);
  }
  await projector.locator('[data-live-count]', { hasText: '2 answers' }).waitFor();
  await screen.moveOn('Show the tally');
  await screen.tally.waitFor();
  assert.equal(await screen.tallied('Acceptable or not?', 'Not acceptable'), '1');
  assert.equal(await screen.tallied('Acceptable or not?', 'Acceptable'), '1');
  assert.equal(await screen.tallied('What should the member do now?', s.right), '1');
  const content = await projector.content();
  for (const { person } of members) assert.ok(!content.includes(person.name), 'no names');
  if (first) {
    await j.axe(projector, 'the projector with the tally');
    await screen.tally.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await j.shot(projector, 'facilitator-live-tally');
  }
  await screen.moveOn('Show the model answer');
  await screen.modelAnswer.waitFor();
  await screen.moveOn('Close this scenario');
  await LiveSessionPage.verifyOnPage(projector);
}

/**
 * Step 7. The Monitoring Officer writes two scenarios in the bank and makes the facilitator
 * the day's session's facilitator; the facilitator, on a phone, makes the attendance code and
 * marks the whip and the group's committee members present; two members join with the code on
 * their phones (which records them as attending) and answer both scenarios while the
 * facilitator's projector shows the tally, without names.
 */
export async function runSessionOnTheDay(j: Journey, agreed: AgreedProgramme): Promise<SessionRun> {
  const { group, sessionId } = agreed.today;
  const mo = await j.as(j.mo);
  for (const [index, s] of SCENARIOS.entries()) await writeScenario(j, mo, s, index === 0);

  await mo.goto(`/admin/sessions/${sessionId}`);
  const session = await ProgrammeRecordPage.verifyOnPage(mo, new RegExp(`: ${group.name}$`));
  await addFacilitator(mo, j.facilitator.name, 'Trainer');
  assert.match(await session.successBanner.innerText(), /Facilitator added/);
  await j.axe(mo, 'the day’s session with its facilitator');

  // On the day: the facilitator's phone.
  const phone = await j.as(j.facilitator, { phone: true });
  const mine = await FacilitatingPage.open(phone);
  await j.axe(phone, 'the sessions a facilitator runs, on a phone');
  await clickAndLoad(phone, mine.takeAttendanceLink(GROUP_COURSE));
  let register = await SessionAttendancePage.verifyOnPage(phone);
  assert.equal(new URL(phone.url()).pathname, `/admin/sessions/${sessionId}/attendance`);
  if ((await register.code.count()) === 0) {
    // (the page object's button matches "Make a new code" only)
    await clickAndLoad(phone, phone.getByRole('button', { name: 'Make a code', exact: true }));
    register = await SessionAttendancePage.verifyOnPage(phone);
  }
  const code = (await register.code.innerText()).trim();
  assert.match(code, /^[A-Z0-9]{6}$/);

  const committee = await j.server.db
    .selectFrom('memberships as c')
    .innerJoin('memberships as g', 'g.person_id', 'c.person_id')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('c.organisation_id', '=', j.standardsCommitteeId)
    .where('g.organisation_id', '=', group.organisationId)
    .where('c.end_date', 'is', null)
    .where('g.end_date', 'is', null)
    .where('p.kind', '=', 'member')
    .execute();
  const onRegister = await register.names();
  const marked = [
    { id: group.whip.id, name: group.whip.name },
    ...committee.map((p) => ({ id: p.id, name: `${p.given_name} ${p.family_name}` })),
  ].filter(
    (p, i, all) =>
      all.findIndex((q) => q.id === p.id) === i &&
      onRegister.filter((n) => n === p.name).length === 1,
  );
  assert.ok(marked.length >= 1, 'someone to mark on the register');
  for (const p of marked) await register.mark(p.name, 'Attended');
  await register.save();
  register = await SessionAttendancePage.verifyOnPage(phone);
  assert.match(await register.successBanner.innerText(), /attendance was recorded/);
  await j.axe(phone, 'the register on a phone');
  await assertNoHorizontalScroll(phone, 375);
  await scrollToTop(phone, '#code');
  await j.shot(phone, 'facilitator-attendance-phone');

  // The projector in the room: the facilitator's laptop.
  const projector = await j.as(j.facilitator);
  await LiveSessionPage.open(projector, sessionId);
  await j.axe(projector, 'a session’s live scenarios');

  const members: { person: Person; page: Page }[] = [];
  for (const person of group.members.slice(0, 2)) {
    const page = await j.as(person, { phone: true });
    const join = await JoinLivePage.open(page);
    if (members.length === 0) await j.axe(page, 'joining a live session on a phone');
    await join.join(code.toLowerCase());
    await LiveAnswerPage.verifyOnPage(page);
    members.push({ person, page });
  }
  assert.equal(members.length, 2, 'two members of the group can sign in');
  for (const [index, s] of SCENARIOS.entries()) {
    await runScenario(j, projector, members, s, index === 0, sessionId);
  }
  const live = await LiveSessionPage.verifyOnPage(projector);
  assert.deepEqual((await live.pastTitles()).sort(), SCENARIOS.map((s) => s.title).sort());

  // Joining with the code recorded the two members as attending.
  const attended = await j.server.db
    .selectFrom('attendance')
    .select(['person_id', 'status'])
    .where('session_id', '=', sessionId)
    .execute();
  for (const { person } of members) {
    assert.ok(
      attended.some((a) => a.person_id === person.id && a.status === 'attended'),
      `${person.name} is recorded as attending`,
    );
  }
  return {
    answerers: members.map((m) => m.person),
    marked,
    scenarios: SCENARIOS.map((s) => s.title),
  };
}
