import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { todayInEngland } from '../../db/current.js';
import { notFound } from '../../platform/errors.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { collectErrors, dateError, parseForm, refusalPart } from '../../platform/forms.js';
import {
  findAuthorityBySlug,
  findVersionInForce,
  listOutstandingPeople,
  listVersionsInForce,
  type VersionInForce,
} from './repository.js';
import { paperForm, paperQuery } from './schemas.js';
import { recordPaperSignOff } from './service.js';
import { paperFormView, type PaperValues } from './paper-view-model.js';
import { readableDate } from './view-model.js';

export const PAPER = '/sign-offs/paper';

/** An officer records, for a member, a sign-off the member made on paper. */
export const paperRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const render = async (
    reply: FastifyReply,
    chosen: { version: VersionInForce | null; authorityName: string; authorityId: number | null },
    values: PaperValues,
    problems: ReturnType<typeof collectErrors> = { errors: {}, errorList: [] },
  ) => {
    const today = todayInEngland();
    const [versions, outstanding] = await Promise.all([
      listVersionsInForce(deps.db),
      chosen.version ? listOutstandingPeople(deps.db, chosen.version, today) : [],
    ]);
    return reply.render(
      'code-sign-off/templates/paper.njk',
      {
        pageTitle: 'Record a sign-off made on paper',
        errorList: problems.errorList,
        ...paperFormView(versions, chosen, outstanding, values, problems.errors),
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get(PAPER, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const query = paperQuery.safeParse(request.query ?? {});
      if (!query.success) throw notFound();
      const { authority: slug, version: versionId, person } = query.data;
      const values: PaperValues = { personId: person, signedOn: {} };
      if (versionId !== undefined) {
        const version = await findVersionInForce(deps.db, versionId);
        if (!version) throw notFound();
        return render(reply, chosenOf(version), values);
      }
      const versions = await listVersionsInForce(deps.db);
      if (slug !== undefined) {
        const authority = await findAuthorityBySlug(deps.db, slug);
        if (!authority) throw notFound();
        const version = versions.find((v) => v.authorityId === authority.id) ?? null;
        return render(
          reply,
          { version, authorityName: authority.name, authorityId: authority.id },
          values,
        );
      }
      const first = versions.find((v) => v.authorityKind === 'principal') ?? versions[0] ?? null;
      return render(
        reply,
        first ? chosenOf(first) : { version: null, authorityName: '', authorityId: null },
        values,
      );
    }),
  );

  app.post(PAPER, { config: administrators }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(paperForm, body);
    if (!form.ok && form.errors.versionId) throw notFound();
    const versionId = form.ok ? form.data.versionId : Number(body.versionId);
    const version = await findVersionInForce(deps.db, versionId);
    if (!version) throw notFound();
    const personId = form.ok ? form.data.personId : undefined;
    const date = dateError(body, 'signedOn', 'The date it was signed', true);
    const values: PaperValues = { personId, signedOn: date.raw };
    const missingPerson =
      personId === undefined
        ? refusalPart({ field: 'personId', message: 'Choose the person who signed on paper' })
        : null;
    const problems = collectErrors(missingPerson, date.part);
    if (problems.errorList.length > 0 || !date.value) {
      return render(reply, chosenOf(version), values, problems);
    }
    const outcome = await recordPaperSignOff(
      deps.db,
      version,
      { personId, signedOn: date.value },
      { actorPersonId: request.user!.personId, requestId: request.id },
      todayInEngland(),
    );
    if (!outcome.ok) {
      const refusal = refusalPart({
        field: outcome.refusal.field,
        message: outcome.refusal.message,
      });
      const fixed =
        outcome.refusal.field === 'signedOn'
          ? { ...refusal, errorList: [{ text: outcome.refusal.message, href: '#signedOn-day' }] }
          : refusal;
      return render(reply, chosenOf(version), values, fixed);
    }
    return redirectWithFlash(reply, `/sign-offs?authority=${version.authoritySlug}`, {
      title: 'Paper sign-off recorded',
      text: `${outcome.value.name} signed ${version.authorityName}’s code of conduct (version ${version.number}) on paper on ${readableDate(date.value)}.`,
    });
  });
};

const chosenOf = (version: VersionInForce) => ({
  version,
  authorityName: version.authorityName,
  authorityId: version.authorityId,
});
