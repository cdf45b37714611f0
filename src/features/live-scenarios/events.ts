import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { AppDeps } from '../index.js';
import type { Db } from '../../db/database.js';
import { signedIn } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { liveState } from './tally-repository.js';

/** How often an open stream asks how many answers there are, and how often it says it is alive. */
export const POLL_MS = 1_000;
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the facilitator's projector view: a `state` event (answers so far,
 * the stage, a version that moves with every answer) whenever it changes. The stream asks the
 * database once a second, one small query, and only while someone watches; it ends when the
 * scenario closes. Every stream is ended before the server closes.
 */
export const liveEvents: FastifyPluginAsync<{
  deps: AppDeps;
  liveFor: (
    db: Db,
    request: FastifyRequest,
  ) => Promise<{ session: { id: number }; liveId: number }>;
}> = async (app, { deps, liveFor }) => {
  const { db } = deps;
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    streams.clear();
  });

  app.get(
    '/admin/sessions/:id/live/:liveId/events',
    { config: signedIn },
    async (request, reply) => {
      const { session, liveId } = await liveFor(db, request);
      const first = await liveState(db, session.id, liveId);
      if (!first) throw notFound();
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      streams.add(raw);
      let sent = '';
      let busy = false;
      let quietSince = Date.now();
      const send = (state: NonNullable<Awaited<ReturnType<typeof liveState>>>) => {
        const data = JSON.stringify({
          answers: state.answers,
          stage: state.stage,
          version: `${state.stage}:${state.answers}:${state.last?.getTime() ?? 0}`,
        });
        if (data === sent) return;
        sent = data;
        quietSince = Date.now();
        raw.write(`event: state\ndata: ${data}\n\n`);
      };
      const stop = () => {
        clearInterval(timer);
        streams.delete(raw);
        if (!raw.writableEnded) raw.end();
      };
      const tick = async () => {
        if (busy || raw.writableEnded) return;
        busy = true;
        try {
          const state = await liveState(db, session.id, liveId);
          if (!state) return stop();
          send(state);
          if (state.stage === 'closed') return stop();
          if (Date.now() - quietSince >= HEARTBEAT_MS) {
            quietSince = Date.now();
            raw.write(': still here\n\n');
          }
        } catch {
          stop();
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(() => void tick(), POLL_MS);
      request.raw.on('close', stop);
      raw.write('retry: 3000\n\n');
      send(first);
      if (first.stage === 'closed') stop();
    },
  );
};
