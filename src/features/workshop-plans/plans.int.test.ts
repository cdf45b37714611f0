import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readUntilCached } from '../../testing/app.js';
import { errorSummary, textOf, workshopTestApp } from './test-support.js';

let w: Awaited<ReturnType<typeof workshopTestApp>>;
before(async () => {
  w = await workshopTestApp();
});
after(() => w.t.close());

const idFrom = (location: unknown) =>
  Number(/\/admin\/workshops\/(\d+)/.exec(String(location))?.[1]);

async function newPlan(title: string, durationMinutes: string) {
  const response = await w.submit('/admin/workshops/new', {
    title,
    purposes: 'Know the code\nPractise with scenarios',
    durationMinutes,
  });
  assert.equal(response.statusCode, 303);
  return idFrom(response.headers.location);
}

async function addItem(planId: number, title: string, minutes: string, extra = {}) {
  const response = await w.submit(`/admin/workshops/${planId}/agenda/new`, {
    title,
    minutes,
    ...extra,
  });
  assert.equal(response.statusCode, 303, `adding ${title}`);
}

const agendaTitles = async (planId: number) => {
  const html = (await w.page(`/admin/workshops/${planId}`)).body;
  const table =
    /<table class="govuk-table probity-workshop__agenda">[\s\S]*?<\/tbody>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
};

