import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTransport } from 'nodemailer';
import { buildTestApp, type TestApp } from '../testing/app.js';
import { deliverPendingEmails, enqueueEmail } from './outbox.js';

/** Attachments kept with an outbox email and sent with it. */
let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

test('an email queued with attachments is delivered with them, byte for byte', async () => {
  const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
  const binary = Buffer.from([0, 1, 2, 255]);
  const id = await enqueueEmail(t.db, {
    to: 'member@test.example',
    subject: 'Invitation with a calendar file',
    text: 'See attached',
    attachments: [
      { fileName: 'invitation.ics', contentType: 'text/calendar; method=REQUEST', content: ics },
      { fileName: 'data.bin', contentType: 'application/octet-stream', content: binary },
    ],
  });
  const stored = await t.db
    .selectFrom('outbox_attachments')
    .select(['file_name', 'content'])
    .where('outbox_id', '=', id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    stored.map((a) => a.file_name),
    ['invitation.ics', 'data.bin'],
  );
  assert.deepEqual(stored[1]?.content, binary);

  const sent: { subject?: unknown; attachments?: unknown }[] = [];
  const transport = createTransport({ jsonTransport: true });
  const originalSend = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: Parameters<typeof originalSend>[0]) => {
    // A copy as handed over: the JSON transport re-encodes the original's contents.
    const attachments = (mail.attachments ?? []) as { content: Buffer }[];
    sent.push({
      subject: mail.subject,
      attachments: mail.attachments
        ? attachments.map((a) => ({ ...a, content: Buffer.from(a.content) }))
        : undefined,
    });
    return originalSend(mail);
  }) as typeof transport.sendMail;
  await deliverPendingEmails(t.db, transport, 'probity@test.example');
  const mail = sent.find((m) => m.subject === 'Invitation with a calendar file');
  assert.ok(mail, 'the email was sent');
  const attachments = mail.attachments as {
    filename: string;
    contentType: string;
    content: Buffer;
  }[];
  assert.equal(attachments.length, 2);
  assert.equal(attachments[0]?.filename, 'invitation.ics');
  assert.equal(attachments[0]?.contentType, 'text/calendar; method=REQUEST');
  assert.equal(Buffer.from(attachments[0]!.content).toString('utf8'), ics);
  assert.deepEqual(Buffer.from(attachments[1]!.content), binary);
});

test('an email without attachments is sent without any', async () => {
  await enqueueEmail(t.db, { to: 'plain@test.example', subject: 'Plain', text: 'x' });
  const sent: { subject?: unknown; attachments?: unknown }[] = [];
  const transport = createTransport({ jsonTransport: true });
  const originalSend = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: Parameters<typeof originalSend>[0]) => {
    // A copy as handed over: the JSON transport re-encodes the original's contents.
    const attachments = (mail.attachments ?? []) as { content: Buffer }[];
    sent.push({
      subject: mail.subject,
      attachments: mail.attachments
        ? attachments.map((a) => ({ ...a, content: Buffer.from(a.content) }))
        : undefined,
    });
    return originalSend(mail);
  }) as typeof transport.sendMail;
  await deliverPendingEmails(t.db, transport, 'probity@test.example');
  const mail = sent.find((m) => m.subject === 'Plain');
  assert.ok(mail);
  assert.equal(mail.attachments, undefined);
});
