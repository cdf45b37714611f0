import { test } from 'node:test';
import assert from 'node:assert/strict';
import { programmeAppendixView } from './programme-appendix-view.js';
import type { ProgrammeAppendixData } from './programme-appendix.js';

const programme = (
  values: Partial<ProgrammeAppendixData['programme']> = {},
): ProgrammeAppendixData['programme'] => ({
  id: 1,
  authority_id: 1,
  title: 'Learning for members 2027/28',
  starts_on: '2027-04-01',
  ends_on: '2028-03-31',
  status: 'draft',
  approved_on: null,
  approval_reference: null,
  committee: null,
  minute_reference: null,
  ...values,
});

const course = {
  id: 10,
  title: 'Interests and gifts',
  purposes: '  Register within 28 days \r\n\r\nKnow the £50 threshold  ',
  format: 'workshop' as const,
  duration_minutes: 150,
  audience: 'political-group' as const,
  committee_name: null,
  mandatory: true,
};

test('a draft programme: its facts, and courses with purposes, audiences and sessions', () => {
  const view = programmeAppendixView({
    programme: programme(),
    courses: [
      course,
      {
        ...course,
        id: 11,
        audience: 'committee',
        committee_name: 'Licensing Committee',
        mandatory: false,
        purposes: '',
      },
    ],
    sessions: [
      { course_id: 10, group_name: 'Oak Group', starts_at: null, ends_at: null, status: 'planned' },
      {
        course_id: 10,
        group_name: null,
        // 6:30pm in England in summer (BST)
        starts_at: new Date('2027-07-06T17:30:00Z'),
        ends_at: null,
        status: 'confirmed',
      },
    ],
  });
  assert.deepEqual(view.facts, [
    { label: 'Programme', value: 'Learning for members 2027/28' },
    { label: 'Period', value: '1 April 2027 to 31 March 2028' },
    { label: 'Status', value: 'Draft, not yet approved' },
  ]);
  assert.deepEqual(view.courses[0], {
    title: 'Interests and gifts',
    format: 'Workshop, 2 hours 30 minutes, mandatory',
    audience: 'Each political group, in a session of its own',
    purposes: ['Register within 28 days', 'Know the £50 threshold'],
    sessions: ['Oak Group: date to be agreed', 'Tuesday 6 July 2027, 6:30pm'],
  });
  assert.equal(view.courses[1]?.audience, 'Members of Licensing Committee');
  assert.deepEqual(view.courses[1]?.purposes, []);
  assert.deepEqual(view.courses[1]?.sessions, ['No sessions arranged yet']);
});

test('an approved programme names the committee and minute, or the reference', () => {
  const byCommittee = programmeAppendixView({
    programme: programme({
      status: 'approved',
      approved_on: '2026-12-09',
      committee: 'Audit and Standards Committee',
      minute_reference: '42',
    }),
    courses: [],
    sessions: [],
  });
  assert.deepEqual(byCommittee.facts.slice(2), [
    { label: 'Status', value: 'Approved' },
    { label: 'Approved', value: 'By Audit and Standards Committee on 9 December 2026 (minute 42)' },
  ]);
  const byReference = programmeAppendixView({
    programme: programme({
      status: 'running',
      approved_on: '2027-01-05',
      approval_reference: 'MO/7',
    }),
    courses: [],
    sessions: [],
  });
  assert.deepEqual(byReference.facts.slice(2), [
    { label: 'Status', value: 'Approved and running' },
    { label: 'Approved', value: 'On 5 January 2027, reference MO/7' },
  ]);
});

test('a dated session not yet confirmed says so; one in winter is shown in GMT', () => {
  const view = programmeAppendixView({
    programme: programme(),
    courses: [{ ...course, audience: 'all-members' }],
    sessions: [
      {
        course_id: 10,
        group_name: null,
        starts_at: new Date('2027-01-12T18:00:00Z'),
        ends_at: new Date('2027-01-12T19:30:00Z'),
        status: 'planned',
      },
    ],
  });
  assert.deepEqual(view.courses[0]?.sessions, [
    'Tuesday 12 January 2027, 6:00pm to 7:30pm (not yet confirmed)',
  ]);
  assert.equal(view.courses[0]?.audience, 'All members of the council');
});
