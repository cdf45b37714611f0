import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeItem } from '../code-of-conduct/index.js';
import { codeAppendixView } from './code-appendix-view.js';

const version = {
  number: 4,
  title: 'Members’ Code 2027',
  status: 'draft' as const,
  authorityName: 'Uxley Borough Council',
  agreed_on: null,
  adopted_on: null,
  adopted_minute: null,
  in_force_from: null,
  superseded_on: null,
  gifts_threshold_pence: 2550,
  gifts_registration_days: 1,
  register_refused_offers: false,
  training_required: true,
};

let nextId = 1;
const item = (over: Partial<CodeItem>): CodeItem =>
  ({
    id: nextId++,
    version_id: 1,
    position: nextId,
    kind: 'paragraph',
    depth: 1,
    number: '1.1',
    anchor: 'para-1-1',
    heading: null,
    body: null,
    origin: 'model',
    lineage: null,
    ...over,
  }) as CodeItem;

const items = [
  item({ kind: 'section', depth: 0, number: '1', anchor: 'section-1', heading: 'Respect' }),
  item({ body: 'Be courteous.\n\n  Listen first.  ' }),
  item({ number: '1.1(a)', anchor: 'para-1-1-a', depth: 2, body: 'Even online.', origin: 'local' }),
  item({ kind: 'appendix', depth: 0, number: 'A', anchor: 'appendix-a', heading: 'Principles' }),
];

test('a draft version: status in words, settings, items numbered with local additions marked', () => {
  const view = codeAppendixView(version, items);
  assert.equal(view.title, 'Members’ Code 2027 (version 4)');
  assert.deepEqual(view.facts, [
    { label: 'Code of conduct', value: 'Uxley Borough Council: Members’ Code 2027' },
    { label: 'Version', value: '4' },
    { label: 'Status', value: 'Draft: proposed to the committee, not yet agreed or adopted' },
  ]);
  assert.equal(view.settings[0]!.value.slice(0, 7), '£25.50:');
  assert.equal(view.settings[1]!.value, '1 day from receiving it');
  assert.equal(view.changes, null);
  assert.deepEqual(
    view.items.map((i) => [i.label, i.local, i.heading, i.lines, i.change]),
    [
      ['1', false, 'Respect', [], null],
      ['1.1', false, null, ['Be courteous.', 'Listen first.'], null],
      ['1.1(a)', true, null, ['Even online.'], null],
      ['Appendix A', false, 'Principles', [], null],
    ],
  );
  assert.equal(view.localLabel, 'Local addition');
});

test('an agreed version says when the committee agreed it', () => {
  const view = codeAppendixView({ ...version, status: 'agreed', agreed_on: '2027-03-02' }, []);
  assert.equal(
    view.facts[2]!.value,
    'Agreed by committee on 2 March 2027, not yet adopted by full Council',
  );
});

test('a comparison marks new and changed items and counts what was removed', () => {
  const from = { number: 3, title: 'Members’ Code 2024', status: 'in-force' as const };
  const marks = new Map<number, 'New' | 'Changed'>([
    [items[1]!.id, 'Changed'],
    [items[2]!.id, 'New'],
  ]);
  const view = codeAppendixView(version, items, { from, marks, removed: ['2.3', 'Appendix B'] });
  assert.deepEqual(
    view.items.map((i) => i.change),
    [null, 'Changed', 'New', null],
  );
  assert.deepEqual(view.changes, {
    summary:
      'Compared with version 3 (Members’ Code 2024): 1 item new, 1 item changed, 2 items removed. New and changed items are marked below.',
    removed: ['2.3', 'Appendix B'],
  });
  const same = codeAppendixView(version, items, { from, marks: new Map(), removed: [] });
  assert.equal(same.changes?.summary, 'The text is the same as version 3 (Members’ Code 2024).');
});
