import { test } from 'node:test';
import assert from 'node:assert/strict';
import { membershipStatus, standingOf, todayInEngland, type MembershipRecord } from './rules.js';

function membership(
  classification: MembershipRecord['organisation']['classification'],
  startDate: string,
  endDate: string | null,
  on = '2025-06-01',
): MembershipRecord {
  return {
    id: 1,
    organisation: {
      id: 1,
      name: 'Somewhere',
      classification,
      parentName: null,
      authorityName: 'Test Council',
    },
    role: 'member',
    voting: true,
    ward: null,
    startDate,
    endDate,
    termEndsOn: null,
    status: membershipStatus({ startDate, endDate }, on),
  };
}

test('a membership is current from its start date to its end date, both days included', () => {
  const on = '2025-06-01';
  assert.equal(membershipStatus({ startDate: '2025-06-01', endDate: null }, on), 'current');
  assert.equal(membershipStatus({ startDate: '2020-05-01', endDate: '2025-06-01' }, on), 'current');
  assert.equal(membershipStatus({ startDate: '2020-05-01', endDate: '2025-05-31' }, on), 'past');
  assert.equal(membershipStatus({ startDate: '2025-06-02', endDate: null }, on), 'upcoming');
});

test('today is the calendar date in England, not in UTC', () => {
  // 23:30 UTC on 30 June is already 1 July in London (British Summer Time).
  assert.equal(todayInEngland(new Date('2025-06-30T23:30:00Z')), '2025-07-01');
  // In winter London keeps UTC.
  assert.equal(todayInEngland(new Date('2025-01-31T23:30:00Z')), '2025-01-31');
});

test('a councillor with a current seat is a councillor, whatever else they held', () => {
  const result = standingOf('member', [
    membership('council', '2023-05-04', null),
    membership('council', '2015-05-07', '2019-05-01'),
  ]);
  assert.deepEqual(result, { standing: 'councillor', councillorUntil: null });
});

test('a former councillor was one until the last day of their latest seat', () => {
  const result = standingOf('member', [
    membership('political-group', '2015-05-07', '2024-01-31'),
    membership('council', '2019-05-02', '2024-01-31'),
    membership('council', '2015-05-07', '2019-05-01'),
  ]);
  assert.deepEqual(result, { standing: 'former-councillor', councillorUntil: '2024-01-31' });
});

test('a co-opted member never held a seat; a councillor-elect holds none yet', () => {
  assert.equal(
    standingOf('co-opted-member', [membership('committee', '2023-09-01', null)]).standing,
    'co-opted-member',
  );
  assert.equal(standingOf('member', [membership('council', '2026-05-07', null)]).standing, 'none');
});
