import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearanceSnapshot, snapshotDigest } from '../reports/index.js';
import { readinessProblems } from './rules.js';
import { BODY, implication, testDocument } from './test-document.js';
import type { ActiveImplicationType, ReadinessProblem } from './types.js';

const financial: ActiveImplicationType = {
  typeId: 10,
  key: 'financial',
  label: 'financial implications',
  needsClearance: false,
  clearance: null,
};

const rules = (problems: ReadinessProblem[]) => problems.map((p) => p.rule);

test('a complete report is ready: no problems', () => {
  assert.deepEqual(
    readinessProblems({ doc: testDocument(), types: [financial], houseStyleWords: [] }),
    [],
  );
});

test('an active implication type with no answer (no row, or a row without an answer) is a problem', () => {
  const noRow = readinessProblems({
    doc: testDocument({ implications: [] }),
    types: [financial],
    houseStyleWords: [],
  });
  assert.deepEqual(noRow, [
    {
      rule: 'implication-unanswered',
      message: 'financial implications: answer yes or no',
      href: '/admin/reports/7/implications#financial',
    },
  ]);
  const noAnswer = testDocument({ implications: [implication(1, 'financial', null)] });
  assert.deepEqual(
    rules(readinessProblems({ doc: noAnswer, types: [financial], houseStyleWords: [] })),
    ['implication-unanswered'],
  );
});

test('a yes needs a statement; a no may stand alone or give a short reason', () => {
  const yesBare = testDocument({ implications: [implication(1, 'financial', 'yes', '  ')] });
  assert.deepEqual(
    rules(readinessProblems({ doc: yesBare, types: [financial], houseStyleWords: [] })),
    ['implication-statement'],
  );
  const yesSaid = testDocument({
    implications: [
      implication(
        1,
        'financial',
        'yes',
        'The training costs £2,000, met from the existing budget.',
      ),
    ],
  });
  assert.deepEqual(
    readinessProblems({ doc: yesSaid, types: [financial], houseStyleWords: [] }),
    [],
  );
  const noReason = testDocument({
    implications: [implication(1, 'financial', 'no', 'No costs arise.')],
  });
  assert.deepEqual(
    readinessProblems({ doc: noReason, types: [financial], houseStyleWords: [] }),
    [],
  );
});

test('a type that needs clearance: missing, pending, returned and stale clearances are problems; a current one is not', () => {
  const doc = testDocument({
    implications: [implication(1, 'legal', 'yes', 'The council may adopt a code.', true)],
  });
  const legal = (clearance: ActiveImplicationType['clearance']): ActiveImplicationType => ({
    typeId: 10,
    key: 'legal',
    label: 'legal implications',
    needsClearance: true,
    clearance,
  });
  const check = (clearance: ActiveImplicationType['clearance']) =>
    readinessProblems({ doc, types: [legal(clearance)], houseStyleWords: [] });
  const digest = snapshotDigest(clearanceSnapshot(doc, 1)!);
  assert.deepEqual(rules(check(null)), ['clearance-missing']);
  assert.deepEqual(rules(check({ status: 'pending', digest })), ['clearance-pending']);
  assert.deepEqual(rules(check({ status: 'returned', digest })), ['clearance-returned']);
  assert.deepEqual(check({ status: 'cleared', digest }), []);
  assert.equal(check(null)[0]!.href, '/admin/reports/7/checklist#legal');
  const edited = testDocument({
    implications: [implication(1, 'legal', 'yes', 'The council may adopt a code.', true)],
    report: { summary: 'A different summary.' },
  });
  assert.deepEqual(
    rules(
      readinessProblems({
        doc: edited,
        types: [legal({ status: 'cleared', digest })],
        houseStyleWords: [],
      }),
    ),
    ['clearance-stale'],
  );
});

test('a retired type (not among the active types) is not asked for', () => {
  const doc = testDocument({
    implications: [implication(1, 'financial', 'no'), implication(2, 'old', null)],
  });
  assert.deepEqual(readinessProblems({ doc, types: [financial], houseStyleWords: [] }), []);
});

test('author, report date, report of and recommendations are required', () => {
  const doc = testDocument({
    authors: [],
    report: { report_date: null, report_of: ' ' },
    recommendations: [],
    body: BODY.slice(0, 5),
  });
  const problems = readinessProblems({ doc, types: [financial], houseStyleWords: [] });
  assert.deepEqual(rules(problems), ['author', 'report-date', 'report-of', 'recommendations']);
  assert.equal(problems[1]!.href, '/admin/reports/7/edit#report_date');
});

