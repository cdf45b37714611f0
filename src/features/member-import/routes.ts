import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { acceptFileUploads } from '../../platform/uploads.js';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import { listAuthorities } from './repository.js';
import { exportQuery, importParams } from './schemas.js';
import {
  confirmImport,
  exportMembers,
  MAX_FILE_BYTES,
  previewImport,
  todayInEngland,
  uploadMembers,
  type ImportContext,
  type Preview,
} from './service.js';
import { completedBanner, importPageView, previewView } from './view-model.js';
import { contentDisposition } from '../../platform/downloads.js';

const IMPORT_PAGE = '/admin/import/members';

export const memberImportRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Multipart only here: the plugin is encapsulated.
  const uploadOf = await acceptFileUploads(app, { maxFileBytes: MAX_FILE_BYTES });

  const context = (request: FastifyRequest): ImportContext => ({
    actorPersonId: request.user!.personId,
    requestId: request.id,
    today: todayInEngland(),
  });
  const importId = (params: unknown): string => {
    const parsed = importParams.safeParse(params);
    if (!parsed.success) throw notFound();
    return parsed.data.id;
  };

  const renderImportPage = async (
    reply: FastifyReply,
    errors?: { field: 'file' | 'authority'; messages: string[] },
  ) =>
    reply.render(
      'member-import/templates/import.njk',
      {
        pageTitle: 'Import and export councillors',
        ...importPageView(await listAuthorities(deps.db), errors),
      },
      errors ? 400 : 200,
    );
  const renderPreview = (reply: FastifyReply, preview: Preview, status: number) =>
    reply.render(
      'member-import/templates/preview.njk',
      { pageTitle: 'Check the import', ...previewView(preview) },
      status,
    );

  app.get(IMPORT_PAGE, { config: administrators }, async (_request, outer) =>
    outer.renderPersonalPageWith((reply) => renderImportPage(reply)),
  );

  app.post(IMPORT_PAGE, { config: administrators }, async (request, reply) => {
    const outcome = await uploadMembers(deps.db, uploadOf(request), context(request));
    if (outcome.kind === 'refused') {
      return renderImportPage(reply, { field: 'file', messages: outcome.messages });
    }
    if (outcome.kind === 'invalid') return renderPreview(reply, outcome.preview, 400);
    return reply.redirect(`${IMPORT_PAGE}/${outcome.importId}`, 303);
  });

  // Planning a file against every person of the council is the costly part: the page is kept
  // until the data changes (a confirmed import, or any other write, makes it again).
  app.get(`${IMPORT_PAGE}/:id`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const preview = await previewImport(deps.db, importId(request.params), context(request));
      if (!preview) throw notFound();
      return renderPreview(reply, preview, 200);
    }),
  );

  app.post(`${IMPORT_PAGE}/:id/confirm`, { config: administrators }, async (request, reply) => {
    const outcome = await confirmImport(deps.db, importId(request.params), context(request));
    if (outcome.kind === 'missing') {
      return renderImportPage(reply, {
        field: 'file',
        messages: ['That import has already been done or has expired: upload the file again'],
      });
    }
    if (outcome.kind === 'invalid') return renderPreview(reply, outcome.preview, 400);
    return redirectWithFlash(reply, IMPORT_PAGE, completedBanner(outcome.counts));
  });

  app.get('/admin/export/members.csv', { config: administrators }, async (request, reply) => {
    const query = parseForm(exportQuery, request.query);
    if (!query.ok) {
      return renderImportPage(reply, {
        field: 'authority',
        messages: query.errorList.map((e) => e.text),
      });
    }
    const authority = query.data.authority;
    return reply.sendKeptFile(async () => {
      const file = await exportMembers(deps.db, authority, todayInEngland());
      if (!file) throw notFound();
      return {
        type: 'text/csv; charset=utf-8',
        body: file.text,
        headers: { 'content-disposition': contentDisposition(file.fileName) },
      };
    });
  });
};
