// Step 1 of the journey: the code of conduct imported from Word and revised.
import assert from 'node:assert/strict';
import { todayInEngland } from '../../src/db/current.js';
import { buildDocx } from '../../src/features/code-import/test-support.js';
import { clickAndLoad, DashboardPage } from '../pages/index.js';
import { CodeImportPreviewPage } from '../pages/code-import-preview-page.js';
import { CodeImportUploadPage } from '../pages/code-import-upload-page.js';
import {
  CodeCouncilPage,
  CodeFormPage,
  CodeItemFormPage,
  CodeVersionPage,
} from '../pages/code-admin-forms.js';
import type { Journey } from './support.js';
import {
  CODE_TITLE,
  COMMITTEE,
  COUNCIL,
  daysFromToday,
  follow,
  REVISED_TITLE,
  scrollTo,
} from './code-and-reports-support.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The code the council has had for two years, as its Word file: a short code in the shape of the
 * model code, with two of the council's own additions in italics.
 */
export function currentCodeDocx(): Promise<Buffer> {
  return buildDocx([
    { title: CODE_TITLE },
    { heading: '1. Treating people with respect' },
    {
      text: '1.1\tYou are courteous to residents, other members and officers, even when you disagree with them.',
    },
    { text: '1.2\tYou challenge ideas and decisions, not the people who hold or make them.' },
    {
      text: '1.3\tYou answer letters and emails from residents of your ward within ten working days.',
      italic: true,
    },
    { heading: '2. Bullying, harassment and intimidation' },
    {
      text: '2.1\tYou do not bully anyone: no repeated behaviour meant to undermine, humiliate or frighten.',
    },
    {
      text: '2.2\tYou do not harass anyone or try to intimidate those who raise a concern about you.',
    },
    { heading: '3. Equality' },
    {
      text: '3.1\tYou do not treat anyone less favourably because of a protected characteristic, and you help the council meet its equality duties.',
    },
    { heading: '4. Confidentiality and access to information' },
    {
      text: '4.1\tYou keep confidential what you are told in confidence, unless the law requires or allows you to share it.',
    },
    { text: '4.2\tYou do not stop anyone seeing information they are entitled to see.' },
    { heading: '5. The council’s reputation' },
    {
      text: '5.1\tYou do not act in a way a reasonable person would think brings your office or the council into disrepute.',
    },
    { heading: '6. Using your position' },
    {
      text: '6.1\tYou do not use your position as a member to gain an advantage, or cause a disadvantage, for yourself or anyone else.',
    },
    { heading: '7. Council resources and facilities' },
    {
      text: '7.1\tYou use the council’s money, equipment and staff time only for council business and as its rules allow.',
    },
    {
      text: '7.2\tYou do not use council rooms, email or social media accounts for party campaigning.',
      italic: true,
    },
    { heading: '8. Registering and declaring interests' },
    {
      text: '8.1\tYou register your interests within 28 days of taking office and keep the register up to date.',
    },
    {
      text: '8.2\tYou declare an interest at a meeting when an item touches it, and leave the room when the code says you must.',
    },
    { heading: '9. Gifts and hospitality' },
    {
      text: '9.1\tYou register with the Monitoring Officer, within 28 days, any gift or hospitality worth £50 or more that you receive as a member.',
    },
    {
      text: '9.2\tYou also register any significant offer of a gift or hospitality that you turned down.',
    },
    {
      text: '9.3\tYou never accept a gift or hospitality that could look like a reward for a decision.',
    },
    { heading: 'Appendix A: The principles of public life' },
    {
      text: 'Members act selflessly, with integrity and objectivity; they are accountable, open and honest, and they lead by example.',
    },
  ]);
}

export interface CodeState {
  /** the imported code, recorded as in force since two years ago (version 1) */
  inForceVersionId: number;
  /** the revised draft with the local additions and the £25 threshold (version 2) */
  draftVersionId: number;
  draftVersionNumber: number;
}

/**
 * Step 1. The Monitoring Officer imports the council's code from Word, records it as the code
 * already in force (agreed and adopted two years ago), records this year's review, which starts
 * a new draft, and adds local additions to it: one lowers the gifts threshold to £25.
 */