test('the recommendations section must match the recommendations, ignoring case, spacing, full stops and the usual opening', () => {
  const loose = BODY.map((item, k) =>
    k === 6 ? { ...item, body: 'agree  the updated MEMBERS’ code of conduct' } : item,
  );
  assert.deepEqual(
    readinessProblems({
      doc: testDocument({ body: loose }),
      types: [financial],
      houseStyleWords: [],
    }),
    [],
  );
  const differs = BODY.map((item, k) =>
    k === 7 ? { ...item, body: 'The Committee is asked to note the training programme.' } : item,
  );
  const problems = readinessProblems({
    doc: testDocument({ body: differs }),
    types: [financial],
    houseStyleWords: [],
  });
  assert.deepEqual(problems, [
    {
      rule: 'recommendations-match',
      message: 'Paragraph 3.2 does not say the same as recommendation 2',
      href: '/admin/reports/7#para-3-2',
    },
  ]);
  const fewer = readinessProblems({
    doc: testDocument({ body: BODY.slice(0, 7) }),
    types: [financial],
    houseStyleWords: [],
  });
  assert.deepEqual(rules(fewer), ['recommendations-match']);
  assert.match(fewer[0]!.message, /Section 3\.0 has 1 paragraph but there are 2 recommendations/);
});

test('without a section headed Recommendations there is nothing to compare', () => {
  const doc = testDocument({
    body: BODY.slice(0, 5),
    recommendations: ['Something else entirely'],
  });
  assert.deepEqual(readinessProblems({ doc, types: [financial], houseStyleWords: [] }), []);
});

test('a stored number that is not the number the order gives is a gap', () => {
  const doc = testDocument();
  doc.items[4] = { ...doc.items[4]!, number: '2.1.2' };
  const problems = readinessProblems({ doc, types: [financial], houseStyleWords: [] });
  assert.deepEqual(problems, [
    {
      rule: 'numbering',
      message: 'Paragraph numbered 2.1.2 should be 2.1.1: the body’s numbering has a gap',
      href: '/admin/reports/7#para-2-1-2',
    },
  ]);
});

test('placeholders are found in every text, with where they are', () => {
  const doc = testDocument({
    report: { title: 'Code TBC', background_papers: 'Report of [date]' },
    implications: [implication(1, 'financial', 'yes', 'YES/NO - cleared by')],
    body: BODY.map((item, k) =>
      k === 3
        ? { ...item, body: 'Approved at its meeting in (November/December 2020?) by xx.' }
        : item,
    ),
  });
  const problems = readinessProblems({ doc, types: [financial], houseStyleWords: [] });
  assert.deepEqual(
    problems.map((p) => p.message),
    [
      'Title: fill in “TBC”',
      'Paragraph 2.1: fill in “(November/December 2020?)”, “xx”',
      'financial implications: statement: fill in “YES/NO”',
      'Background papers: fill in “[date]”',
    ],
  );
  assert.equal(problems[1]!.href, '/admin/reports/7#para-2-1');
});

test('house style: confused words and the council’s own words are found with their advice', () => {
  const doc = testDocument({
    body: BODY.map((item, k) =>
      k === 1
        ? {
            ...item,
            body: 'The LGA code strengthens best practise, with a complimentary training schedule for officers.',
          }
        : item,
    ),
  });
  const problems = readinessProblems({
    doc,
    types: [financial],
    houseStyleWords: [
      { pattern: 'LGA', advice: 'Write Local Government Association in full the first time.' },
    ],
  });
  assert.deepEqual(rules(problems), ['house-style', 'house-style', 'house-style']);
  assert.match(problems[0]!.message, /^Paragraph 1\.1: “best practise”\. 'Practise' is the verb/);
  assert.match(problems[1]!.message, /“complimentary training”/);
  assert.match(problems[2]!.message, /“LGA”\. Write Local Government Association/);
  assert.deepEqual(
    readinessProblems({
      doc: testDocument(),
      types: [financial],
      houseStyleWords: [{ pattern: 'LGAs', advice: 'x' }],
    }),
    [],
  );
});
