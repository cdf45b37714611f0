import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { buildTestApp, getForm, postForm, type TestApp } from '../../testing/app.js';
import { createCouncil, csvText, HEADER, uploadFile, type TestCouncil } from './test-support.js';

/**
 * A whole council's worth of councillors in one file: 3,000 rows against a council of 1,000
 * wards with three seats each and six groups. Asserts that everything is written, correctly, in
 * one go; the times are reported (docs/member-import.md), not asserted, since the machine may
 * be busy with other work.
 */

const WARDS = 1000;
const GROUPS = [
  'Civic Alliance',
  'Common Ground',
  'Valley Voice',
  'New Horizons',
  'Independents',
  'Greens',
];

let t: TestApp;
let admin: { cookie: string; personId: number };
let council: TestCouncil;

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
  council = await createCouncil(t.db, {
    slug: 'bulkshire',
    name: 'Bulkshire Council',
    wards: Array.from({ length: WARDS }, (_, i) => `Ward ${i + 1}`),
    seats: 3,
    groups: GROUPS,
  });
});
after(() => t.close());

function bulkFile(): string {
  const rows = Array.from({ length: WARDS * 3 }, (_, i) => [
    `BULK-${i + 1}`,
    `Given${i + 1}`,
    `Family${i + 1}`,
    `councillor${i + 1}@bulkshire.example`,
    `Ward ${Math.floor(i / 3) + 1}`,
    GROUPS[i % GROUPS.length] ?? '',
    ['2022-05-05', '2023-05-04', '2024-05-02'][i % 3] ?? '',
    ['2026-05-07', '2027-05-06', '2028-05-04'][i % 3] ?? '',
    'bulkshire',
  ]);
  return csvText([HEADER, ...rows]);
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

const count = async (table: 'people' | 'memberships' | 'audit_events') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('3,000 councillors import in one transaction, every one with seat, group and audit records', async (context) => {
  const content = bulkFile();
  const people = await count('people');
  const audits = await count('audit_events');

  const [upload, uploadMs] = await timed(() =>
    uploadFile(t.app, admin.cookie, { name: 'bulk.csv', content }),
  );
  assert.equal(upload.response.statusCode, 303, upload.response.body.slice(0, 2000));
  const [preview, previewMs] = await timed(() =>
    getForm(t.app, String(upload.response.headers.location), upload.cookie),
  );
  assert.match(preview.body, /3,000 new councillors/);
  const action = /action="([^"]+\/confirm)"/.exec(preview.body)?.[1] ?? '';
  assert.match(preview.body, /Import 3,000 rows/);
  const [confirmed, confirmMs] = await timed(() => postForm(t.app, action, {}, preview));
  assert.equal(confirmed.statusCode, 303, confirmed.body.slice(0, 2000));

  assert.equal(await count('people'), people + 3000);
  assert.equal(
    await count('audit_events'),
    audits + 3000 + 6000 + 1,
    'a person, two memberships each, and the import',
  );
  const seats = await t.db
    .selectFrom('memberships as m')
    .innerJoin('posts as s', 's.id', 'm.post_id')
    .innerJoin('areas as a', 'a.id', 's.area_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.external_id', 'a.name as ward', 'm.post_id', 'm.start_date', 'm.term_ends_on'])
    .where('m.organisation_id', '=', council.councilId)
    .execute();
  assert.equal(seats.length, 3000);
  assert.equal(
    new Set(seats.map((s) => s.post_id)).size,
    3000,
    'every councillor has a seat of their own',
  );
  const last = seats.find((s) => s.external_id === 'BULK-3000');
  assert.deepEqual(
    [last?.ward, last?.start_date, last?.term_ends_on],
    ['Ward 1000', '2024-05-02', '2028-05-04'],
  );
  const groupCounts = await t.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.classification', '=', 'political-group')
    .where('o.authority_id', '=', council.authorityId)
    .groupBy('o.name')
    .execute();
  assert.deepEqual(
    groupCounts.map((g) => Number(g.n)),
    GROUPS.map(() => 500),
  );

  // The same file again: planned in full, nothing to write.
  const [again, againMs] = await timed(async () => {
    const uploaded = await uploadFile(t.app, admin.cookie, { name: 'bulk.csv', content });
    return t.app.inject({
      url: String(uploaded.response.headers.location),
      headers: { cookie: uploaded.cookie },
    });
  });
  assert.match(again.body, /3,000 rows with no change/);

  const total = uploadMs + previewMs + confirmMs;
  context.diagnostic(
    `3,000 rows: upload and check ${uploadMs.toFixed(0)} ms, preview ${previewMs.toFixed(0)} ms, ` +
      `confirm ${confirmMs.toFixed(0)} ms, end to end ${total.toFixed(0)} ms; ` +
      `the same file again (upload and preview) ${againMs.toFixed(0)} ms`,
  );
});