export async function importCodeAndDraft(j: Journey): Promise<CodeState> {
  const page = await j.as(j.mo);

  const upload = await CodeImportUploadPage.open(page, j.slug);
  await j.axe(page, 'the code import page');
  await upload.upload(
    { name: 'Members code of conduct.docx', mimeType: DOCX, content: await currentCodeDocx() },
    CODE_TITLE,
  );
  const preview = await CodeImportPreviewPage.verifyOnPage(page);
  const summary = await preview.summaryLines();
  for (const line of ['9 sections', '18 paragraphs', '1 appendix', '2 local additions'])
    assert.ok(summary.includes(line), `the preview says ${line}: ${summary.join(', ')}`);
  await j.axe(page, 'the code import preview');
  await j.shot(page, 'mo-code-import-preview');
  await preview.createDraft();
  let version = await CodeVersionPage.verifyOnPage(page);
  const inForceVersionId = Number(/\/admin\/code\/versions\/(\d+)$/.exec(page.url())?.[1]);
  assert.ok(inForceVersionId > 0, `the draft's page: ${page.url()}`);
  assert.equal((await version.status.innerText()).trim(), 'Draft');
  await j.axe(page, 'the imported draft');

  // The council has had this code for two years: record its agreement and adoption then.
  await version.step('Record agreement by committee');
  let form = await CodeFormPage.verifyOnPage(page, 'Record agreement by committee');
  await j.axe(page, 'the agreement form');
  await form.date('agreedDate', daysFromToday(-740));
  await form.field('organisationId').selectOption({ label: COMMITTEE });
  await form.field('agreedMinute').fill(`ASC/${daysFromToday(-740).slice(0, 4)}/18`);
  await form.press('Record the agreement');
  version = await CodeVersionPage.verifyOnPage(page);
  assert.equal((await version.status.innerText()).trim(), 'Agreed by committee');

  await version.step('Record adoption by full Council');
  form = await CodeFormPage.verifyOnPage(page, 'Record adoption by full Council');
  await j.axe(page, 'the adoption form');
  await form.date('adoptedDate', daysFromToday(-720));
  await form.field('adoptedMinute').fill(`C/${daysFromToday(-720).slice(0, 4)}/42`);
  await form.date('inForceDate', daysFromToday(-710));
  await form.press('Record the adoption');
  version = await CodeVersionPage.verifyOnPage(page);
  assert.equal((await version.status.innerText()).trim(), 'In force');
  await j.axe(page, 'the imported code in force');

  // In force for two years with no review: the dashboard says a review is due.
  await page.goto(DashboardPage.path);
  await DashboardPage.verifyOnPage(page);
  const due = page.locator('main').getByText(/is due for its annual review/);
  assert.match(await due.innerText(), /in force since .* and not reviewed since/);
  await j.axe(page, 'the Monitoring Officer’s dashboard with a review due');
  await scrollTo(due, 'center');
  await j.shot(page, 'mo-dashboard-review-due');
  await follow(page, `Record the review of ${COUNCIL}’s code`);
  const council = await CodeCouncilPage.verifyOnPage(page);
  await j.axe(page, 'the council’s code page');
  await council.recordReview(
    todayInEngland(),
    'Start a new draft from the code in force',
    'The annual review: tighten the rules on gifts and on members’ conduct online.',
  );
  version = await CodeVersionPage.verifyOnPage(page);
  const draftVersionId = Number(/\/admin\/code\/versions\/(\d+)$/.exec(page.url())?.[1]);
  assert.notEqual(draftVersionId, inForceVersionId);
  assert.equal((await version.status.innerText()).trim(), 'Draft');
  assert.equal((await version.outline()).length, 28, 'a copy of the code in force');

  // Local additions, through the editor.
  const insertLocal = async (after: string, text: string) => {
    await version.act('Insert after', after);
    const item = await CodeItemFormPage.verifyOnPage(page);
    await item.fill({ kind: 'Paragraph', text, local: true });
    await item.save();
    version = await CodeVersionPage.verifyOnPage(page);
  };
  await version.act('Insert after', 'paragraph 2.2');
  const itemForm = await CodeItemFormPage.verifyOnPage(page);
  await j.axe(page, 'the editor’s insert form');
  await itemForm.fill({
    kind: 'Paragraph',
    text: 'Online, you do not post or share anything about another member or an officer that you would not say to them face to face at a meeting.',
    local: true,
  });
  await j.shot(page, 'mo-code-add-local-addition');
  await itemForm.save();
  version = await CodeVersionPage.verifyOnPage(page);
  await insertLocal(
    'paragraph 9.1',
    'Demo City Council has set a lower amount than the model code: you register any gift or hospitality worth £25 or more, within 28 days, and paragraph 9.1 is read with £25 in place of £50.',
  );
  const outline = await version.outline();
  assert.ok(
    outline.includes(
      '2.3 Online, you do not post or share anything about another member or an officer that you would not say to them face to face at a meeting. [Local addition]',
    ),
    outline.join('\n'),
  );
  assert.ok(
    outline.some((line) =>
      /^9\.2 Demo City Council has set a lower amount.*£25.*\[Local addition\]$/.test(line),
    ),
    outline.join('\n'),
  );

  // The version's own setting, which the gifts register and reminders read.
  await clickAndLoad(
    page,
    page.getByRole('link', { name: /^Change the title, summary and settings/ }),
  );
  form = await CodeFormPage.verifyOnPage(page, 'Title, summary and settings');
  await j.axe(page, 'the settings form');
  await form.field('title').fill(REVISED_TITLE);
  await form
    .field('changeSummary')
    .fill('Gifts and hospitality threshold lowered to £25; a new rule on conduct online.');
  await form.field('giftsThreshold').fill('25');
  await form.press('Save the settings');
  version = await CodeVersionPage.verifyOnPage(page);
  const threshold = page
    .locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: /^\s*Gifts and hospitality threshold\s*$/ }) })
    .locator('dd');
  assert.equal((await threshold.innerText()).trim(), '£25');
  await j.axe(page, 'the revised draft');
  await scrollTo(page.locator('#items tbody tr').filter({ hasText: 'Gifts and hospitality' }));
  await j.shot(page, 'mo-code-draft-local-additions');

  const row = await j.server.db
    .selectFrom('code_versions')
    .select(['number', 'status', 'gifts_threshold_pence', 'based_on_version_id'])
    .where('id', '=', draftVersionId)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'draft');
  assert.equal(row.gifts_threshold_pence, 2500);
  assert.equal(row.based_on_version_id, inForceVersionId);
  return { inForceVersionId, draftVersionId, draftVersionNumber: row.number };
}
