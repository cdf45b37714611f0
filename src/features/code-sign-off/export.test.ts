import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_HEADINGS, guardCell, signOffsCsv } from './export.js';
import { paginationView } from './list-view-model.js';
import type { ListScope } from './scope.js';
import type { VersionInForce } from './repository.js';

const version: VersionInForce = {
  id: 7,
  number: 2,
  title: 'Code',
  authorityId: 1,
  authoritySlug: 'demo-city',
  authorityName: 'Demo City Council',
  authorityKind: 'principal',
  inForceFrom: '2026-05-01',
  nonVotingCoOptedSign: false,
};

test('cells a spreadsheet would run as formulas are kept as text', () => {
  assert.equal(guardCell('=SUM(A1)'), "'=SUM(A1)");
  assert.equal(guardCell('+44 1234'), "'+44 1234");
  assert.equal(guardCell('-1'), "'-1");
  assert.equal(guardCell('@cmd'), "'@cmd");
  assert.equal(guardCell('O’Brien-Smith'), 'O’Brien-Smith');
});

test('the CSV: a byte order mark, headings, a row per person, Windows line ends', () => {
  const text = signOffsCsv(version, [
    {
      personId: 1,
      givenName: 'Ann',
      familyName: 'Smith, Jr',
      kind: 'member',
      place: 'Alderbrook',
      groupId: 3,
      groupName: 'Civic Group',
      signedOn: null,
      method: null,
    },
    {
      personId: 2,
      givenName: 'Bo',
      familyName: 'Lee',
      kind: 'co-opted-member',
      place: 'Audit and Standards Committee',
      groupId: null,
      groupName: null,
      signedOn: '2026-05-03',
      method: 'paper',
    },
  ]);
  assert.ok(text.startsWith('\ufeff'));
  assert.deepEqual(text.slice(1).split('\r\n'), [
    CSV_HEADINGS.join(','),
    'Demo City Council,2,Ann,"Smith, Jr",Councillor,Alderbrook,Civic Group,Not signed,,',
    'Demo City Council,2,Bo,Lee,Co-opted member,Audit and Standards Committee,,Signed,2026-05-03,paper',
    '',
  ]);
});

test('page links: the first, the last and the neighbours of the current page', () => {
  const scope = {
    authority: { id: 1, slug: 'demo-city', name: 'Demo City Council' },
    group: null,
  } as unknown as ListScope;
  assert.equal(paginationView(scope, 1, 1), null);
  const middle = paginationView(scope, 5, 30)!;
  const labels = middle.items.map((i) =>
    i.ellipsis ? '…' : `${String(i.number)}${i.current ? '*' : ''}`,
  );
  assert.deepEqual(labels, ['1', '…', '4', '5*', '6', '…', '30']);
  assert.equal(middle.previous?.href, '/sign-offs?authority=demo-city&page=4');
  assert.equal(middle.next?.href, '/sign-offs?authority=demo-city&page=6');
  const first = paginationView(scope, 1, 3)!;
  assert.equal(first.previous, undefined);
  assert.equal(first.items[0]?.href, '/sign-offs?authority=demo-city');
});
