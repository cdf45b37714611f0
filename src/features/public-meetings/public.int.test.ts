import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { dataChanged } from '../../testing/data.js';
import { createAuthority } from '../code-of-conduct/testing.js';
import {
  addFileAppendix,
  createCommittee,
  createMeeting,
  createPersonNamed,
  createReport,
  paraItem,
  sectionItem,
} from './testing.js';

/**
 * Public meetings, agendas, minutes and reports: what is shown, and every rule that answers 404.
 * The data is inserted straight into the database (the admin side is another feature's).
 */
let t: TestApp;
const ids = {
  committee: 0,
  group: 0,
  openReport: 0,
  exemptReport: 0,
  draftReport: 0,
  openFile: 0,
  exemptFile: 0,
  draftFile: 0,
  meeting: 0,
  unpublished: 0,
  cancelled: 0,
  noMinutes: 0,
};
const AMENDED = 'Agree the training plan, with a session for parish clerks added.';

before(async () => {
  t = await buildTestApp();
  const authorityId = await createAuthority(t.db, 'pm-city', { name: 'Pembury City Council' });
  ids.committee = await createCommittee(t.db, authorityId, 'Governance Committee');
  ids.group = await createCommittee(t.db, authorityId, 'Pembury Party', 'political-group');
  const member = await createPersonNamed(t.db, authorityId, 'Morgan', 'Ashdown', 'member');
  const absent = await createPersonNamed(t.db, authorityId, 'Riley', 'Brook', 'member');
  const apologies = await createPersonNamed(t.db, authorityId, 'Sam', 'Carrow', 'member');
  const open = await createReport(t.db, {
    authorityId,
    committeeId: ids.committee,
    title: 'Revised code and member training',
    recommendations: ['Agree the revised code.', 'Agree the training plan.', 'Note the survey.'],
    items: [
      sectionItem('INTRODUCTION'),
      paraItem('A revised model code is available.'),
      sectionItem('MAIN BODY'),
      paraItem('Training'),
      paraItem('Each group gets a session.', 2),
    ],
    implications: [],
  });
  ids.openReport = open.id;
  const exempt = await createReport(t.db, {
    authorityId,
    committeeId: ids.committee,
    title: 'Settlement of a claim against the council',
    exemptParagraph: 3,
    recommendations: ['Approve the confidential settlement figure.'],
  });
  ids.exemptReport = exempt.id;
  const draft = await createReport(t.db, {
    authorityId,
    committeeId: ids.committee,
    title: 'Draft report on room hire',
    status: 'draft',
  });
  ids.draftReport = draft.id;
  ids.openFile = await addFileAppendix(
    t.db,
    open.id,
    'Training plan',
    Buffer.from('%PDF-1.4 open'),
    0,
    'Members’ training plan "2026".pdf',
  );
  ids.exemptFile = await addFileAppendix(t.db, exempt.id, 'Figures', Buffer.from('%PDF-1.4 x'));
  ids.draftFile = await addFileAppendix(t.db, draft.id, 'Room rates', Buffer.from('%PDF-1.4 y'));

  const meeting = await createMeeting(t.db, {
    organisationId: ids.committee,
    startsAt: new Date('2026-07-01T17:00:00Z'),
    venue: 'Committee Room 2, Civic Centre',
    status: 'held',
    minutesPublished: true,
    items: [
      { title: 'Apologies for absence' },
      { title: 'Revised code and member training', reportId: open.id },
      { title: 'Claim settlement', reportId: exempt.id },
    ],
  });
  ids.meeting = meeting.id;
  const [, openItem, exemptItem] = meeting.itemIds as [number, number, number];
  const [r1, r2, r3] = open.recommendationIds as [number, number, number];
  await t.db
    .insertInto('resolutions')
    .values([
      {
        agenda_item_id: openItem,
        recommendation_id: r1,
        outcome: 'agreed',
        minute_reference: 'GC 12/26',
      },
      {
        agenda_item_id: openItem,
        recommendation_id: r2,
        outcome: 'agreed-as-amended',
        amended_text: AMENDED,
        minute_reference: 'GC 13/26',
      },
      { agenda_item_id: openItem, recommendation_id: r3, outcome: 'deferred' },
      {
        agenda_item_id: exemptItem,
        recommendation_id: exempt.recommendationIds[0]!,
        outcome: 'not-agreed',
        minute_reference: 'GC 14/26',
      },
    ])
    .execute();
  await t.db
    .insertInto('meeting_attendance')
    .values([
      { meeting_id: meeting.id, person_id: member, status: 'present' },
      { meeting_id: meeting.id, person_id: absent, status: 'absent' },
      { meeting_id: meeting.id, person_id: apologies, status: 'apologies' },
    ])
    .execute();
  await t.db
    .insertInto('meeting_declarations')
    .values({
      meeting_id: meeting.id,
      agenda_item_id: openItem,
      person_id: member,
      declaration: 'Trustee of a charity that runs councillor training.',
    })
    .execute();
  ids.unpublished = (
    await createMeeting(t.db, {
      organisationId: ids.committee,
      startsAt: new Date('2026-09-01T17:00:00Z'),
      agendaPublished: false,
      items: [{ title: 'Secret future item' }],
    })
  ).id;
  ids.cancelled = (
    await createMeeting(t.db, {
      organisationId: ids.committee,
      startsAt: new Date('2026-08-05T09:30:00Z'),
      status: 'cancelled',
      items: [{ title: 'Item that will not be heard' }],
    })
  ).id;
  ids.noMinutes = (
    await createMeeting(t.db, {
      organisationId: ids.committee,
      startsAt: new Date('2026-06-01T17:00:00Z'),
      status: 'held',
      items: [{ title: 'Budget monitoring' }],
    })
  ).id;
  await dataChanged(t.db);
});
after(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });

