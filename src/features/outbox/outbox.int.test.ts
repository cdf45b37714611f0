import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTransport } from 'nodemailer';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { deliverPendingEmails, enqueueEmail } from '../../platform/outbox.js';

let t: TestApp;
let admin: { cookie: string; personId: number };

before(async () => {
  t = await buildTestApp();
  admin = await t.signInAs(['democratic-services']);
});
after(() => t.close());

test('without SMTP, emails stay in the outbox where administrators can read them', async () => {
  const id = await enqueueEmail(t.db, {
    to: 'clerk@test.example',
    subject: 'Agenda <draft>',
    text: 'Line one\nLine two',
  });
  const list = await t.app.inject({ url: '/admin/outbox', headers: { cookie: admin.cookie } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Email sending is not set up/);
  assert.match(list.body, /Agenda &lt;draft&gt;/);
  assert.match(list.body, /Waiting/);
  const message = await t.app.inject({
    url: `/admin/outbox/${id}`,
    headers: { cookie: admin.cookie },
  });
  assert.match(message.body, /Line one\nLine two/);
  assert.match(message.body, /Kept here: email sending is not set up/);
  const missing = await t.app.inject({
    url: '/admin/outbox/987654',
    headers: { cookie: admin.cookie },
  });
  assert.equal(missing.statusCode, 404);
});

test('a message’s attached files are listed and can be downloaded as they were sent', async () => {
  const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
  const id = await enqueueEmail(t.db, {
    to: 'member@test.example',
    subject: 'Invitation: code of conduct session',
    text: 'You are invited.',
    attachments: [
      { fileName: 'invitation.ics', contentType: 'text/calendar; method=REQUEST', content: ics },
    ],
  });
  const other = await enqueueEmail(t.db, {
    to: 'x@test.example',
    subject: 'Other',
    text: 'No files',
  });
  const page = await t.app.inject({
    url: `/admin/outbox/${id}`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(page.statusCode, 200);
  const link =
    /<a class="govuk-link" href="([^"]+)" download>invitation\.ics<\/a> \(text\/calendar, (\d+) bytes\)/.exec(
      page.body,
    );
  assert.ok(link, page.body);
  assert.equal(Number(link[2]), Buffer.byteLength(ics));
  const file = await t.app.inject({ url: link[1]!, headers: { cookie: admin.cookie } });
  assert.equal(file.statusCode, 200);
  assert.equal(file.body, ics);
  assert.match(String(file.headers['content-type']), /^text\/calendar/);
  assert.match(
    String(file.headers['content-disposition']),
    /attachment; filename="invitation\.ics"/,
  );
  // The same file asked for under another message is not there; a message without files says none.
  const wrong = await t.app.inject({
    url: link[1]!.replace(`/outbox/${id}/`, `/outbox/${other}/`),
    headers: { cookie: admin.cookie },
  });
  assert.equal(wrong.statusCode, 404);
  const plain = await t.app.inject({
    url: `/admin/outbox/${other}`,
    headers: { cookie: admin.cookie },
  });
  assert.doesNotMatch(plain.body, /Attached file/);
  const member = await t.signInAs(['member']);
  const refused = await t.app.inject({ url: link[1]!, headers: { cookie: member.cookie } });
  assert.equal(refused.statusCode, 403);
});

test('the sender delivers waiting emails through nodemailer and marks them sent', async () => {
  const id = await enqueueEmail(t.db, {
    to: 'member@test.example',
    subject: 'Training reminder',
    text: 'See you there',
  });
  const delivered: string[] = [];
  const transport = createTransport({ jsonTransport: true });
  transport.on('idle', () => undefined);
  const originalSend = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: Parameters<typeof originalSend>[0]) => {
    const info = await originalSend(mail);
    delivered.push(String((info as { message: string }).message));
    return info;
  }) as typeof transport.sendMail;
  const result = await deliverPendingEmails(t.db, transport, 'Probity <probity@test.example>');
  assert.ok(result.sent >= 1);
  assert.ok(
    delivered.some((m) => m.includes('Training reminder') && m.includes('member@test.example')),
  );
  const row = await t.db
    .selectFrom('outbox')
    .select(['status', 'sent_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'sent');
  assert.ok(row.sent_at);
});

test('a mail server that refuses leaves the email waiting with the error recorded', async () => {
  const id = await enqueueEmail(t.db, {
    to: 'someone@test.example',
    subject: 'Retry me',
    text: 'x',
  });
  const refused = createTransport('smtp://127.0.0.1:1', { connectionTimeout: 2000 } as never);
  const result = await deliverPendingEmails(t.db, refused, 'probity@test.example');
  assert.equal(result.failed, 1);
  const row = await t.db
    .selectFrom('outbox')
    .select(['status', 'attempts', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 1);
  assert.ok(row.last_error && row.last_error.length > 0);
});
