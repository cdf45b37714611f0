import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import {
  collectErrors,
  dateError,
  parseForm,
  refusalPart,
  todayParts,
} from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import { findVersionInForce, listVersions } from '../code-of-conduct/index.js';
import {
  findAuthorityById,
  listAllVersionSummaries,
  listAuthoritiesInOrder,
  listReviews,
  type AuthorityRow,
} from './repository.js';
import { newDraftForm, reviewForm, versionIdField } from './schemas.js';
import {
  copyPrincipalCode,
  copyVersionToDraft,
  recordReview,
  startBlankDraft,
} from './draft-service.js';
import {
  authorityVersions,
  councilsListView,
  reviewOutcomeItems,
  reviewRows,
} from './view-model.js';
import {
  actorOf,
  authorityFrom,
  bodyOf,
  noProblems,
  paths,
  type Problems,
} from './route-support.js';
import { longDate } from './dates.js';

export const listRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(paths.list, { config: administrators }, async (_request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const [authorities, versions] = await Promise.all([
        listAuthoritiesInOrder(deps.db),
        listAllVersionSummaries(deps.db),
      ]);
      return reply.render('code-admin/templates/list.njk', {
        pageTitle: 'Codes of conduct',
        ...councilsListView(authorities, versions),
      });
    }),
  );

  const renderAuthority = async (
    reply: FastifyReply,
    authority: AuthorityRow,
    values: { draft?: Record<string, unknown>; review?: Record<string, unknown> } = {},
    reviewedDate: Record<string, string> = todayParts(),
    problems: Problems = noProblems(),
  ) => {
    const [versions, reviews, inForce, principal] = await Promise.all([
      listVersions(deps.db, authority.id),
      listReviews(deps.db, authority.id),
      findVersionInForce(deps.db, authority.id),
      authority.parent_id === null ? null : findAuthorityById(deps.db, authority.parent_id),
    ]);
    const principalInForce = principal ? await findVersionInForce(deps.db, principal.id) : null;
    return reply.render(
      'code-admin/templates/authority.njk',
      {
        pageTitle: `Code of conduct of ${authority.name}`,
        authority,
        versions: authorityVersions(versions),
        inForce: inForce
          ? {
              ...inForce,
              inForceFrom: inForce.in_force_from ? longDate(inForce.in_force_from) : '',
            }
          : null,
        principal: principal
          ? { name: principal.name, inForceNumber: principalInForce?.number ?? null }
          : null,
        reviewRows: reviewRows(reviews),
        draftValues: values.draft ?? {},
        reviewValues: values.review ?? {},
        reviewOutcomeItems: reviewOutcomeItems(values.review ?? {}),
        reviewedDate,
        importHref: `${paths.authority(authority.slug)}/import`,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get(`${paths.list}/:slug`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderAuthority(reply, await authorityFrom(deps.db, request.params)),
    ),
  );

  app.post(`${paths.list}/:slug/drafts`, { config: administrators }, async (request, reply) => {
    const authority = await authorityFrom(deps.db, request.params);
    const body = bodyOf(request);
    const form = parseForm(newDraftForm, body);
    if (!form.ok) return renderAuthority(reply, authority, { draft: body }, undefined, form);
    const result = await startBlankDraft(deps.db, authority.id, form.data.title, actorOf(request));
    if (!result.ok)
      return renderAuthority(
        reply,
        authority,
        { draft: body },
        undefined,
        refusalPart(result.refusal),
      );
    return redirectWithFlash(reply, paths.version(result.value.id), {
      title: 'Draft started',
      text: `Version ${result.value.number}, “${form.data.title}”, is a blank draft. Add its sections and paragraphs below.`,
    });
  });

  app.post(`${paths.list}/:slug/copies`, { config: administrators }, async (request, reply) => {
    const authority = await authorityFrom(deps.db, request.params);
    const field = versionIdField.safeParse(bodyOf(request));
    if (!field.success) throw notFound();
    const result = await copyVersionToDraft(
      deps.db,
      authority.id,
      field.data.versionId,
      actorOf(request),
    );
    if (!result.ok) throw notFound();
    return redirectWithFlash(reply, paths.version(result.value.id), {
      title: 'Draft started',
      text: `Version ${result.value.number} is a new draft copied from an earlier version, with its settings.`,
    });
  });

  app.post(
    `${paths.list}/:slug/principal-copy`,
    { config: administrators },
    async (request, reply) => {
      const authority = await authorityFrom(deps.db, request.params);
      const result = await copyPrincipalCode(deps.db, authority, actorOf(request));
      if (!result.ok)
        return renderAuthority(reply, authority, {}, undefined, {
          errors: {},
          errorList: [{ text: result.refusal.message, href: '#copy-principal' }],
        });
      return redirectWithFlash(reply, paths.version(result.value.id), {
        title: 'Draft started',
        text: `Version ${result.value.number} of ${authority.name}’s code is a draft copied from the principal council’s code in force.`,
      });
    },
  );

  app.post(`${paths.list}/:slug/reviews`, { config: administrators }, async (request, reply) => {
    const authority = await authorityFrom(deps.db, request.params);
    const body = bodyOf(request);
    const date = dateError(body, 'reviewedDate', 'The date of the review', true);
    const form = parseForm(reviewForm, body);
    const problems = collectErrors(date.part, form.ok ? null : form);
    if (!form.ok || !date.value)
      return renderAuthority(reply, authority, { review: body }, date.raw, problems);
    const result = await recordReview(
      deps.db,
      authority.id,
      { ...form.data, reviewedOn: date.value },
      actorOf(request),
    );
    if (!result.ok)
      return renderAuthority(
        reply,
        authority,
        { review: body },
        date.raw,
        refusalPart(result.refusal),
      );
    const draft = result.value.draft;
    return redirectWithFlash(
      reply,
      draft ? paths.version(draft.id) : paths.authority(authority.slug),
      {
        title: 'Annual review recorded',
        text: draft
          ? `The review of ${longDate(date.value)} is recorded. Version ${draft.number} is a new draft copied from the code in force.`
          : `The review of ${longDate(date.value)} is recorded: the code in force stays as it is.`,
      },
    );
  });
};
