import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearanceSnapshot, snapshotDigest } from '../reports/index.js';
import { implication, testDocument } from '../report-readiness/test-document.js';
import type { ClearanceRow } from './repository.js';
import { clearanceState, officerLabel, stateText } from './view-model.js';

const legal = implication(1, 'legal', 'yes', 'The council may adopt a code.', true);
const doc = testDocument({ implications: [legal] });
const snapshot = clearanceSnapshot(doc, 1)!;
const row = (status: ClearanceRow['status'], digest = snapshotDigest(snapshot)): ClearanceRow => ({
  id: 5,
  implicationId: 1,
  reportId: 7,
  officerId: 3,
  officerName: 'Ann Example',
  requestedByName: 'Bo Admin',
  requestedAt: new Date('2026-03-01T10:00:00Z'),
  status,
  decidedAt: status === 'pending' ? null : new Date('2026-03-02T10:00:00Z'),
  comment: status === 'returned' ? 'Cite the Act.' : null,
  snapshot,
  digest,
});

test('each state of a clearance, judged against the report as it is now', () => {
  assert.equal(clearanceState(doc, legal, null).kind, 'not-requested');
  assert.equal(clearanceState(doc, legal, row('pending')).kind, 'requested');
  assert.equal(clearanceState(doc, legal, row('returned')).kind, 'returned');
  assert.equal(clearanceState(doc, legal, row('cleared')).kind, 'cleared');
  assert.equal(clearanceState(doc, legal, row('cleared', 'an older digest')).kind, 'stale');
  assert.equal(
    stateText(clearanceState(doc, legal, row('pending'))).text,
    'Requested from Ann Example on 1 March 2026.',
  );
  assert.match(
    stateText(clearanceState(doc, legal, row('cleared', 'x'))).text,
    /Ann Example cleared it on 2 March 2026, but the report has changed since/,
  );
});

test('an officer is named with their job title and statutory role', () => {
  assert.equal(
    officerLabel({
      id: 1,
      name: 'Ann Example',
      jobTitle: 'Director of Finance',
      statutoryRoles: ['chief-finance-officer'],
    }),
    'Ann Example, Director of Finance – Chief Finance Officer (section 151)',
  );
  assert.equal(officerLabel({ id: 2, name: 'Bo', jobTitle: null, statutoryRoles: [] }), 'Bo');
});
