import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../index.js';
import { anyone } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { findCommittee, listCommitteeMembers } from './committee-repository.js';
import { committeesView, committeeView } from './committee-view-model.js';
import { profileView } from './profile-view-model.js';
import {
  findCouncil,
  findCouncilWithFilters,
  listCouncils,
  listCurrentCouncillors,
} from './repository.js';
import { todayInEngland } from './rules.js';
import { committeeParams, councillorQuery, councilParams, personParams } from './schemas.js';
import { findCouncillorProfile, listCommittees } from './service.js';
import { councillorsView, councilsView, knownFilters } from './view-model.js';

/** Route parameters that cannot name a record are a 404, the same as a record that is not there. */
function params<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** The public directory: councils, their councillors and committees. No sign-in needed. */
export const directoryRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  app.get('/councils', { config: anyone }, async (_request, reply) =>
    reply.renderPublicPage(async () => ({
      template: 'directory/templates/councils.njk',
      context: councilsView(await listCouncils(db)),
    })),
  );

  app.get('/councils/:slug/councillors', { config: anyone }, async (request, reply) => {
    const { slug } = params(councilParams, request.params);
    return reply.renderPublicPage(async () => {
      const on = todayInEngland();
      const authority = await findCouncilWithFilters(db, slug, on);
      if (!authority) throw notFound();
      const filters = knownFilters(authority, councillorQuery.parse(request.query ?? {}));
      const councillors = await listCurrentCouncillors(db, authority.id, filters, on);
      return {
        template: 'directory/templates/councillors.njk',
        context: councillorsView(authority, filters, councillors),
      };
    });
  });

  app.get('/councils/:slug/councillors/:id', { config: anyone }, async (request, reply) => {
    const { slug, id } = params(personParams, request.params);
    return reply.renderPublicPage(async () => {
      const profile = await findCouncillorProfile(db, slug, id);
      if (!profile) throw notFound();
      return { template: 'directory/templates/councillor.njk', context: profileView(profile) };
    });
  });

  app.get('/councils/:slug/committees', { config: anyone }, async (request, reply) => {
    const { slug } = params(councilParams, request.params);
    return reply.renderPublicPage(async () => {
      const on = todayInEngland();
      const authority = await findCouncil(db, slug, on);
      if (!authority) throw notFound();
      const committees = await listCommittees(db, authority.id, on);
      return {
        template: 'directory/templates/committees.njk',
        context: committeesView(authority, committees),
      };
    });
  });

  app.get('/councils/:slug/committees/:id', { config: anyone }, async (request, reply) => {
    const { slug, id } = params(committeeParams, request.params);
    return reply.renderPublicPage(async () => {
      const on = todayInEngland();
      // Both at once: the members are shown only if the committee belongs to this council.
      const [committee, members] = await Promise.all([
        findCommittee(db, slug, id, on),
        listCommitteeMembers(db, id, on),
      ]);
      if (!committee) throw notFound();
      return {
        template: 'directory/templates/committee.njk',
        context: committeeView(committee, members),
      };
    });
  });
};
