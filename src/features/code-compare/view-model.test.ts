import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeItem, CodeVersion } from '../code-of-conduct/index.js';
import { compareVersions } from './compare.js';
import { BASE, para, version } from './test-items.js';
import { comparisonView, type ComparisonLinks } from './view-model.js';

const versionRow = (number: number, status: CodeVersion['status']) =>
  ({ id: number * 10, number, status, title: `Code <${number}>` }) as unknown as CodeVersion;
const links: ComparisonLinks = {
  breadcrumbs: [],
  caption: 'Test Council: code of conduct',
  versionHref: (v) => `/code/test/${v.number}`,
  showAllHref: '/all',
  hideUnchangedHref: '/some',
  chooseHref: '/choose',
};
const asItems = (items: ReturnType<typeof version>) =>
  items.map((item, position) => ({ ...item, id: position, version_id: 1, position }) as CodeItem);

test('the view shows changes only, says how many are hidden, and escapes titles', () => {
  const after = BASE.map((d) =>
    d.lineage === 'p12' ? para('Do not bully or <em>harass</em> anyone.', 'p12') : d,
  ).filter((d) => d.lineage !== 'p11');
  const comparison = compareVersions(asItems(version(...BASE)), asItems(version(...after)));
  const view = comparisonView(
    { from: versionRow(1, 'superseded'), to: versionRow(2, 'in-force'), comparison },
    false,
    links,
  );
  assert.equal(view.heading, 'Changes from version 1 to version 2');
  assert.match(view.versionRows[0]!.value.html, /Code &lt;1&gt;/);
  assert.deepEqual(
    view.rows.map((r) => r.titleHtml.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')),
    ['Paragraph 1.1 in version 1', 'Paragraph 1.2 in version 1 → becomes 1.1 in version 2'],
  );
  assert.doesNotMatch(view.rows[1]!.textHtml, /<\/?em>/);
  assert.match(view.rows[1]!.textHtml, /&lt;em&gt;.*harass.*&lt;\/em&gt;/);
  assert.equal(
    view.hiddenText,
    '5 unchanged paragraphs and headings are not shown (1 of them only renumbered).',
  );
  assert.equal(view.noChanges, false);
  const all = comparisonView(
    { from: versionRow(1, 'superseded'), to: versionRow(2, 'in-force'), comparison },
    true,
    links,
  );
  assert.equal(all.rows.length, 7);
  assert.equal(all.hiddenText, null);
});

test('a local addition is labelled in words and set in italics', () => {
  const local = [...BASE, para('Our own rule.', 'own', { local: true })];
  const comparison = compareVersions(asItems(version(...BASE)), asItems(version(...local)));
  const view = comparisonView(
    { from: versionRow(1, 'in-force'), to: versionRow(2, 'draft'), comparison },
    false,
    links,
  );
  assert.equal(view.rows.length, 1);
  assert.deepEqual(view.rows[0]!.notes, ['Local addition']);
  assert.match(view.rows[0]!.textHtml, /probity-compare__text--local">Our own rule\.<\/p>/);
  assert.match(view.rows[0]!.tagsHtml, />Added</);
});
