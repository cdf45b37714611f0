import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inviteeCounts, numbersWarnings } from './admin-view-model.js';
import type { Invitee } from './admin-repository.js';

const invitee = (response: Invitee['response'], required = true): Invitee => ({
  personId: 1,
  name: 'A Person',
  required,
  invitedAt: new Date('2027-01-01T09:00Z'),
  response,
  responseReason: '',
  respondedAt: response ? new Date('2027-01-02T09:00Z') : null,
  sentSequence: 0,
});

test('counts keep invited, required and each reply apart', () => {
  const counts = inviteeCounts([
    invitee('attending'),
    invitee('attending', false),
    invitee('tentative'),
    invitee('not-attending', false),
    invitee(null),
  ]);
  assert.deepEqual(counts, {
    invited: 5,
    required: 3,
    attending: 2,
    tentative: 1,
    notAttending: 1,
    noReply: 1,
    notSent: 0,
  });
});

test('warnings for numbers over capacity and under the minimum, and none when within', () => {
  const counts = inviteeCounts([invitee('attending'), invitee('attending'), invitee('tentative')]);
  assert.deepEqual(numbersWarnings({ capacity: 1, minimumNumbers: null }, counts), [
    '2 people say they are attending, more than the capacity of 1.',
  ]);
  assert.deepEqual(numbersWarnings({ capacity: null, minimumNumbers: 3 }, counts), [
    '2 attending so far: 1 more needed to reach the minimum of 3, which the tentative replies would make up.',
  ]);
  assert.deepEqual(numbersWarnings({ capacity: 2, minimumNumbers: 2 }, counts), []);
});
