import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAgreed } from './dates-service.js';
import { proposalTag, sessionSummary, whenText } from './view-model.js';
import type { DateProposalRow } from './repository.js';

test('a date is agreed when the whip accepted it or proposed it, and only then', () => {
  assert.equal(isAgreed({ status: 'accepted', byWhip: false }), true);
  assert.equal(isAgreed({ status: 'open', byWhip: true }), true);
  assert.equal(isAgreed({ status: 'open', byWhip: false }), false);
  assert.equal(isAgreed({ status: 'withdrawn', byWhip: true }), false);
  assert.equal(isAgreed({ status: 'declined', byWhip: false }), false);
});

test('times read naturally, in England’s clock', () => {
  // 18:00 UTC on 16 March is 6pm GMT; on 16 June it is 7pm BST.
  assert.equal(
    whenText(new Date('2027-03-16T18:00:00Z'), new Date('2027-03-16T19:30:00Z')),
    'Tuesday 16 March 2027, 6:00pm to 7:30pm',
  );
  assert.match(whenText(new Date('2027-06-16T18:00:00Z'), null), /, 7:00pm$/);
});

test('each proposal says where it stands', () => {
  const base: DateProposalRow = {
    id: 1,
    sessionId: 1,
    startsAt: new Date(),
    endsAt: new Date(),
    proposedBy: 'A B',
    byWhip: false,
    note: '',
    status: 'open',
    decidedBy: null,
    decidedAt: null,
    decisionNote: '',
    createdAt: new Date(),
  };
  assert.equal(proposalTag(base).text, 'Waiting for the whip’s answer'.replace('’', "'"));
  assert.equal(proposalTag({ ...base, byWhip: true }).text, 'Proposed by the whip');
  assert.equal(proposalTag({ ...base, status: 'accepted' }).text, 'Agreed');
  assert.equal(proposalTag({ ...base, status: 'withdrawn' }).text, 'Withdrawn');
});

test('a planned session’s pencilled-in time is not shown as agreed', () => {
  const base = {
    id: 1,
    authorityId: 1,
    courseId: 1,
    courseTitle: 'Code',
    durationMinutes: 90,
    programmeId: 1,
    programmeTitle: 'P',
    groupId: 1,
    groupName: 'G',
    startsAt: new Date('2027-03-16T18:00:00Z'),
    endsAt: null,
    venue: '',
    onlineUrl: null,
    confirmedAt: null,
    confirmedBy: null,
    overrideReason: null,
  };
  const dateRow = (status: 'planned' | 'confirmed') =>
    sessionSummary({ ...base, status }).rows.find((r) => r.key.text === 'Date and time')!.value;
  assert.match(JSON.stringify(dateRow('planned')), /pencilled in, not agreed/);
  assert.doesNotMatch(JSON.stringify(dateRow('confirmed')), /pencilled/);
});
