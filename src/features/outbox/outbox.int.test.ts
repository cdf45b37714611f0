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
