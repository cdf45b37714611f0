import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planImport } from './plan.js';
import type { RawRow } from './rows.js';
import type { MembershipState, PersonState, Snapshot } from './snapshot.js';

const TODAY = '2026-11-22';

/** Testshire: wards North (2 seats: posts 11, 12) and South (1 seat: post 21); Red and Blue. */
function snapshot(extra: Partial<Snapshot> = {}): Snapshot {
  return {
    authorities: [
      { id: 1, slug: 'testshire', name: 'Testshire Council', councilId: 100 },
      { id: 2, slug: 'otherton', name: 'Otherton Council', councilId: 200 },
    ],
    wards: [
      { id: 10, authorityId: 1, name: 'North' },
      { id: 20, authorityId: 1, name: 'South' },
    ],
    groups: [
      { id: 300, authorityId: 1, name: 'Red' },
      { id: 301, authorityId: 1, name: 'Blue' },
    ],
    posts: [
      { id: 11, organisationId: 100, areaId: 10 },
      { id: 12, organisationId: 100, areaId: 10 },
      { id: 21, organisationId: 100, areaId: 20 },
    ],
    postHolds: [],
    people: [],
    seats: [],
    groupMemberships: [],
    ...extra,
  };
}

let rowNumber = 1;
function row(cells: Partial<Record<string, string>>): RawRow {
  rowNumber += 1;
  return {
    rowNumber,
    cells: {
      givenName: 'Ada',
      familyName: 'Quill',
      email: `ada${rowNumber}@example.org`,
      ward: 'North',
      group: 'Red',
      electionDate: '2024-05-02',
      termEnd: '2028-05-04',
      authority: 'testshire',
      ...cells,
    },
  };
}

const plan = (rows: RawRow[], state: Snapshot = snapshot()) =>
  planImport({ rows, labels: {} }, state, TODAY);

const ada: PersonState = {
  id: 7,
  authorityId: 1,
  givenName: 'Ada',
  familyName: 'Quill',
  email: 'ada@example.org',
  externalId: 'M7',
  kind: 'member',
  hasMemberRole: true,
};
const adaSeat: MembershipState = {
  id: 70,
  personId: 7,
  organisationId: 100,
  postId: 11,
  areaId: 10,
  startDate: '2024-05-02',
  endDate: null,
  termEndsOn: '2028-05-04',
};
const adaGroup: MembershipState = {
  id: 71,
  personId: 7,
  organisationId: 300,
  postId: null,
  areaId: null,
  startDate: '2024-05-02',
  endDate: null,
  termEndsOn: null,
};
const withAda = (extra: Partial<Snapshot> = {}) =>
  snapshot({
    people: [ada],
    seats: [adaSeat],
    groupMemberships: [adaGroup],
    postHolds: [{ membershipId: 70, postId: 11, endDate: null }],
    ...extra,
  });

test('a new councillor gets a free seat in their ward and their group, from the election date', () => {
  const result = plan([row({})]);
  assert.deepEqual(result.errors, []);
  assert.equal(result.counts.created, 1);
  assert.equal(result.newPeople.length, 1);
  assert.deepEqual(
    result.starts.map((s) => [s.organisationId, s.postId, s.startDate, s.termEndsOn]),
    [
      [100, 11, '2024-05-02', '2028-05-04'],
      [300, null, '2024-05-02', null],
    ],
  );
});

test('the same details again are "no change", matched by external ID or by email in any case', () => {
  for (const cells of [
    { externalId: 'M7', email: 'ADA@example.org' },
    { email: 'Ada@Example.org' },
  ]) {
    const result = plan([row(cells)], withAda());
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.outcomes[0]?.status, 'unchanged');
    assert.equal(result.ends.length + result.starts.length + result.personUpdates.length, 0);
  }
});

test('a move of ward ends the old seat the day before the new term and takes a free seat', () => {
  const result = plan(
    [row({ email: 'ada@example.org', ward: 'South', electionDate: '2026-05-07' })],
    withAda(),
  );
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.outcomes[0]?.changes, [
    'ward North → South',
    'election date 2024-05-02 → 2026-05-07 (new term)',
  ]);
  assert.deepEqual(result.ends, [
    { membershipId: 70, personId: 7, endDate: '2026-05-06', reason: 'Moved to South ward' },
  ]);
  assert.deepEqual(
    result.starts.map((s) => [s.postId, s.startDate]),
    [[21, '2026-05-07']],
  );
});

test('a change of ward needs a later election date than the current term', () => {
  const result = plan([row({ email: 'ada@example.org', ward: 'South' })], withAda());
  assert.equal(result.errors.length, 1);
  assert.match(
    result.errors[0]?.message ?? '',
    /To move them from North to South, the election date must be after 2024-05-02/,
  );
});

test('a change of group starts today and ends the old group yesterday; leaving a group ends it', () => {
  const moved = plan([row({ email: 'ada@example.org', group: 'Blue' })], withAda());
  assert.deepEqual(moved.errors, []);
  assert.deepEqual(moved.outcomes[0]?.changes, ['group Red → Blue']);
  assert.deepEqual(moved.ends, [
    { membershipId: 71, personId: 7, endDate: '2026-11-21', reason: 'Moved to Blue' },
  ]);
  assert.deepEqual(
    moved.starts.map((s) => [s.organisationId, s.startDate]),
    [[301, TODAY]],
  );
  const left = plan([row({ email: 'ada@example.org', group: '' })], withAda());
  assert.deepEqual(
    left.ends.map((e) => e.reason),
    ['Left the group'],
  );
  assert.equal(left.starts.length, 0);
});

