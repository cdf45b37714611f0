import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import type { Db } from '../../db/database.js';
import { signedIn } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { actorOf } from '../../platform/requests.js';
import { isScenarioTopic, SCENARIO_TOPICS } from '../learning/index.js';
import {
  isAdministrator,
  sessionForFacilitation,
  sessionTitle,
  type SessionRow,
} from '../training-attendance/index.js';
import { scenarioDetails } from './details.js';
import { answerFingerprint, listLives, listPublishedScenarios } from './repository.js';
import { liveParams, openForm, stageForm } from './schemas.js';
import { closedReason, moveOn, NEXT_STAGE, openScenario } from './service.js';
import { paths } from './paths.js';
import { stageTag, STAGE_NAMES, topicsText } from './view-model.js';
import { liveEvents } from './events.js';

interface Problems {
  errors: Record<string, { text: string }>;
  errorList: { text: string; href: string }[];
}

const NEXT_BUTTON = {
  tally: 'Show the tally',
  'model-answer': 'Show the model answer',
  closed: 'Close this scenario',
} as const;

/** The session and the scenario run in it named by the path, for its facilitator or an administrator. */
async function liveFor(db: Db, request: FastifyRequest) {
  const session = await sessionForFacilitation(db, request);
  const params = liveParams.safeParse(request.params);
  if (!params.success) throw notFound();
  return { session, liveId: params.data.liveId };
}

/**
 * The facilitator's side of live scenarios (a session's facilitators, and administrators of its
 * council): open a scenario, show it on the projector with the number of answers, then the
 * anonymous tally, then the model answer, then close it.
 */
export const facilitatorRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db, config } = deps;

  const renderSession = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: SessionRow,
    problems: Problems = { errors: {}, errorList: [] },
    chosen = '',
  ) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const topic =
      typeof query.topic === 'string' && isScenarioTopic(query.topic) ? query.topic : null;
    const [lives, scenarios] = await Promise.all([
      listLives(db, session.id),
      listPublishedScenarios(db, session.authorityId, topic),
    ]);
    const open = lives.find((l) => l.stage !== 'closed') ?? null;
    const past = lives.filter((l) => l.stage === 'closed');
    const details = await scenarioDetails(db, session.authorityId, past);
    const title = sessionTitle(session);
    return reply.render(
      'live-scenarios/templates/session.njk',
      {
        pageTitle: `Live scenarios – ${title}`,
        sessionTitle: title,
        backHref: isAdministrator(request) ? paths.adminSession(session.id) : paths.facilitating,
        backText: isAdministrator(request) ? 'Back to the session' : 'Back to your sessions',
        code: session.attendanceCode,
        attendanceHref: paths.attendance(session.id),
        joinUrl: `${config.baseUrl}${paths.join}`,
        notNow: closedReason(session, new Date()),
        open: open && {
          title: open.title,
          stage: stageTag(open.stage),
          href: paths.live(session.id, open.id),
        },
        topicItems: [
          { value: '', text: 'All topics' },
          ...SCENARIO_TOPICS.map((t) => ({
            value: t.value,
            text: t.text,
            selected: t.value === topic,
          })),
        ],
        topic,
        scenarioItems: scenarios.map((s) => ({
          value: String(s.id),
          text: s.title,
          hint: { text: topicsText(s.topics) },
          checked: chosen === String(s.id),
        })),
        openAction: paths.session(session.id),
        past: past.map((l) => ({
          title: l.title,
          href: paths.live(session.id, l.id),
          ...details.viewOf(l),
        })),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get('/admin/sessions/:id/live', { config: signedIn }, async (request, reply) => {
    const session = await sessionForFacilitation(db, request);
    // Kept until the data changes, or the session's window opens or closes (which the page
    // says, and which no write marks).
    const window = closedReason(session, new Date()) ?? 'open';
    return reply.renderPersonalPageWith((page) => renderSession(request, page, session), window);
  });

  app.post('/admin/sessions/:id/live', { config: signedIn }, async (request, reply) => {
    const session = await sessionForFacilitation(db, request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(openForm, body);
    const chosen = typeof body.scenarioId === 'string' ? body.scenarioId : '';
    if (!form.ok) return renderSession(request, reply, session, form, chosen);
    const result = await openScenario(db, session, form.data.scenarioId, actorOf(request));
    if (!result.ok)
      return renderSession(request, reply, session, refusalPart(result.refusal), chosen);
    return reply.redirect(paths.live(session.id, result.value.liveId), 303);
  });

  app.get('/admin/sessions/:id/live/:liveId', { config: signedIn }, async (request, reply) => {
    // Made again whenever the data changes (a stage) or an answer comes in (answers are quiet
    // writes, so the page is keyed by them too): cheap to show many times.
    const liveId = Number((request.params as { liveId?: string }).liveId);
    const answers =
      Number.isInteger(liveId) && liveId > 0 && liveId <= 2_147_483_647
        ? await answerFingerprint(db, liveId)
        : '';
    return reply.renderPersonalPage(async () => {
      const { session, liveId } = await liveFor(db, request);
      const lives = await listLives(db, session.id);
      const live = lives.find((l) => l.id === liveId);
      if (!live) throw notFound();
      const details = await scenarioDetails(db, session.authorityId, [live]);
      const next = NEXT_STAGE[live.stage];
      return {
        template: 'live-scenarios/templates/projector.njk',
        context: {
          pageTitle: `${live.title} – live scenario`,
          sessionTitle: sessionTitle(session),
          backHref: paths.session(session.id),
          live: {
            title: live.title,
            situation: live.situation,
            topics: topicsText(live.topics),
            stage: live.stage,
            stageTag: stageTag(live.stage),
            stageName: STAGE_NAMES[live.stage],
          },
          ...details.viewOf(live),
          code: session.attendanceCode,
          joinUrl: `${config.baseUrl}${paths.join}`,
          stageAction: paths.stage(session.id, live.id),
          next: next && { stage: next, text: NEXT_BUTTON[next as keyof typeof NEXT_BUTTON] },
          canClose: live.stage !== 'closed' && next !== 'closed',
          refreshHref: paths.live(session.id, live.id),
          eventsHref: live.stage === 'closed' ? null : paths.events(session.id, live.id),
        },
      };
    }, answers);
  });

  app.post(
    '/admin/sessions/:id/live/:liveId/stage',
    { config: signedIn },
    async (request, reply) => {
      const { session, liveId } = await liveFor(db, request);
      const form = parseForm(stageForm, request.body);
      const back = paths.live(session.id, liveId);
      if (!form.ok) return reply.redirect(back, 303);
      const result = await moveOn(db, session.id, liveId, form.data.stage, actorOf(request));
      if (!result.ok) {
        if (result.refusal.message.startsWith('This scenario is no longer')) throw notFound();
        return redirectWithFlash(reply, back, {
          title: 'Nothing changed',
          text: result.refusal.message,
        });
      }
      if (result.value === 'closed')
        return redirectWithFlash(reply, paths.session(session.id), {
          title: 'Scenario closed',
          text: 'Open the next scenario when you are ready.',
        });
      return reply.redirect(back, 303);
    },
  );

  await app.register(liveEvents, { deps, liveFor });
};
