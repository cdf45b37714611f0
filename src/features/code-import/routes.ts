import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { acceptFileUploads } from '../../platform/uploads.js';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { findAuthorityBySlug, type ImportAuthority } from './repository.js';
import { importParams, slugParams, uploadForm } from './schemas.js';
import {
  createDraftFromImport,
  findImportPreview,
  MAX_FILE_BYTES,
  uploadCode,
  type Administrator,
  type ImportPreview,
} from './service.js';
import { paths, previewView, refusalErrors } from './view-model.js';

type Errors = ReturnType<typeof refusalErrors>;

export const codeImportRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Multipart only here: the plugin is encapsulated.
  const uploadOf = await acceptFileUploads(app, { maxFileBytes: MAX_FILE_BYTES });

  const administrator = (request: FastifyRequest): Administrator => ({
    actorPersonId: request.user!.personId,
    authorityId: request.user!.authorityId,
    requestId: request.id,
  });

  const authorityFrom = async (request: FastifyRequest): Promise<ImportAuthority> => {
    const params = slugParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const authority = await findAuthorityBySlug(
      deps.db,
      params.data.slug,
      request.user!.authorityId,
    );
    if (!authority) throw notFound();
    return authority;
  };

  const previewFrom = async (request: FastifyRequest): Promise<ImportPreview> => {
    const params = importParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const preview = await findImportPreview(deps.db, params.data.id, administrator(request));
    if (!preview) throw notFound();
    return preview;
  };

  const renderUpload = (
    reply: FastifyReply,
    authority: ImportAuthority,
    values: { title?: unknown } = {},
    problems?: Errors,
  ) =>
    reply.render(
      'code-import/templates/upload.njk',
      {
        pageTitle: `Import a code of conduct for ${authority.name}`,
        authority,
        action: paths.upload(authority.slug),
        backHref: paths.council(authority.slug),
        maxMegabytes: MAX_FILE_BYTES / (1024 * 1024),
        values: { title: typeof values.title === 'string' ? values.title : '' },
        errors: problems?.errors ?? {},
        errorList: problems?.errorList ?? [],
      },
      problems ? 400 : 200,
    );

  const renderPreview = (
    reply: FastifyReply,
    preview: ImportPreview,
    problems?: Errors,
    status = 200,
  ) =>
    reply.render(
      'code-import/templates/preview.njk',
      {
        pageTitle: 'Check the imported code',
        ...previewView(preview),
        errors: problems?.errors ?? {},
        errorList: problems?.errorList ?? [],
      },
      status,
    );

  app.get('/admin/code/:slug/import', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderUpload(reply, await authorityFrom(request)),
    ),
  );

  app.post('/admin/code/:slug/import', { config: administrators }, async (request, reply) => {
    const authority = await authorityFrom(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(uploadForm, body);
    if (!form.ok) return renderUpload(reply, authority, body, form);
    const outcome = await uploadCode(
      deps.db,
      authority,
      uploadOf(request),
      form.data.title,
      administrator(request),
    );
    if (!outcome.ok) return renderUpload(reply, authority, body, refusalErrors(outcome.refusal));
    return reply.redirect(paths.preview(outcome.value), 303);
  });

  app.get('/admin/code/imports/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => renderPreview(reply, await previewFrom(request))),
  );

  app.post(
    '/admin/code/imports/:id/confirm',
    { config: administrators },
    async (request, reply) => {
      const preview = await previewFrom(request);
      const outcome = await createDraftFromImport(deps.db, preview.id, administrator(request));
      if (!outcome) throw notFound();
      if (!outcome.ok) {
        // show the page as it is now (an import just used by someone else shows as used)
        return renderPreview(
          reply,
          await previewFrom(request),
          refusalErrors(outcome.refusal),
          409,
        );
      }
      return redirectWithFlash(reply, paths.version(outcome.value.versionId), {
        title: 'Draft created',
        text: `Version ${outcome.value.number} of the code of ${preview.authority.name} has been created from ${preview.fileName}, with ${outcome.value.items} numbered items. It is a draft: check it before it goes any further.`,
      });
    },
  );
};