test('a corrected term end is changed in place, not a new term', () => {
  const result = plan([row({ email: 'ada@example.org', termEnd: '04/05/2029' })], withAda());
  assert.deepEqual(result.termChanges, [
    { membershipId: 70, before: '2028-05-04', after: '2029-05-04' },
  ]);
  assert.equal(result.ends.length + result.starts.length, 0);
});

test('a full ward is an error; two councillors can swap wards in one file', () => {
  const bea: PersonState = {
    ...ada,
    id: 8,
    email: 'bea@example.org',
    externalId: null,
    givenName: 'Bea',
  };
  const beaSeat: MembershipState = { ...adaSeat, id: 80, personId: 8, postId: 21, areaId: 20 };
  const state = withAda({
    people: [ada, bea],
    seats: [adaSeat, beaSeat],
    groupMemberships: [adaGroup],
    postHolds: [
      { membershipId: 70, postId: 11, endDate: null },
      { membershipId: 80, postId: 21, endDate: null },
    ],
  });
  const full = plan([row({ ward: 'South' })], state);
  assert.match(
    full.errors[0]?.message ?? '',
    /No seat is free in South ward on 2024-05-02: its one seat is held/,
  );
  const swap = plan(
    [
      row({ email: 'ada@example.org', ward: 'South', electionDate: '2026-05-07' }),
      row({ email: 'bea@example.org', ward: 'North', group: '', electionDate: '2026-05-07' }),
    ],
    state,
  );
  assert.deepEqual(swap.errors, []);
  assert.deepEqual(
    swap.starts.map((s) => [s.person, s.postId]),
    [
      [{ personId: 7 }, 21],
      [{ personId: 8 }, 11],
    ],
  );
});

test('rows that cannot be imported say which row, which column and why', () => {
  const officer: PersonState = {
    ...ada,
    id: 9,
    email: 'officer@example.org',
    kind: 'officer',
    externalId: null,
  };
  const elsewhere: PersonState = {
    ...ada,
    id: 10,
    email: 'far@example.org',
    authorityId: 2,
    externalId: null,
  };
  const result = plan(
    [
      row({ ward: 'Nowhere' }),
      row({ group: 'Green' }),
      row({ authority: 'Atlantis' }),
      row({ email: 'dup@example.org' }),
      row({ email: 'DUP@example.org' }),
      row({ email: 'officer@example.org' }),
      row({ email: 'far@example.org' }),
      row({ electionDate: '31/02/2024' }),
      row({ termEnd: '2020-01-01' }),
      row({ email: '' }),
      row({ ward: '' }),
    ],
    snapshot({ people: [officer, elsewhere] }),
  );
  const errors = result.errors.map((e) => `${e.column}: ${e.message}`);
  assert.deepEqual(errors, [
    'Ward: Testshire Council has no ward called "Nowhere"',
    'Group: Testshire Council has no political group called "Green"',
    'Authority: There is no council called "Atlantis" in Probity',
    `Email: Row ${result.errors[3]!.rowNumber - 1} has the same email address`,
    'Email: This email address belongs to Ada Quill, who is in Probity as someone other than a councillor',
    'Email: This email address belongs to Ada Quill of Otherton Council',
    'Election date: "31/02/2024" is not a date: use a real date written like 2024-05-02 or 02/05/2024',
    'Term end: The term end (2020-01-01) is before the election date (2024-05-02)',
    'Email: Enter an email address',
    'Ward: Enter the ward: Testshire Council has wards',
  ]);
  assert.equal(result.outcomes.filter((o) => o.status === 'error').length, 10);
  assert.equal(result.outcomes.find((o) => o.email === 'dup@example.org')?.status, 'new');
});

test('a councillor re-elected in the same ward keeps their seat, and the same file again is "no change"', () => {
  const row2028 = () =>
    row({ email: 'ada@example.org', electionDate: '2028-05-04', termEnd: '2032-05-06' });
  const first = plan([row2028()], withAda());
  assert.deepEqual(first.errors, []);
  assert.deepEqual(
    first.ends.map((e) => [e.membershipId, e.endDate, e.reason]),
    [[70, '2028-05-03', 'Re-elected: new term']],
  );
  assert.deepEqual(
    first.starts.map((s) => [s.postId, s.startDate, s.termEndsOn]),
    [[11, '2028-05-04', '2032-05-06']],
  );

  // Probity after that import: the old term ends (in the future), the new one is open.
  const newSeat: MembershipState = {
    ...adaSeat,
    id: 72,
    startDate: '2028-05-04',
    termEndsOn: '2032-05-06',
  };
  const after = withAda({
    seats: [{ ...adaSeat, endDate: '2028-05-03' }, newSeat],
    postHolds: [
      { membershipId: 70, postId: 11, endDate: '2028-05-03' },
      { membershipId: 72, postId: 11, endDate: null },
    ],
  });
  const again = plan([row2028()], after);
  assert.deepEqual(again.errors, []);
  assert.equal(again.outcomes[0]?.status, 'unchanged');
});

test('an end date already set in Probity is never moved: a change that needs it refuses instead', () => {
  const leaving = withAda({ groupMemberships: [{ ...adaGroup, endDate: '2027-01-31' }] });
  const same = plan([row({ email: 'ada@example.org' })], leaving);
  assert.equal(same.outcomes[0]?.status, 'unchanged', 'still in Red until then');
  const moved = plan([row({ email: 'ada@example.org', group: 'Blue' })], leaving);
  assert.match(
    moved.errors[0]?.message ?? '',
    /Probity has this membership ending on 2027-01-31, on or after 2026-11-22/,
  );
});