test('a new plan is refused with every problem, then saved and audited', async () => {
  const bad = await w.submit('/admin/workshops/new', { title: '', durationMinutes: '2 hours' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(errorSummary(bad.body), [
    'Enter the title of the workshop',
    'Enter a whole number of minutes, like 20',
  ]);
  assert.match(bad.body, /value="2 hours"/, 'what was typed is kept');
  const short = await w.submit('/admin/workshops/new', { title: 'Short', durationMinutes: '10' });
  assert.deepEqual(errorSummary(short.body), ['Enter between 15 and 480 minutes']);

  const response = await w.submit('/admin/workshops/new', {
    title: 'Standards in practice',
    purposes: 'Know the code',
    durationMinutes: '120',
  });
  assert.equal(response.statusCode, 303);
  const planId = idFrom(response.headers.location);
  const shown = await w.follow(response);
  assert.match(shown.body, /Workshop plan added/);
  assert.match(textOf(shown.body), /Length 2 hours/);
  const [audit] = await w.audits('workshop-plan', planId);
  assert.equal(audit?.action, 'created');
  assert.equal(audit?.actor_person_id, w.admin.personId);
});

test('the agenda total is checked against the length: short, equal and long', async () => {
  const planId = await newPlan('Member and officer relations', '120');
  let page = textOf((await w.page(`/admin/workshops/${planId}`)).body);
  assert.match(page, /The agenda has no items yet but the workshop lasts 120 minutes/);

  await addItem(planId, 'Welcome', '15');
  await addItem(planId, 'Roles of members and officers', '45');
  await addItem(planId, 'Scenarios', '45');
  page = textOf((await w.page(`/admin/workshops/${planId}`)).body);
  assert.match(
    page,
    /The agenda adds up to 105 minutes but the workshop lasts 120 minutes: 15 minutes are not planned/,
  );
  assert.match(page, /0 to 15 Welcome/);
  assert.match(page, /60 to 105 Scenarios/, 'each item shows its place in the running total');
  let list = textOf((await w.page('/admin/workshops')).body);
  assert.match(
    list,
    /Member and officer relations 2 hours 3 items, 105 minutes 0 Agenda 105 of 120 minutes/,
  );

  await addItem(planId, 'Questions and close', '15');
  page = textOf((await w.page(`/admin/workshops/${planId}`)).body);
  assert.match(page, /The agenda adds up to 120 minutes, the length of the workshop/);
  assert.doesNotMatch(page, /but the workshop lasts/);
  list = textOf((await w.page('/admin/workshops')).body);
  assert.match(list, /Member and officer relations 2 hours 4 items, 120 minutes 0 Nothing/);

  await addItem(planId, 'Extra scenario', '10');
  page = textOf((await w.page(`/admin/workshops/${planId}`)).body);
  assert.match(
    page,
    /The agenda adds up to 130 minutes but the workshop lasts 120 minutes: it runs 10 minutes over/,
  );

  // Changing the plan's length to match puts it right again.
  const changed = await w.submit(`/admin/workshops/${planId}/edit`, {
    title: 'Member and officer relations',
    purposes: '',
    durationMinutes: '130',
  });
  assert.equal(changed.statusCode, 303);
  page = textOf((await w.page(`/admin/workshops/${planId}`)).body);
  assert.match(page, /The agenda adds up to 130 minutes, the length of the workshop/);
});

test('agenda items are changed, moved up and down, and removed, each audited', async () => {
  const planId = await newPlan('Ordering', '60');
  await addItem(planId, 'First', '20', {
    facilitatorNotes: 'Ask who has read the code',
    materials: 'Slides 1-4',
  });
  await addItem(planId, 'Second', '20');
  await addItem(planId, 'Third', '20');
  const planUrl = `/admin/workshops/${planId}`;
  const items = await w.t.db
    .selectFrom('workshop_agenda_items')
    .select(['id', 'title'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  const [first, second, third] = items.map((i) => i.id) as [number, number, number];
  const page = (await w.page(planUrl)).body;
  assert.match(page, /Ask who has read the code/);
  assert.match(page, /Materials: Slides 1-4/);
  assert.match(page, /Move up<span class="govuk-visually-hidden"> Second<\/span>/);
  assert.doesNotMatch(
    page,
    /Move up<span class="govuk-visually-hidden"> First<\/span>/,
    'the first cannot move up',
  );

  const moved = await w.submit(planUrl, { direction: 'down' }, `${planUrl}/agenda/${first}/move`);
  assert.equal(moved.statusCode, 303);
  assert.match((await w.follow(moved)).body, /“First” moved down/);
  assert.deepEqual(await agendaTitles(planId), ['Second', 'First', 'Third']);
  await w.submit(planUrl, { direction: 'up' }, `${planUrl}/agenda/${third}/move`);
  assert.deepEqual(await agendaTitles(planId), ['Second', 'Third', 'First']);
  const top = await w.submit(planUrl, { direction: 'up' }, `${planUrl}/agenda/${second}/move`);
  assert.match((await w.follow(top)).body, /“Second” is already at the top/);

  const edit = `${planUrl}/agenda/${third}/edit`;
  assert.match((await w.page(edit)).body, /value="Third"/);
  const wrong = await w.submit(edit, { title: 'Third', minutes: '0' });
  assert.equal(wrong.statusCode, 400);
  assert.deepEqual(errorSummary(wrong.body), ['Enter between 1 and 480 minutes']);
  await w.submit(edit, { title: 'Third, longer', minutes: '25' });
  assert.deepEqual(await agendaTitles(planId), ['Second', 'Third, longer', 'First']);

  const removed = await w.submit(planUrl, {}, `${planUrl}/agenda/${second}/remove`);
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(await agendaTitles(planId), ['Third, longer', 'First']);
  assert.match(
    textOf((await w.page(planUrl)).body),
    /The agenda adds up to 45 minutes but the workshop lasts 60 minutes/,
  );

  const actions = (await w.audits('workshop-plan', planId)).map((a) => a.action);
  assert.deepEqual(actions, [
    'created',
    'agenda-item-added',
    'agenda-item-added',
    'agenda-item-added',
    'agenda-item-moved',
    'agenda-item-moved',
    'agenda-item-changed',
    'agenda-item-removed',
  ]);
  // An item of another plan is not reached through this one.
  const otherItem = await w.t.db
    .selectFrom('workshop_agenda_items')
    .select('id')
    .where('plan_id', '=', w.other.plan)
    .executeTakeFirstOrThrow();
  assert.equal((await w.page(`${planUrl}/agenda/${otherItem.id}/edit`)).statusCode, 404);
});

test('examples of conduct and sources of guidance are added, changed and removed', async () => {
  const planId = await newPlan('Examples', '90');
  const planUrl = `/admin/workshops/${planId}`;
  const missing = await w.submit(`${planUrl}/examples/new`, { text: '' });
  assert.deepEqual(errorSummary(missing.body), [
    'Select whether the conduct is acceptable or not',
    'Describe the conduct',
  ]);
  await w.submit(`${planUrl}/examples/new`, {
    kind: 'unacceptable',
    text: 'Naming a junior officer in a post and calling their work lazy.',
  });
  await w.submit(`${planUrl}/examples/new`, {
    kind: 'acceptable',
    text: 'Criticising the cabinet’s budget strongly in a council debate.',
  });
  let page = textOf((await w.page(planUrl)).body);
  assert.match(page, /Acceptable Criticising the cabinet’s budget/);
  assert.match(page, /Not acceptable Naming a junior officer/);

  const badLink = await w.submit(`${planUrl}/sources/new`, {
    title: 'Local Government Ethical Standards',
    url: 'www.gov.uk/report',
  });
  assert.deepEqual(errorSummary(badLink.body), ['Enter the link starting with https://']);
  await w.submit(`${planUrl}/sources/new`, {
    title: 'Local Government Ethical Standards (January 2019)',
    publisher: 'Committee on Standards in Public Life',
    url: 'https://www.gov.uk/government/publications/local-government-ethical-standards-report',
  });
  page = (await w.page(planUrl)).body;
  assert.match(
    page,
    /<a class="govuk-link" href="https:\/\/www.gov.uk\/government\/publications\/local-government-ethical-standards-report">Local Government Ethical Standards \(January 2019\)<\/a>, Committee on Standards in Public Life/,
  );

  const source = await w.t.db
    .selectFrom('workshop_sources')
    .select('id')
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  await w.submit(`${planUrl}/sources/${source.id}/edit`, {
    title: 'Guidance on the model code',
    publisher: 'LGA',
    url: '',
  });
  page = textOf((await w.page(planUrl)).body);
  assert.match(page, /Guidance on the model code, LGA/);

  const example = await w.t.db
    .selectFrom('workshop_examples')
    .select('id')
    .where('plan_id', '=', planId)
    .where('kind', '=', 'unacceptable')
    .executeTakeFirstOrThrow();
  await w.submit(planUrl, {}, `${planUrl}/examples/${example.id}/remove`);
  page = textOf((await w.page(planUrl)).body);
  assert.doesNotMatch(page, /Naming a junior officer/);
  assert.match(page, /Not acceptable None yet/);
});

test('another council’s plan, and its parts, answer 404; other roles may not use the pages', async () => {
  const id = w.other.plan;
  for (const url of [
    `/admin/workshops/${id}`,
    `/admin/workshops/${id}/edit`,
    `/admin/workshops/${id}/agenda/new`,
    `/admin/workshops/${id}/examples/new`,
    `/admin/workshops/${id}/sources/new`,
    `/admin/workshops/${id}/paragraphs`,
    '/admin/workshops/99999999',
    '/admin/workshops/abc',
  ])
    assert.equal((await w.page(url)).statusCode, 404, url);
  const mine = await newPlan('Mine', '60');
  const posted = await w.submit(
    `/admin/workshops/${mine}/edit`,
    { title: 'Taken over', durationMinutes: '60' },
    `/admin/workshops/${id}/edit`,
  );
  assert.equal(posted.statusCode, 404);
  assert.equal(
    (
      await w.t.db
        .selectFrom('workshop_plans')
        .select('title')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).title,
    'Their plan',
  );
  assert.doesNotMatch((await w.page('/admin/workshops')).body, /Their plan/);

  const member = await w.t.signInAs(['member']);
  const facilitator = await w.t.signInAs(['facilitator']);
  for (const cookie of [member.cookie, facilitator.cookie]) {
    assert.notEqual((await w.page('/admin/workshops', cookie)).statusCode, 200);
    assert.notEqual((await w.page(`/admin/workshops/${mine}`, cookie)).statusCode, 200);
  }
});

test('the plan’s forms are kept for the administrator, and a change shows at once', async () => {
  const planId = await newPlan('Kept forms', '90');
  await addItem(planId, 'Welcome', '10');
  const [item] = await w.t.db
    .selectFrom('workshop_agenda_items')
    .select('id')
    .where('plan_id', '=', planId)
    .execute();
  for (const url of [
    `/admin/workshops/${planId}/edit`,
    `/admin/workshops/${planId}/agenda/new`,
    `/admin/workshops/${planId}/agenda/${item!.id}/edit`,
    `/admin/workshops/${planId}/paragraphs`,
  ]) {
    const kept = await readUntilCached(() => w.page(url), url);
    assert.equal(kept.statusCode, 200);
  }
  // A kept form still posts (its CSRF token is made for each response), and the change shows.
  const changed = await w.submit(`/admin/workshops/${planId}/edit`, {
    title: 'Kept forms, renamed',
    purposes: 'Know the code',
    durationMinutes: '90',
  });
  assert.equal(changed.statusCode, 303);
  assert.match((await w.page(`/admin/workshops/${planId}/edit`)).body, /Kept forms, renamed/);
});
