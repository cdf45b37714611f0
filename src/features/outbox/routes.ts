import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { formatDateTime } from '../../platform/views.js';
import {
  findOutboxAttachment,
  findOutboxMessage,
  listOutbox,
  listOutboxAttachments,
  OUTBOX_PAGE_SIZE,
} from './repository.js';
import { contentDisposition } from '../../platform/downloads.js';
import { escapeHtml } from '../../platform/html.js';

const query = z.object({
  status: z.enum(['pending', 'sent', 'failed']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const attachmentParams = idParam.extend({
  attachmentId: z.coerce.number().int().positive().max(2_147_483_647),
});

/** "1.2 KB", "340 bytes": a file's size as people read it. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const STATUS_TAGS = {
  pending: { text: 'Waiting', classes: 'govuk-tag--yellow' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
} as const;

export const outboxRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const smtpConfigured = deps.config.SMTP_URL !== undefined;

  app.get('/admin/outbox', { config: administrators }, async (request, reply) =>
    reply.renderPersonalPage(async () => {
      const { status, page } = query.parse(request.query);
      const { rows, total } = await listOutbox(deps.db, status, page);
      const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
      const href = (p: number) =>
        `/admin/outbox?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
      return {
        template: 'outbox/templates/list.njk',
        context: {
          pageTitle: 'Outbox',
          smtpConfigured,
          status,
          total,
          statusItems: [
            { value: '', text: 'All' },
            ...Object.entries(STATUS_TAGS).map(([value, tag]) => ({
              value,
              text: tag.text,
              selected: value === status,
            })),
          ],
          rows: rows.map((r) => [
            {
              html: `<a class="govuk-link" href="/admin/outbox/${r.id}">${escapeHtml(r.subject)}</a>`,
            },
            { text: r.to_address },
            { text: formatDateTime(r.created_at) },
            {
              html: `<strong class="govuk-tag ${STATUS_TAGS[r.status].classes}">${STATUS_TAGS[r.status].text}</strong>`,
            },
          ]),
          pagination:
            pages > 1
              ? {
                  previous: page > 1 ? { href: href(page - 1) } : undefined,
                  next: page < pages ? { href: href(page + 1) } : undefined,
                }
              : null,
        },
      };
    }),
  );

  app.get('/admin/outbox/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const parsed = idParam.safeParse(request.params);
      if (!parsed.success) throw notFound();
      const [message, attachments] = await Promise.all([
        findOutboxMessage(deps.db, parsed.data.id),
        listOutboxAttachments(deps.db, parsed.data.id),
      ]);
      if (!message) throw notFound();
      return reply.render('outbox/templates/message.njk', {
        pageTitle: message.subject,
        message,
        attachments: attachments.map((a) => ({
          name: a.file_name,
          href: `/admin/outbox/${message.id}/attachments/${a.id}`,
          description: `${a.content_type.split(';')[0]}, ${fileSize(Number(a.bytes))}`,
        })),
        smtpConfigured,
        tag: STATUS_TAGS[message.status],
        summaryRows: [
          { key: { text: 'To' }, value: { text: message.to_address } },
          { key: { text: 'Subject' }, value: { text: message.subject } },
          { key: { text: 'Created' }, value: { text: formatDateTime(message.created_at) } },
          {
            key: { text: 'Status' },
            value: {
              text:
                message.status === 'sent' && message.sent_at
                  ? `Sent ${formatDateTime(message.sent_at)}`
                  : message.status === 'failed'
                    ? `Failed after ${message.attempts} attempts: ${message.last_error ?? ''}`
                    : smtpConfigured
                      ? 'Waiting to be sent'
                      : 'Kept here: email sending is not set up',
            },
          },
        ],
      });
    }),
  );

  // An attachment as it was sent (an invitation's calendar file, say), to check what people got.
  app.get(
    '/admin/outbox/:id/attachments/:attachmentId',
    { config: administrators },
    async (request, reply) => {
      const parsed = attachmentParams.safeParse(request.params);
      if (!parsed.success) throw notFound();
      return reply.sendKeptFile(async () => {
        const file = await findOutboxAttachment(deps.db, parsed.data.id, parsed.data.attachmentId);
        if (!file) throw notFound();
        return {
          type: file.content_type,
          body: file.content,
          headers: {
            'content-disposition': contentDisposition(file.file_name),
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          },
        };
      });
    },
  );
};
