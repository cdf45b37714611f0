import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../index.js';
import { trainingFigures } from './training.js';
import { signedIn } from '../../platform/access.js';
import { todayInEngland } from '../../db/current.js';
import {
  councilSignOffCounts,
  groupSignOffCounts,
  listCodesToSign,
} from '../code-sign-off/index.js';
import { codesDueForReview } from '../code-admin/index.js';
import { clearanceCounts, listPendingClearancesFor } from '../clearances/index.js';
import { countAdminFigures, independentPersonCover, listWhipGroupMembers } from './repository.js';
import { buildDashboard, independentPersonWarnings } from './view-model.js';
import { reviewWarnings, signOffBanner } from './code-view-model.js';

export const dashboardRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Kept per person until the data changes (decision 0022): nine counts and lists.
  app.get('/dashboard', { config: signedIn }, async (request, reply) =>
    reply.renderPersonalPage(async () => {
      const user = request.user!;
      const today = todayInEngland();
      const isAdmin = user.roles.has('monitoring-officer') || user.roles.has('democratic-services');
      const isWhip = user.roles.has('group-whip');
      const isOfficer = user.roles.has('officer');
      const [
        counts,
        cover,
        groupMembers,
        ownCodes,
        groupSignOffs,
        councilSignOffs,
        dueReviews,
        pendingClearances,
        clearanceFigures,
        training,
      ] = await Promise.all([
        isAdmin ? countAdminFigures(deps.db) : null,
        isAdmin ? independentPersonCover(deps.db) : [],
        isWhip ? listWhipGroupMembers(deps.db, user.whipOf) : [],
        // Anyone may hold a seat or a voting co-opted place, whatever their roles in Probity.
        listCodesToSign(deps.db, user.personId, today),
        isWhip ? groupSignOffCounts(deps.db, user.whipOf, today) : [],
        isAdmin ? councilSignOffCounts(deps.db, today) : [],
        isAdmin ? codesDueForReview(deps.db, today) : [],
        isOfficer ? listPendingClearancesFor(deps.db, user.personId) : [],
        isAdmin ? clearanceCounts(deps.db) : null,
        trainingFigures(deps.db, user, today),
      ]);
      return {
        template: 'dashboard/templates/dashboard.njk',
        context: {
          pageTitle: 'Your dashboard',
          signOffBanner: signOffBanner(ownCodes),
          ...buildDashboard(
            user,
            counts,
            groupMembers,
            {
              ownCodes,
              groupSignOffs,
              councilSignOffs,
            },
            { pending: pendingClearances, counts: clearanceFigures },
            training,
          ),
          warnings: [...reviewWarnings(dueReviews), ...independentPersonWarnings(cover)],
        },
      };
    }),
  );
};
