import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseDateInput } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { notFound } from '../../platform/errors.js';
import { formatDate } from '../../platform/views.js';
import { findOrganisation, type OrganisationDetails } from './repository.js';
import { dissolveOrganisation } from './organisation-service.js';
import { paths } from './list-view-model.js';
import { FormProblems } from './form-problems.js';
import { actorOf, bodyOf, idFrom } from './route-support.js';
import { today } from './outcome.js';

const todayParts = () => {
  const [year = '', month = '', day = ''] = today().split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};

export const dissolveRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  /** Only a live group, committee, sub-committee or outside body can be dissolved. */
  const loadDissolvable = async (params: unknown) => {
    const organisation = await findOrganisation(deps.db, idFrom(params));
    if (!organisation || organisation.classification === 'council' || organisation.dissolved_on)
      throw notFound();
    return organisation;
  };

  const render = (
    reply: FastifyReply,
    organisation: OrganisationDetails,
    raw: Record<string, string>,
    problems = new FormProblems(),
  ) =>
    reply.render(
      'organisations-admin/templates/organisation-dissolve.njk',
      {
        pageTitle: `Dissolve ${organisation.name}`,
        organisation,
        backHref: paths.list(organisation.authority_id),
        raw,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.found ? 400 : 200,
    );

  app.get('/admin/organisations/:id/dissolve', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const organisation = await loadDissolvable(request.params);
      return render(reply, organisation, todayParts());
    }),
  );

  app.post(
    '/admin/organisations/:id/dissolve',
    { config: administrators },
    async (request, reply) => {
      const organisation = await loadDissolvable(request.params);
      const date = parseDateInput(bodyOf(request), 'dissolvedOn', 'The date it was dissolved');
      const problems = new FormProblems().fromDate(
        'dissolvedOn',
        date,
        'Enter the date it was dissolved',
      );
      if (problems.found || !date.value) return render(reply, organisation, date.raw, problems);
      const result = await dissolveOrganisation(
        deps.db,
        organisation.id,
        date.value,
        actorOf(request),
      );
      if (!result.ok)
        return render(
          reply,
          organisation,
          date.raw,
          problems.fromRefusal(result.refusal, ['dissolvedOn']),
        );
      return redirectWithFlash(reply, paths.list(organisation.authority_id), {
        title: 'Organisation dissolved',
        text: `${organisation.name} is recorded as dissolved on ${formatDate(new Date(`${date.value}T12:00:00Z`))}. Its history is kept.`,
      });
    },
  );
};
