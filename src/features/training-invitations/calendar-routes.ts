import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { anyone, signedIn } from '../../platform/access.js';
import { contentDisposition } from '../../platform/downloads.js';
import { notFound } from '../../platform/errors.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { formatDateTime } from '../../platform/views.js';
import { createFeed, findFeed, hashToken, personOfToken, revokeFeed } from './feeds.js';
import { CALENDAR_TYPE, personalFeed } from './ics.js';
import { invitationPaths } from './paths.js';
import { listFeedSessions } from './repository.js';
import { feedParams } from './schemas.js';

/** Where a new address waits, for a few minutes, to be shown once after the redirect. */
const NEW_TOKEN_COOKIE = 'probity_calendar_token';

/**
 * A person's own calendar feed: `/my/training/calendar` makes, shows (once) and turns off its
 * secret address; `/calendar/<token>.ics` serves the sessions they are invited to, to anyone
 * holding the address (calendar programs cannot sign in). Only a hash of the token is stored,
 * so the address is shown once, when it is made; an unknown or revoked token is a 404.
 */
export const calendarRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db, config } = deps;

  const takeNewToken = (request: FastifyRequest, reply: FastifyReply): string | null => {
    const raw = request.cookies[NEW_TOKEN_COOKIE];
    if (!raw) return null;
    reply.clearCookie(NEW_TOKEN_COOKIE, { path: invitationPaths.calendar });
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : null;
  };

  app.get(invitationPaths.calendar, { config: signedIn }, async (request, outer) => {
    const make = async (reply: FastifyReply) => {
      const personId = request.user!.personId;
      const feed = await findFeed(db, personId);
      const token = takeNewToken(request, reply);
      const shown = feed && token && hashToken(token) === feed.token_hash ? token : null;
      const address = shown ? `${config.baseUrl}${invitationPaths.feed(shown)}` : null;
      return reply
        .header('cache-control', 'no-store')
        .render('training-invitations/templates/calendar.njk', {
          pageTitle: 'Your training calendar',
          hasFeed: Boolean(feed),
          madeOn: feed ? formatDateTime(feed.created_at) : null,
          address,
          webcal: address ? address.replace(/^https?:/, 'webcal:') : null,
          createAction: invitationPaths.calendarCreate,
          revokeAction: invitationPaths.calendarRevoke,
          trainingHref: invitationPaths.mine,
        });
    };
    // The page that shows a new address once is never kept: only the page without one is.
    if (request.cookies[NEW_TOKEN_COOKIE]) return make(outer);
    return outer.renderPersonalPageWith(make);
  });

  app.post(invitationPaths.calendarCreate, { config: signedIn }, async (request, reply) => {
    const token = await createFeed(db, {
      actorPersonId: request.user!.personId,
      requestId: request.id,
    });
    reply.setCookie(NEW_TOKEN_COOKIE, token, {
      path: invitationPaths.calendar,
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      signed: true,
      maxAge: 300,
    });
    return redirectWithFlash(reply, invitationPaths.calendar, {
      title: 'Calendar address made',
      text: 'Copy your new address below into your calendar program now: it is shown only once. Any address you had before no longer works.',
    });
  });

  app.post(invitationPaths.calendarRevoke, { config: signedIn }, async (request, reply) => {
    const revoked = await revokeFeed(db, {
      actorPersonId: request.user!.personId,
      requestId: request.id,
    });
    return redirectWithFlash(reply, invitationPaths.calendar, {
      title: revoked ? 'Calendar address turned off' : 'No calendar address',
      text: revoked
        ? 'Your calendar address no longer works. Calendars that used it will stop showing new sessions.'
        : 'You had no calendar address to turn off.',
    });
  });

  // Kept by address (the token is in it) until the data changes: making or turning off a feed
  // writes an audit row, so a revoked address is a 404 from the next request.
  app.get('/calendar/:token.ics', { config: anyone }, async (request, reply) =>
    reply.sendKeptFile(async () => {
      const params = feedParams.safeParse(request.params);
      if (!params.success) throw notFound();
      const personId = await personOfToken(db, params.data.token);
      if (personId === null) throw notFound();
      const sessions = await listFeedSessions(db, personId);
      const text = personalFeed(
        sessions.map((s) => ({
          sessionId: s.sessionId,
          title: s.courseTitle,
          groupName: s.groupName,
          startsAt: s.startsAt!,
          endsAt: s.endsAt,
          durationMinutes: s.durationMinutes,
          venue: s.venue,
          onlineUrl: s.onlineUrl,
          status: s.status,
          sequence: s.sequence,
        })),
        { baseUrl: config.baseUrl, now: new Date(), name: 'Training sessions' },
      );
      return {
        type: CALENDAR_TYPE,
        body: text,
        headers: {
          'content-disposition': contentDisposition('training.ics', 'inline'),
          'cache-control': 'no-cache, private',
          'x-robots-tag': 'noindex',
        },
      };
    }),
  );
};