test('the meetings page lists committees with published agendas, times in England and a calendar', async () => {
  const response = await get('/meetings');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /Governance Committee/);
  // 17:00 UTC on 1 July is 6pm British Summer Time.
  assert.match(html, /Wednesday 1 July 2026 at 6pm/);
  assert.match(html, /Committee Room 2, Civic Centre/);
  assert.match(html, new RegExp(`href="/meetings/${ids.meeting}"`));
  assert.match(html, new RegExp(`href="/meetings/${ids.meeting}/minutes"`));
  assert.match(html, new RegExp(`href="/committees/${ids.committee}/meetings.ics"`));
  assert.match(html, /Cancelled/);
  assert.doesNotMatch(html, new RegExp(`href="/meetings/${ids.unpublished}"`));
  assert.match(
    html,
    /href="\/meetings"[^>]*>\s*(<strong[^>]*>)?Meetings/,
    'public navigation links to meetings',
  );
});

test('an agenda numbers its items, links open reports and shows exempt ones by title and paragraph only', async () => {
  const response = await get(`/meetings/${ids.meeting}`);
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /1\. Apologies for absence/);
  assert.match(
    html,
    new RegExp(`2\\. <a class="govuk-link" href="/reports/${ids.openReport}">Revised code`),
  );
  assert.match(html, /3\. Claim settlement/);
  assert.match(
    html,
    /Not for publication: paragraph 3 of Schedule 12A to the Local Government Act 1972/,
  );
  assert.doesNotMatch(html, new RegExp(`/reports/${ids.exemptReport}`));
  assert.doesNotMatch(html, /Settlement of a claim|confidential settlement/);
  assert.match(html, new RegExp(`href="/meetings/${ids.meeting}/minutes"`));
});

test('a cancelled meeting says so; an agenda not yet published is a 404', async () => {
  const cancelled = await get(`/meetings/${ids.cancelled}`);
  assert.equal(cancelled.statusCode, 200);
  assert.match(cancelled.body, /This meeting has been cancelled/);
  assert.equal((await get(`/meetings/${ids.unpublished}`)).statusCode, 404);
  assert.equal((await get('/meetings/999999')).statusCode, 404);
  assert.equal((await get('/meetings/abc')).statusCode, 404);
});

