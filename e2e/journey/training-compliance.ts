// Step 8 of the journey: the council's training rule and who has met it (per group, with the
// chart; a whip sees only their group), then the attendees' evaluations on their phones and
// the results, without names.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Journey } from './support.js';
import type { SessionRun } from './training-day.js';
import { GROUP_COURSE, type AgreedProgramme } from './training-state.js';
import { clickAndLoad } from '../pages/index.js';
import {
  CheckAnswersPage,
  EvaluationResultsPage,
  EvaluationStartPage,
  MyEvaluationsPage,
} from '../pages/evaluations-pages.js';
import { answerEvaluation } from '../pages/journey-training-pages.js';
import { GroupCompliancePage, TrainingCompliancePage } from '../pages/training-compliance-pages.js';
import { assertNoHorizontalScroll } from '../support/checks.js';

export const RULE = 'Code of conduct training before sitting on the Audit and Standards Committee';

/**
 * The Monitoring Officer makes the council's rule (members of the Audit and Standards
 * Committee must have done the code of conduct course before sitting) and reads the
 * compliance dashboard: the committee's members who came today are done, the others overdue.
 */
async function ruleAndDashboard(j: Journey, agreed: AgreedProgramme, run: SessionRun) {
  const mo = await j.as(j.mo);
  await mo.goto('/admin/training/rules');
  await j.axe(mo, 'the training rules, none yet');
  await clickAndLoad(mo, mo.getByRole('button', { name: 'Add a rule' }));
  await j.axe(mo, 'the new-rule form');
  await mo.getByLabel('Name of the rule').fill(RULE);
  await mo.getByLabel('Course topic').fill('code-of-conduct');
  await mo.getByLabel('Before sitting on a committee').check();
  await mo.locator('#committeeId').selectOption({ label: 'Audit and Standards Committee' });
  await clickAndLoad(mo, mo.getByRole('button', { name: 'Save the rule' }));
  assert.equal(new URL(mo.url()).pathname, '/admin/training/rules');
  assert.ok((await mo.locator('#rules').innerText()).includes(RULE));

  const compliance = await TrainingCompliancePage.open(mo);
  assert.ok(await compliance.chart.isVisible(), 'the chart is shown');
  // The groups with members on the committee, the day's group among them.
  const shown = await compliance.groupNames();
  assert.ok(shown.includes(agreed.today.group.name), shown.join(', '));
  for (const name of shown)
    assert.ok(
      j.groups.some((g) => g.name === name),
      name,
    );
  const outstanding = await compliance.outstanding.innerText();
  const declined = outstanding.split('\n').find((line) => line.includes(agreed.declined.name));
  assert.match(declined ?? '', /Overdue/, `${agreed.declined.name} is overdue`);
  const committeeDone = run.marked.filter((p) => p.id !== agreed.today.group.whip.id);
  assert.ok(committeeDone.length > 0, 'a committee member came today');
  for (const p of committeeDone) assert.ok(!outstanding.includes(p.name), `${p.name} is done`);
  await j.axe(mo, 'training compliance');
  await j.shot(mo, 'mo-training-compliance', { fullPage: true });
  await mo.goto('/dashboard');
  assert.match(
    await mo.locator('main').innerText(),
    /councillors? (is|are) overdue with training the council’s rules require/,
  );

  // A whip sees only their own group.
  const another = j.groups.find((g) => g !== agreed.today.group && shown.includes(g.name));
  for (const group of [agreed.today.group, ...(another ? [another] : [])]) {
    const whip = await j.as(group.whip);
    const mine = await GroupCompliancePage.open(whip);
    assert.deepEqual(await mine.groupNames(), [group.name]);
    if (group === agreed.today.group) {
      await j.axe(whip, 'a whip’s group compliance');
      await j.shot(whip, 'whip-group-compliance');
    }
  }
}

/**
 * Step 8. The rule and the compliance dashboard (above); then, once the day's session has
 * ended, the two members who answered the scenarios evaluate it on their phones, and the
 * Monitoring Officer reads the results, which name nobody.
 */
export async function evaluateAndCheckCompliance(
  j: Journey,
  agreed: AgreedProgramme,
  run: SessionRun,
): Promise<void> {
  await ruleAndDashboard(j, agreed, run);

  // Evaluations open when the session has ended (it was a short one).
  const wait = agreed.today.endsAt.getTime() + 1000 - Date.now();
  if (wait > 0) await sleep(wait);

  for (const [index, member] of run.answerers.entries()) {
    const page = await j.as(member, { phone: true });
    await page.goto('/dashboard');
    assert.match(
      await page.locator('main').innerText(),
      /1 session you attended waits for your evaluation/,
    );
    const mine = await MyEvaluationsPage.open(page);
    if (index === 0) await j.axe(page, 'my evaluations on a phone');
    await clickAndLoad(page, mine.evaluateLink(GROUP_COURSE));
    const start = await EvaluationStartPage.verifyOnPage(page);
    if (index === 0) await j.axe(page, 'the start of an evaluation');
    await start.start();
    await answerEvaluation(page, {
      rating: index === 0 ? '5 – Excellent' : '4 – Very good',
      comment:
        index === 0
          ? 'Working through the tickets dilemma with my own group made it stick.'
          : 'More time on the scenarios, please: they were the best part.',
      onQuestion: async (n) => {
        if (index !== 0 || n !== 1) return;
        await j.axe(page, 'an evaluation question on a phone');
        await assertNoHorizontalScroll(page, 375);
        await j.shot(page, 'member-evaluation-phone');
      },
    });
    const check = await CheckAnswersPage.verifyOnPage(page);
    if (index === 0) await j.axe(page, 'check your answers on a phone');
    await check.send();
    const sent = await MyEvaluationsPage.verifyOnPage(page);
    assert.match(await sent.successBanner.innerText(), /has been sent/);
  }

  const mo = await j.as(j.mo);
  await mo.goto(`/admin/sessions/${agreed.today.sessionId}/evaluations`);
  const results = await EvaluationResultsPage.verifyOnPage(
    mo,
    `${GROUP_COURSE} (${agreed.today.group.name})`,
  );
  assert.match((await results.counts()).join(' '), /^2 responses from \d+ attendees/);
  const text = await mo.locator('main').innerText();
  assert.ok(text.includes('made it stick'), 'the comments are shown');
  for (const member of run.answerers) assert.ok(!text.includes(member.name), 'no names');
  await j.axe(mo, 'a session’s evaluation results');
  await j.shot(mo, 'mo-evaluation-results', { fullPage: true });
}
