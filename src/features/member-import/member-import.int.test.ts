import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  buildTestApp,
  getForm,
  mergeCookies,
  postForm,
  type TestApp,
  readUntilCached,
} from '../../testing/app.js';
import { loadDemoCouncil } from '../../seed/demo.js';
import { createCouncil, csvText, HEADER, multipartBody, uploadFile } from './test-support.js';
import { todayInEngland } from './service.js';
import { dayBefore } from './plan.js';

let t: TestApp;
let admin: { cookie: string; personId: number };

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
  await createCouncil(t.db, {
    slug: 'testshire',
    name: 'Testshire District Council',
    wards: ['North', 'South', 'East'],
    seats: 10,
    groups: ['Red Group', 'Blue Group'],
  });
});
after(() => t.close());

/** One councillor's row, in the column order of HEADER. */
const councillor = (n: number, cells: Partial<Record<string, string>> = {}): string[] => {
  const values = {
    externalId: '',
    givenName: 'Councillor',
    familyName: `Number${n}`,
    email: `c${n}@testshire.example`,
    ward: 'North',
    group: 'Red Group',
    electionDate: '2024-05-02',
    termEnd: '2028-05-04',
    authority: 'testshire',
    ...cells,
  };
  return [
    values.externalId,
    values.givenName,
    values.familyName,
    values.email,
    values.ward,
    values.group,
    values.electionDate,
    values.termEnd,
    values.authority,
  ];
};

const file = (rows: string[][], name = 'councillors.csv') => ({
  name,
  content: csvText([HEADER, ...rows]),
});

/** Upload, follow the redirect to the preview, press "Import", follow to the banner. */
async function importFile(content: { name: string; content: Buffer | string }) {
  const { response, cookie } = await uploadFile(t.app, admin.cookie, content);
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  const previewUrl = String(response.headers.location);
  const preview = await getForm(t.app, previewUrl, cookie);
  const action = /<form method="post" action="([^"]+\/confirm)"/.exec(preview.body)?.[1];
  assert.ok(action, 'the preview has an Import button');
  const confirmed = await postForm(t.app, action, {}, preview);
  assert.equal(confirmed.statusCode, 303, confirmed.body.slice(0, 2000));
  assert.equal(confirmed.headers.location, '/admin/import/members');
  const banner = await t.app.inject({
    url: '/admin/import/members',
    headers: { cookie: mergeCookies(preview.cookie, confirmed) },
  });
  return { preview: preview.body, banner: banner.body, previewUrl, action, session: preview };
}

async function personByEmail(email: string) {
  return t.db
    .selectFrom('people')
    .selectAll()
    .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
    .executeTakeFirstOrThrow();
}

