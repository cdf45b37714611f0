import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPopoloDocument } from './document.js';
import type { PublicRecords } from './repository.js';

const empty: PublicRecords = {
  people: [],
  organisations: [],
  posts: [],
  areas: [],
  memberships: [],
};

test('people get Popolo names, and an email only when one was published', () => {
  const { persons } = toPopoloDocument({
    ...empty,
    people: [
      { id: 4, given_name: 'Ada', family_name: 'Brook', email: null },
      { id: 9, given_name: 'Cy', family_name: 'Dale', email: 'cy@example.org' },
    ],
  });
  assert.deepEqual(persons, [
    {
      id: 'person/4',
      name: 'Ada Brook',
      given_name: 'Ada',
      family_name: 'Brook',
      sort_name: 'Brook, Ada',
    },
    {
      id: 'person/9',
      name: 'Cy Dale',
      given_name: 'Cy',
      family_name: 'Dale',
      sort_name: 'Dale, Cy',
      email: 'cy@example.org',
    },
  ]);
});

test("committees and groups without a parent belong to their authority's council", () => {
  const org = (id: number, authority: number, classification: string, parent: number | null) => ({
    id,
    authority_id: authority,
    name: `Organisation ${id}`,
    classification: classification as 'council',
    parent_id: parent,
    founded_on: null,
    dissolved_on: null,
  });
  const { organizations } = toPopoloDocument({
    ...empty,
    organisations: [
      org(1, 10, 'council', null),
      org(2, 10, 'committee', null),
      org(3, 10, 'sub-committee', 2),
      org(4, 10, 'political-group', null),
      org(5, 10, 'outside-body', null),
      org(6, 20, 'committee', null),
      { ...org(7, 20, 'council', null), founded_on: '2019-04-01', dissolved_on: '2023-03-31' },
    ],
  });
  assert.deepEqual(
    organizations.map((o) => [o.id, o.parent_id]),
    [
      ['organization/1', undefined],
      ['organization/2', 'organization/1'],
      ['organization/3', 'organization/2'],
      ['organization/4', 'organization/1'],
      ['organization/5', undefined],
      ['organization/6', 'organization/7'],
      ['organization/7', undefined],
    ],
  );
  assert.equal(organizations[6]?.founding_date, '2019-04-01');
  assert.equal(organizations[6]?.dissolution_date, '2023-03-31');
  assert.ok(!('founding_date' in (organizations[0] ?? {})), 'absent fields are left out');
});

test('memberships carry their seat and ward, and say when they have no vote', () => {
  const { memberships } = toPopoloDocument({
    ...empty,
    memberships: [
      {
        id: 1,
        person_id: 4,
        organisation_id: 1,
        post_id: 30,
        area_id: 7,
        role: 'member',
        voting: true,
        start_date: '2018-05-03',
        end_date: '2022-05-04',
      },
      {
        id: 2,
        person_id: 5,
        organisation_id: 2,
        post_id: null,
        area_id: null,
        role: 'member',
        voting: false,
        start_date: '2023-09-01',
        end_date: null,
      },
    ],
  });
  assert.deepEqual(memberships, [
    {
      id: 'membership/1',
      person_id: 'person/4',
      organization_id: 'organization/1',
      post_id: 'post/30',
      area_id: 'area/7',
      role: 'member',
      start_date: '2018-05-03',
      end_date: '2022-05-04',
    },
    {
      id: 'membership/2',
      person_id: 'person/5',
      organization_id: 'organization/2',
      role: 'member',
      label: 'Non-voting member',
      start_date: '2023-09-01',
    },
  ]);
});

test('a ward is identified by its GSS code when it has one', () => {
  const { areas, posts } = toPopoloDocument({
    ...empty,
    areas: [
      { id: 7, name: 'Eastgate', kind: 'ward', gss_code: 'E05000001' },
      { id: 8, name: 'Newfield', kind: 'parish-ward', gss_code: null },
    ],
    posts: [
      { id: 30, label: 'Councillor for Eastgate ward, seat 1', organisation_id: 1, area_id: 7 },
    ],
  });
  assert.deepEqual(areas, [
    {
      id: 'area/7',
      name: 'Eastgate',
      classification: 'ward',
      identifier: 'E05000001',
      identifiers: [{ scheme: 'gss', identifier: 'E05000001' }],
    },
    { id: 'area/8', name: 'Newfield', classification: 'parish-ward' },
  ]);
  assert.deepEqual(posts, [
    {
      id: 'post/30',
      label: 'Councillor for Eastgate ward, seat 1',
      organization_id: 'organization/1',
      area_id: 'area/7',
    },
  ]);
});
