import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { acceptFileUploads } from '../../platform/uploads.js';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart, type ErrorSummaryItem } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import type { Refusal } from '../../platform/outcome.js';
import {
  listAppendices,
  listAuthorityProgrammes,
  listAuthorityVersions,
} from './appendix-repository.js';
import {
  addAppendix,
  appendixDownloadHeaders,
  appendixFileForAdministrator,
  changeAppendix,
  type NewAppendix,
} from './appendix-service.js';
import { MAX_APPENDIX_BYTES } from './file-check.js';
import type { ReportSummary } from './repository.js';
import {
  codeVersionAppendixForm,
  comparisonAppendixForm,
  fileAppendixForm,
  moveForm,
  programmeAppendixForm,
} from './schemas.js';
import { actorOf, appendixIdsFrom, bodyOf, homeAuthorityOf, reportFrom } from './route-support.js';
import { appendixRows, paths, programmeItems, versionItems } from './view-model.js';

type Problems = { errors: Record<string, { text: string }>; errorList: ErrorSummaryItem[] };
type Kind = 'version' | 'comparison' | 'file' | 'programme';

export const appendixRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const render = async (
    reply: FastifyReply,
    report: ReportSummary,
    form?: { kind: Kind; values: Record<string, unknown>; problems: Problems; status: number },
  ) => {
    const [appendices, versions, programmes] = await Promise.all([
      listAppendices(deps.db, report.id),
      listAuthorityVersions(deps.db, report.authority_id),
      listAuthorityProgrammes(deps.db, report.authority_id),
    ]);
    const values = form?.values ?? {};
    const mine = (kind: Kind) => (form?.kind === kind ? values : {});
    const errorsOf = (kind: Kind) => (form?.kind === kind ? form.problems.errors : {});
    return reply.render(
      'report-checklist/templates/appendices.njk',
      {
        pageTitle: `Appendices: ${report.title}`,
        report,
        isDraft: report.status === 'draft',
        backHref: paths.report(report.id),
        action: paths.appendices(report.id),
        rows: appendixRows(report.id, report.authoritySlug, appendices),
        hasVersions: versions.length > 0,
        hasTwoVersions: versions.length > 1,
        versionForm: {
          values: mine('version'),
          errors: errorsOf('version'),
          items: versionItems(versions, mine('version').versionId, 'Select a version'),
        },
        comparisonForm: {
          values: mine('comparison'),
          errors: errorsOf('comparison'),
          fromItems: versionItems(versions, mine('comparison').fromVersionId, 'Select a version'),
          toItems: versionItems(versions, mine('comparison').toVersionId, 'Select a version'),
        },
        fileForm: { values: mine('file'), errors: errorsOf('file') },
        programmeForm: {
          values: mine('programme'),
          errors: errorsOf('programme'),
          items: programmeItems(programmes, mine('programme').programmeId),
          hasProgrammes: programmes.length > 0,
        },
        maxMegabytes: MAX_APPENDIX_BYTES / (1024 * 1024),
        errors: form?.problems.errors ?? {},
        errorList: form?.problems.errorList ?? [],
      },
      form?.status ?? 200,
    );
  };

  app.get('/admin/reports/:id/appendices', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      render(reply, await reportFrom(deps.db, request)),
    ),
  );

  /** Add one appendix from a form, and answer as a form does. */
  const add = async (
    request: FastifyRequest,
    reply: FastifyReply,
    kind: Kind,
    parsed: { ok: true; input: NewAppendix } | { ok: false; problems: Problems },
  ) => {
    const report = await reportFrom(deps.db, request);
    const values = bodyOf(request);
    if (!parsed.ok) {
      return render(reply, report, {
        kind,
        values,
        problems: titled(kind, parsed.problems),
        status: 400,
      });
    }
    const outcome = await addAppendix(
      deps.db,
      report.id,
      homeAuthorityOf(request),
      parsed.input,
      actorOf(request),
    );
    if (!outcome) throw notFound();
    if (!outcome.ok) {
      const status = outcome.refusal.field === 'form' ? 409 : 400;
      return render(reply, report, { kind, values, problems: asProblems(outcome.refusal), status });
    }
    return redirectWithFlash(reply, paths.appendices(report.id), {
      title: 'Appendix added',
      text: `${parsed.input.title} is appendix ${outcome.value.position} of the report.`,
    });
  };

  app.post(
    '/admin/reports/:id/appendices/code-version',
    { config: administrators },
    (request, reply) => {
      const form = parseForm(codeVersionAppendixForm, bodyOf(request));
      return add(
        request,
        reply,
        'version',
        form.ok
          ? { ok: true, input: { kind: 'code-version', ...form.data } }
          : { ok: false, problems: form },
      );
    },
  );

  app.post(
    '/admin/reports/:id/appendices/comparison',
    { config: administrators },
    (request, reply) => {
      const form = parseForm(comparisonAppendixForm, bodyOf(request));
      return add(
        request,
        reply,
        'comparison',
        form.ok
          ? { ok: true, input: { kind: 'code-comparison', ...form.data } }
          : { ok: false, problems: form },
      );
    },
  );

  app.post(
    '/admin/reports/:id/appendices/programme',
    { config: administrators },
    (request, reply) => {
      const form = parseForm(programmeAppendixForm, bodyOf(request));
      return add(
        request,
        reply,
        'programme',
        form.ok
          ? { ok: true, input: { kind: 'programme', ...form.data } }
          : { ok: false, problems: form },
      );
    },
  );

  // Uploads: multipart only in this inner plugin (fields reach request.body for the CSRF check).
  await app.register(async (upload) => {
    const uploadOf = await acceptFileUploads(upload, {
      maxFileBytes: MAX_APPENDIX_BYTES,
      maxFields: 4,
    });
    upload.post(
      '/admin/reports/:id/appendices/file',
      { config: administrators },
      (request, reply) => {
        const form = parseForm(fileAppendixForm, bodyOf(request));
        return add(
          request,
          reply,
          'file',
          form.ok
            ? {
                ok: true,
                input: {
                  kind: 'file',
                  title: form.data.title,
                  upload: uploadOf(request),
                },
              }
            : { ok: false, problems: form },
        );
      },
    );
  });

  const change = async (request: FastifyRequest, reply: FastifyReply, what: 'move' | 'remove') => {
    const { id, appendixId } = appendixIdsFrom(request.params);
    let direction: 'up' | 'down' | 'remove' = 'remove';
    if (what === 'move') {
      const form = parseForm(moveForm, bodyOf(request));
      if (!form.ok) throw notFound();
      direction = form.data.direction;
    }
    const outcome = await changeAppendix(
      deps.db,
      id,
      homeAuthorityOf(request),
      appendixId,
      direction,
      actorOf(request),
    );
    if (!outcome) throw notFound();
    if (!outcome.ok) {
      const report = await reportFrom(deps.db, request);
      return render(reply, report, {
        kind: 'file',
        values: {},
        problems: asProblems(outcome.refusal),
        status: 409,
      });
    }
    return redirectWithFlash(
      reply,
      paths.appendices(id),
      what === 'remove'
        ? {
            title: 'Appendix removed',
            text: `${outcome.value.title} is no longer appended to the report.`,
          }
        : { title: 'Appendices reordered', text: `${outcome.value.title} has moved.` },
    );
  };

  app.post(
    '/admin/reports/:id/appendices/:appendixId/move',
    { config: administrators },
    (request, reply) => change(request, reply, 'move'),
  );
  app.post(
    '/admin/reports/:id/appendices/:appendixId/remove',
    { config: administrators },
    (request, reply) => change(request, reply, 'remove'),
  );

  app.get(
    '/admin/reports/:id/appendices/:appendixId/file',
    { config: administrators },
    async (request, reply) =>
      reply.sendKeptFile(async () => {
        const { id, appendixId } = appendixIdsFrom(request.params);
        const file = await appendixFileForAdministrator(
          deps.db,
          id,
          homeAuthorityOf(request),
          appendixId,
        );
        if (!file) throw notFound();
        const { 'content-type': type, ...headers } = appendixDownloadHeaders(file);
        return { type, body: file.content, headers };
      }),
  );
};

/** Each form's title field has its own id: point the summary's link at the right one. */
function titled(kind: Kind, problems: Problems): Problems {
  return {
    errors: problems.errors,
    errorList: problems.errorList.map((e) =>
      e.href === '#title' ? { ...e, href: `#${kind}Title` } : e,
    ),
  };
}

function asProblems(refusal: Refusal): Problems {
  if (refusal.field === 'form') {
    return { errors: {}, errorList: [{ text: refusal.message, href: '#appendices' }] };
  }
  return refusalPart(refusal);
}
