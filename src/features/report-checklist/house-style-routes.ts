import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import {
  collectErrors,
  parseForm,
  refusalPart,
  type ErrorSummaryItem,
} from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import {
  findHouseStyleWord,
  listHouseStyleWords,
  listManagedAuthorities,
  type HouseStyleWord,
} from './repository.js';
import { houseStyleForm } from './schemas.js';
import {
  addHouseStyleWord,
  removeHouseStyleWord,
  updateHouseStyleWord,
} from './house-style-service.js';
import { actorOf, authorityFrom, bodyOf, homeAuthorityOf, idFrom } from './route-support.js';
import { authorityItems, houseStyleRows, paths } from './view-model.js';

type Problems = { errors: Record<string, { text: string }>; errorList: ErrorSummaryItem[] };
const none: Problems = { errors: {}, errorList: [] };

export const houseStyleRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    given: unknown,
    values: Record<string, unknown> = {},
    problems: Problems = none,
  ) => {
    const { authority, authorities } = await authorityFrom(deps.db, request, given);
    const words = await listHouseStyleWords(deps.db, authority.id);
    return reply.render(
      'report-checklist/templates/house-style.njk',
      {
        pageTitle: `House style words – ${authority.name}`,
        authority,
        authorityItems: authorityItems(authorities, authority.id),
        showAuthoritySelect: authorities.length > 1,
        rows: houseStyleRows(words),
        values,
        ...problems,
      },
      problems.errorList.length ? 400 : 200,
    );
  };

  app.get('/admin/house-style', { config: administrators }, (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => renderList(request, reply, undefined)),
  );

  app.post('/admin/house-style', { config: administrators }, async (request, reply) => {
    const body = bodyOf(request);
    const { authority } = await authorityFrom(deps.db, request, body.authorityId ?? '');
    const form = parseForm(houseStyleForm, body);
    if (!form.ok) return renderList(request, reply, String(authority.id), body, form);
    const outcome = await addHouseStyleWord(deps.db, authority.id, form.data, actorOf(request));
    if (!outcome.ok) {
      return renderList(
        request,
        reply,
        String(authority.id),
        body,
        collectErrors(refusalPart(outcome.refusal)),
      );
    }
    return redirectWithFlash(reply, paths.houseStyle(authority.id), {
      title: 'Word added',
      text: `The readiness check will now look for “${form.data.pattern}”.`,
    });
  });

  const loadWord = async (request: FastifyRequest): Promise<HouseStyleWord> => {
    const authorities = await listManagedAuthorities(deps.db, homeAuthorityOf(request));
    const word = await findHouseStyleWord(
      deps.db,
      idFrom(request.params),
      authorities.map((a) => a.id),
    );
    if (!word) throw notFound();
    return word;
  };

  const renderEdit = (
    reply: FastifyReply,
    word: HouseStyleWord,
    values: Record<string, unknown>,
    problems: Problems = none,
  ) =>
    reply.render(
      'report-checklist/templates/house-style-edit.njk',
      {
        pageTitle: `Edit “${word.pattern}”`,
        word,
        backHref: paths.houseStyle(word.authority_id),
        values,
        ...problems,
      },
      problems.errorList.length ? 400 : 200,
    );

  app.get('/admin/house-style/:id', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const word = await loadWord(request);
      return renderEdit(reply, word, { pattern: word.pattern, advice: word.advice });
    }),
  );

  app.post('/admin/house-style/:id', { config: administrators }, async (request, reply) => {
    const word = await loadWord(request);
    const body = bodyOf(request);
    const form = parseForm(houseStyleForm, body);
    if (!form.ok) return renderEdit(reply, word, body, form);
    const outcome = await updateHouseStyleWord(deps.db, word, form.data, actorOf(request));
    if (!outcome.ok)
      return renderEdit(reply, word, body, collectErrors(refusalPart(outcome.refusal)));
    return redirectWithFlash(reply, paths.houseStyle(word.authority_id), {
      title: outcome.value.changed ? 'Word updated' : 'Nothing changed',
      text: outcome.value.changed
        ? `Your changes to “${form.data.pattern}” are saved.`
        : `“${word.pattern}” already had that advice.`,
    });
  });

  app.post('/admin/house-style/:id/remove', { config: administrators }, async (request, reply) => {
    const word = await loadWord(request);
    await removeHouseStyleWord(deps.db, word, actorOf(request));
    return redirectWithFlash(reply, paths.houseStyle(word.authority_id), {
      title: 'Word removed',
      text: `The readiness check no longer looks for “${word.pattern}”.`,
    });
  });
};