async function membershipsOf(personId: number) {
  return t.db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('posts as s', 's.id', 'm.post_id')
    .leftJoin('areas as a', 'a.id', 's.area_id')
    .select([
      'm.id',
      'o.name',
      'o.classification',
      'a.name as ward',
      'm.start_date',
      'm.end_date',
      'm.end_reason',
      'm.term_ends_on',
    ])
    .where('m.person_id', '=', personId)
    .orderBy('m.id')
    .execute();
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
const pendingImports = async () =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from member_imports`.execute(t.db)).rows[0]
      ?.n,
  );

test('a valid file adds councillors, their seats, groups, roles and audit records, and says so', async () => {
  const { preview, banner } = await importFile(
    file([
      councillor(1, { externalId: 'MG-1' }),
      councillor(2, {
        ward: 'South',
        group: 'Blue Group',
        electionDate: '05/05/2022',
        termEnd: '07/05/2026',
      }),
    ]),
  );
  assert.match(preview, /Check the import/);
  assert.match(preview, /2 new councillors/);
  assert.match(preview, /Import 2 rows/);
  assert.match(banner, /Councillors imported/);
  assert.match(
    banner,
    /2 new councillors added, 0 councillors updated and 0 rows unchanged. 4 memberships started and 0 memberships ended./,
  );

  const one = await personByEmail('c1@testshire.example');
  assert.equal(one.kind, 'member');
  assert.equal(one.external_id, 'MG-1');
  assert.deepEqual(
    (await membershipsOf(one.id)).map((m) => [
      m.classification,
      m.name,
      m.ward,
      m.start_date,
      m.term_ends_on,
      m.end_date,
    ]),
    [
      ['council', 'Testshire District Council', 'North', '2024-05-02', '2028-05-04', null],
      ['political-group', 'Red Group', null, '2024-05-02', null, null],
    ],
  );
  const two = await personByEmail('c2@testshire.example');
  assert.deepEqual(
    (await membershipsOf(two.id)).map((m) => [m.name, m.ward, m.start_date, m.term_ends_on]),
    [
      ['Testshire District Council', 'South', '2022-05-05', '2026-05-07'],
      ['Blue Group', null, '2022-05-05', null],
    ],
  );
  const roles = await t.db
    .selectFrom('person_roles')
    .select('role')
    .where('person_id', '=', one.id)
    .execute();
  assert.deepEqual(
    roles.map((r) => r.role),
    ['member'],
  );

  const audit = await t.db
    .selectFrom('audit_events')
    .select(['entity', 'action', 'entity_id', 'actor_person_id', 'changes'])
    .where('actor_person_id', '=', admin.personId)
    .execute();
  const created = audit.find((a) => a.entity === 'person' && a.entity_id === String(one.id));
  assert.equal(created?.action, 'created');
  assert.equal(created?.changes.email?.after, 'c1@testshire.example');
  assert.equal(audit.filter((a) => a.entity === 'membership' && a.action === 'created').length, 4);
  const summary = audit.find((a) => a.entity === 'member-import');
  assert.equal(summary?.changes.created?.after, 2);
  assert.equal(await pendingImports(), 0, 'the kept file is gone once imported');
});

test('a file with problems shows every row and every problem (row, column, reason) and writes nothing', async () => {
  const people = await count('people');
  const audits = await count('audit_events');
  const { response } = await uploadFile(
    t.app,
    admin.cookie,
    file([
      councillor(10, { electionDate: '02/05/2024' }),
      councillor(11, { ward: 'Nowhere' }),
      councillor(12, { group: 'Purple Group' }),
      councillor(13, { electionDate: '31/02/2024' }),
      councillor(14, { email: '' }),
      councillor(15, { email: 'c10@testshire.example' }),
      councillor(16, { termEnd: '2020-01-01' }),
      councillor(17, { authority: 'Atlantis' }),
    ]),
  );
  assert.equal(response.statusCode, 400);
  const body = response.body;
  assert.match(body, /<title>Error: Check the import/);
  assert.match(body, /There is a problem/);
  assert.match(body, /Nothing has been imported/);
  for (const expected of [
    'Row 3, Ward: Testshire District Council has no ward called &quot;Nowhere&quot;',
    'Row 4, Group: Testshire District Council has no political group called &quot;Purple Group&quot;',
    'Row 5, Election date: &quot;31/02/2024&quot; is not a date',
    'Row 6, Email: Enter an email address',
    'Row 7, Email: Row 2 has the same email address',
    'Row 8, Term end: The term end (2020-01-01) is before the election date (2024-05-02)',
    'Row 9, Authority: There is no council called &quot;Atlantis&quot; in Probity',
  ]) {
    assert.ok(body.includes(expected), `the summary says: ${expected}`);
  }
  assert.match(body, /href="#row-3"/);
  assert.match(body, /id="row-3"/);
  assert.match(body, /New councillor/, 'row 2, with 02/05/2024, is fine');
  assert.doesNotMatch(body, /Import \d+ row/);
  assert.equal(await count('people'), people);
  assert.equal(await count('audit_events'), audits);
  assert.equal(await pendingImports(), 0, 'a file with problems is not kept');
});

test('importing the same file again changes nothing, and the preview says so', async () => {
  const rows = [
    councillor(20, { externalId: 'MG-20', ward: 'East' }),
    councillor(21, { ward: 'East' }),
  ];
  await importFile(file(rows));
  const before = { people: await count('people'), memberships: await count('memberships') };

  const again = await uploadFile(t.app, admin.cookie, file(rows));
  assert.equal(again.response.statusCode, 303);
  const preview = await t.app.inject({
    url: String(again.response.headers.location),
    headers: { cookie: again.cookie },
  });
  assert.match(preview.body, /Nothing to import: every row already matches Probity/);
  assert.match(preview.body, /2 rows with no change/);
  assert.doesNotMatch(preview.body, /Import \d+ row/);

  // Matching is by external ID when there is one, else by email in any case.
  const shouted = await uploadFile(
    t.app,
    admin.cookie,
    file([
      councillor(20, { externalId: 'MG-20', ward: 'East', email: 'C20@TESTSHIRE.EXAMPLE' }),
      councillor(21, { ward: 'East', email: 'C21@Testshire.Example' }),
    ]),
  );
  const shoutedPreview = await t.app.inject({
    url: String(shouted.response.headers.location),
    headers: { cookie: shouted.cookie },
  });
  assert.match(shoutedPreview.body, /2 rows with no change/);

  // Confirming a file that changes nothing (say, a second tab) writes nothing either.
  const session = await getForm(t.app, '/admin/import/members', admin.cookie);
  const id = String(again.response.headers.location).split('/').at(-1);
  const confirmed = await postForm(t.app, `/admin/import/members/${id}/confirm`, {}, session);
  assert.equal(confirmed.statusCode, 303);
  const banner = await t.app.inject({
    url: '/admin/import/members',
    headers: { cookie: mergeCookies(session.cookie, confirmed) },
  });
  assert.match(banner.body, /Nothing to import/);
  assert.deepEqual(
    { people: await count('people'), memberships: await count('memberships') },
    before,
  );
});

test('a change of ward ends the old seat the day before and starts a new one; a change of group likewise', async () => {
  await importFile(file([councillor(30, { ward: 'North', group: 'Red Group' })]));
  const person = await personByEmail('c30@testshire.example');

  const moved = [
    councillor(30, {
      ward: 'South',
      group: 'Blue Group',
      electionDate: '2026-05-07',
      termEnd: '2030-05-02',
    }),
  ];
  const { preview, banner } = await importFile(file(moved));
  assert.match(preview, /Will update/);
  assert.match(preview, /ward North → South/);
  assert.match(preview, /group Red Group → Blue Group/);
  assert.match(preview, /election date 2024-05-02 → 2026-05-07 \(new term\)/);
  assert.match(banner, /1 councillor updated/);

  const memberships = await membershipsOf(person.id);
  assert.deepEqual(
    memberships.map((m) => [m.name, m.ward, m.start_date, m.end_date, m.end_reason]),
    [
      ['Testshire District Council', 'North', '2024-05-02', '2026-05-06', 'Moved to South ward'],
      ['Red Group', null, '2024-05-02', '2026-05-06', 'Moved to Blue Group'],
      ['Testshire District Council', 'South', '2026-05-07', null, null],
      ['Blue Group', null, '2026-05-07', null, null],
    ],
  );
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['entity', 'action', 'request_id'])
    .where('entity', '=', 'membership')
    .where(
      'entity_id',
      'in',
      memberships.map((m) => String(m.id)),
    )
    .where('action', 'in', ['ended', 'created'])
    .execute();
  assert.equal(audit.filter((a) => a.action === 'ended').length, 2);

  // A change of group alone starts today.
  await importFile(
    file([
      councillor(30, {
        ward: 'South',
        group: 'Red Group',
        electionDate: '2026-05-07',
        termEnd: '2030-05-02',
      }),
    ]),
  );
  const today = todayInEngland();
  const latest = await membershipsOf(person.id);
  assert.deepEqual(
    latest
      .filter((m) => m.classification === 'political-group')
      .map((m) => [m.name, m.start_date, m.end_date]),
    [
      ['Red Group', '2024-05-02', '2026-05-06'],
      ['Blue Group', '2026-05-07', dayBefore(today)],
      ['Red Group', today, null],
    ],
  );
});

test('the writes are one transaction: if one fails, nothing is changed and the file can be confirmed again', async () => {
  await importFile(file([councillor(40, { ward: 'North' })]));
  const person = await personByEmail('c40@testshire.example');
  const { response, cookie } = await uploadFile(
    t.app,
    admin.cookie,
    file([councillor(40, { ward: 'East', electionDate: '2026-05-07' })]),
  );
  const previewUrl = String(response.headers.location);
  const preview = await getForm(t.app, previewUrl, cookie);
  const action = /action="([^"]+\/confirm)"/.exec(preview.body)?.[1] ?? '';

  // Make the last statement of the import (new memberships) fail.
  await sql`create function refuse_memberships() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end; $$`.execute(
    t.db,
  );
  await sql`create trigger refuse_memberships before insert on memberships for each row execute function refuse_memberships()`.execute(
    t.db,
  );
  try {
    const failed = await postForm(t.app, action, {}, preview);
    assert.equal(failed.statusCode, 500);
    assert.doesNotMatch(failed.body, /refused for the test/, 'no SQL on the error page');
  } finally {
    await sql`drop trigger refuse_memberships on memberships`.execute(t.db);
    await sql`drop function refuse_memberships()`.execute(t.db);
  }
  const unchanged = await membershipsOf(person.id);
  assert.deepEqual(
    unchanged.map((m) => m.end_date),
    [null, null],
    'the old seat was not ended',
  );

  const retried = await postForm(t.app, action, {}, preview);
  assert.equal(retried.statusCode, 303);
  const after = await membershipsOf(person.id);
  assert.deepEqual(
    after.map((m) => [m.ward, m.end_date]),
    [
      ['North', '2026-05-06'],
      [null, null],
      ['East', null],
    ],
  );
});

test('UTF-8 with a BOM and Windows-1252 files both come out as "Zoë Brontë", and the preview names the encoding', async () => {
  const row = (n: number) =>
    councillor(n, { givenName: 'Zoë', familyName: `Brontë${n}`, ward: 'East' });
  const bom = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(csvText([HEADER, row(50)]), 'utf8'),
  ]);
  const bomImport = await importFile({ name: 'bom.csv', content: bom });
  assert.match(bomImport.preview, /Read as UTF-8 \(with a byte order mark/);
  assert.match(bomImport.preview, /Zoë Brontë50/);

  const ansi = Buffer.from(csvText([HEADER, row(51)]), 'latin1');
  assert.ok(ansi.includes(0xeb) && !ansi.includes(0xc3), 'ë is the single byte 0xEB');
  const ansiImport = await importFile({ name: 'excel.csv', content: ansi });
  assert.match(ansiImport.preview, /Read as Windows-1252/);
  assert.match(ansiImport.preview, /Zoë Brontë51/);

  for (const n of [50, 51]) {
    const person = await personByEmail(`c${n}@testshire.example`);
    assert.equal(person.given_name, 'Zoë');
    assert.equal(person.family_name, `Brontë${n}`);
  }
});

test('files that cannot be imported are refused with a clear message, and nothing is kept', async () => {
  const before = await pendingImports();
  const cases: [string, { name: string; content: Buffer | string } | undefined, RegExp][] = [
    ['no file', undefined, /Select a CSV file of councillors/],
    ['no file chosen', { name: '', content: '' }, /Select a CSV file of councillors/],
    ['empty', { name: 'empty.csv', content: '' }, /The selected file is empty/],
    [
      'a PDF named .csv',
      { name: 'list.csv', content: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n') },
      /is a PDF document, not a CSV file/,
    ],
    [
      'a workbook',
      { name: 'list.csv', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]) },
      /is an Excel workbook or another zipped file/,
    ],
    [
      'binary',
      { name: 'list.csv', content: Buffer.from([0x4e, 0x61, 0x00, 0x01, 0x02, 0xff]) },
      /not a CSV file: it is not text/,
    ],
    [
      'prose',
      { name: 'notes.csv', content: 'Dear Democratic Services\nPlease add our new councillor\n' },
      /first line has no column headings separated by commas/,
    ],
    [
      'headings only',
      { name: 'h.csv', content: csvText([HEADER]) },
      /has column headings but no councillors/,
    ],
    [
      'too big',
      { name: 'big.csv', content: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') },
      /must be smaller than 5 MB/,
    ],
  ];
  for (const [what, content, message] of cases) {
    const { response } = await uploadFile(t.app, admin.cookie, content);
    assert.equal(response.statusCode, 400, what);
    assert.match(response.body, /There is a problem/, what);
    assert.match(response.body, message, what);
    assert.match(response.body, /href="#file"/, `${what}: the summary links to the file input`);
    assert.match(response.body, /id="file-error"/, `${what}: the message is on the field too`);
  }

  const wrong = await uploadFile(t.app, admin.cookie, {
    name: 'gifts.csv',
    content: 'Member,E-mail,Gift,Value\r\nA B,a@b.org,Lunch,£20\r\n',
  });
  assert.equal(wrong.response.statusCode, 400);
  assert.match(
    wrong.response.body,
    /The selected file is missing these columns: Ward, Group, Election date, Term end, Authority/,
  );
  assert.match(wrong.response.body, /These column headings were not recognised: Gift, Value/);
  assert.equal(await pendingImports(), before);
});

test("an upload without the form's CSRF token, or with a wrong one, is refused with 403 and nothing is kept", async () => {
  const before = await pendingImports();
  for (const csrf of [null, 'not-the-token']) {
    const { response } = await uploadFile(t.app, admin.cookie, file([councillor(60)]), { csrf });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /This form has expired/);
  }
  assert.equal(await pendingImports(), before);
  const nobody = await count('people');
  const session = await getForm(t.app, '/admin/import/members', admin.cookie);
  const confirmed = await t.app.inject({
    method: 'POST',
    url: '/admin/import/members/00000000-0000-4000-8000-000000000000/confirm',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.equal(confirmed.statusCode, 403, 'confirming needs the token too');
  assert.equal(await count('people'), nobody);
});

test('only the Monitoring Officer and Democratic Services may import or export', async () => {
  for (const role of ['member', 'officer', 'group-whip', 'facilitator'] as const) {
    const other = await t.signInAs([role]);
    const page = await t.app.inject({
      url: '/admin/import/members',
      headers: { cookie: other.cookie },
    });
    assert.equal(page.statusCode, 403, `${role} sees the page`);
    const exported = await t.app.inject({
      url: '/admin/export/members.csv?authority=testshire',
      headers: { cookie: other.cookie },
    });
    assert.equal(exported.statusCode, 403, `${role} exports`);
    const session = await getForm(t.app, '/account', other.cookie);
    const body = multipartBody({ _csrf: session.csrf }, file([councillor(70)]));
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/admin/import/members',
      headers: { cookie: session.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    assert.equal(uploaded.statusCode, 403, `${role} uploads`);
  }
  const mo = await t.signInAs(['monitoring-officer']);
  const page = await t.app.inject({ url: '/admin/import/members', headers: { cookie: mo.cookie } });
  assert.equal(page.statusCode, 200);
  const anonymous = await t.app.inject({ url: '/admin/export/members.csv?authority=testshire' });
  assert.equal(anonymous.statusCode, 303);
  // A kept file is only for the person who uploaded it.
  const { response } = await uploadFile(t.app, admin.cookie, file([councillor(71)]));
  const theirs = await t.app.inject({
    url: String(response.headers.location),
    headers: { cookie: mo.cookie },
  });
  assert.equal(theirs.statusCode, 404);
});

test('the export of the demo council imports back as "no change"', async () => {
  // The demo council loads only into an empty database: this test has one of its own.
  const demo = await buildTestApp();
  try {
    await loadDemoCouncil(demo.db);
    const mo = await demo.signInAs(['monitoring-officer']);
    const exported = await demo.app.inject({
      url: '/admin/export/members.csv?authority=demo-city',
      headers: { cookie: mo.cookie },
    });
    assert.equal(exported.statusCode, 200);
    assert.equal(exported.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(
      String(exported.headers['content-disposition']),
      /^attachment; filename="councillors-demo-city-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    assert.ok(
      exported.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
      'starts with a UTF-8 BOM',
    );
    const lines = exported.body.trim().split('\r\n');
    assert.equal(
      lines[0]?.replace(/^\ufeff/, ''),
      'External ID,Given name,Family name,Email,Ward,Group,Election date,Term end,Authority',
    );
    assert.equal(lines.length, 1 + 84, 'the 84 councillors of Demo City');

    const { response, cookie } = await uploadFile(demo.app, mo.cookie, {
      name: 'demo.csv',
      content: exported.rawPayload,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 3000));
    const preview = await demo.app.inject({
      url: String(response.headers.location),
      headers: { cookie },
    });
    assert.match(preview.body, /84 rows with no change/);
    assert.match(preview.body, /Nothing to import/);
    // The file is planned once, not on every visit to its preview.
    const previewAgain = await readUntilCached(() =>
      demo.app.inject({ url: String(response.headers.location), headers: { cookie } }),
    );
    assert.match(previewAgain.body, /84 rows with no change/);

    const missing = await demo.app.inject({
      url: '/admin/export/members.csv',
      headers: { cookie: mo.cookie },
    });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /href="#authority"[^>]*>Select a council to export/);
    const unknown = await demo.app.inject({
      url: '/admin/export/members.csv?authority=atlantis',
      headers: { cookie: mo.cookie },
    });
    assert.equal(unknown.statusCode, 404);

    // Until the data changes, the file is sent as it was made (the upload kept a file to
    // preview, a change of data: the first of these is made again).
    const url = '/admin/export/members.csv?authority=demo-city';
    const remade = await demo.app.inject({ url, headers: { cookie: mo.cookie } });
    const kept = await readUntilCached(() =>
      demo.app.inject({ url, headers: { cookie: mo.cookie } }),
    );
    assert.ok(kept.rawPayload.equals(exported.rawPayload));
    assert.ok(remade.rawPayload.equals(exported.rawPayload));
    assert.equal(kept.headers['content-disposition'], exported.headers['content-disposition']);
  } finally {
    await demo.close();
  }
});

test('cells that would run as spreadsheet formulas are exported with a quote, and import back unchanged', async () => {
  await importFile(
    file([
      councillor(80, {
        externalId: '+441632960000',
        givenName: '=HYPERLINK("http://evil.example","Click")',
        familyName: '@Risk',
        ward: 'East',
        group: '',
      }),
    ]),
  );
  const exported = await t.app.inject({
    url: '/admin/export/members.csv?authority=testshire',
    headers: { cookie: admin.cookie },
  });
  const line = exported.body.split('\r\n').find((l) => l.includes('c80@testshire.example')) ?? '';
  assert.equal(
    line,
    `'+441632960000,"'=HYPERLINK(""http://evil.example"",""Click"")",'@Risk,c80@testshire.example,East,,2024-05-02,2028-05-04,testshire`,
  );
  for (const cell of line.split(',')) assert.doesNotMatch(cell, /^"?[=+\-@]/);

  const { response, cookie } = await uploadFile(t.app, admin.cookie, {
    name: 'back.csv',
    content: exported.rawPayload,
  });
  const preview = await t.app.inject({
    url: String(response.headers.location),
    headers: { cookie },
  });
  assert.match(preview.body, /Nothing to import/);
  const person = await personByEmail('c80@testshire.example');
  assert.equal(person.given_name, '=HYPERLINK("http://evil.example","Click")');
});