test('minutes show attendance, declarations and every decision; exempt items only title and outcome', async () => {
  const response = await get(`/meetings/${ids.meeting}/minutes`);
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /Present\s*<\/dt>\s*<dd[^>]*>\s*Morgan Ashdown/);
  assert.match(html, /Apologies\s*<\/dt>\s*<dd[^>]*>\s*Sam Carrow/);
  assert.match(html, /Absent\s*<\/dt>\s*<dd[^>]*>\s*Riley Brook/);
  assert.match(html, /Trustee of a charity that runs councillor training\./);
  assert.match(
    html,
    /Agree the revised code\.[\s\S]*?<strong>Agreed<\/strong> \(minute GC 12\/26\)/,
  );
  assert.match(html, /<strong>Agreed as amended<\/strong> \(minute GC 13\/26\)/);
  assert.ok(html.includes(`As amended: ${AMENDED}`));
  assert.match(html, /Note the survey\.[\s\S]*?<strong>Deferred<\/strong>/);
  assert.match(html, /3\. Claim settlement/);
  assert.match(html, /<strong>Not agreed<\/strong>/);
  assert.doesNotMatch(html, /confidential settlement figure|GC 14\/26/);
});

test('minutes not yet published are a 404', async () => {
  assert.equal((await get(`/meetings/${ids.noMinutes}/minutes`)).statusCode, 404);
  assert.equal((await get(`/meetings/${ids.unpublished}/minutes`)).statusCode, 404);
});

test('draft and exempt reports are a 404 at the public address, even for administrators', async () => {
  const { cookie } = await t.signInAs(['monitoring-officer']);
  for (const id of [ids.draftReport, ids.exemptReport]) {
    for (const suffix of ['', '/print', '/word']) {
      assert.equal((await get(`/reports/${id}${suffix}`)).statusCode, 404, `${id}${suffix}`);
      assert.equal((await get(`/reports/${id}${suffix}`, cookie)).statusCode, 404);
    }
  }
  assert.equal((await get(`/reports/${ids.openReport}`)).statusCode, 200);
});

test('a withdrawn report is no longer public', async () => {
  const authority = await t.db
    .selectFrom('reports')
    .select('authority_id')
    .where('id', '=', ids.openReport)
    .executeTakeFirstOrThrow();
  const withdrawn = await createReport(t.db, {
    authorityId: authority.authority_id,
    committeeId: ids.committee,
    title: 'Withdrawn report',
    status: 'withdrawn',
  });
  assert.equal((await get(`/reports/${withdrawn.id}`)).statusCode, 404);
});

test('an open report’s file appendix downloads as an attachment; exempt and draft ones do not', async () => {
  const response = await get(`/reports/${ids.openReport}/appendices/${ids.openFile}`);
  assert.equal(response.statusCode, 200);
  // A name with characters a header cannot carry is made safe, not a server error; browsers
  // that read filename* still get the name exactly as it was.
  assert.equal(
    response.headers['content-disposition'],
    `attachment; filename="Members_ training plan _2026_.pdf"; filename*=UTF-8''Members%E2%80%99%20training%20plan%20%222026%22.pdf`,
  );
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['content-type'], 'application/pdf');
  assert.equal(response.body, '%PDF-1.4 open');
  const page = await get(`/reports/${ids.openReport}`);
  assert.ok(page.body.includes(`href="/reports/${ids.openReport}/appendices/${ids.openFile}"`));
  assert.equal(
    (await get(`/reports/${ids.exemptReport}/appendices/${ids.exemptFile}`)).statusCode,
    404,
  );
  assert.equal(
    (await get(`/reports/${ids.draftReport}/appendices/${ids.draftFile}`)).statusCode,
    404,
  );
  // An appendix of another report through an open report's address.
  assert.equal(
    (await get(`/reports/${ids.openReport}/appendices/${ids.exemptFile}`)).statusCode,
    404,
  );
});
