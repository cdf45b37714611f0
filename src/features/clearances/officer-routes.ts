import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { allow } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { parseForm } from '../../platform/forms.js';
import { clearanceSnapshot, loadReportDocument, type ClearanceSnapshot } from '../reports/index.js';
import { snapshotChanges } from './changes.js';
import { paths } from './paths.js';
import {
  findClearance,
  findPreviousDecided,
  listRequestsFor,
  type ClearanceRow,
} from './repository.js';
import { clearanceParams, returnForm } from './schemas.js';
import { decideClearance } from './service.js';
import { officerListView, officerPageView } from './officer-view-model.js';

/** Anyone who can be asked to clear an implication. */
const canBeAsked = allow('officer', 'monitoring-officer', 'democratic-services');

/**
 * The officers' side: `/clearances` (what I have been asked to clear, waiting first) and
 * `/clearances/<id>` (the report's substance, what changed since the last decision, Clear or
 * Return with a comment). A request addressed to someone else is a 404.
 */
export const officerClearanceRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps;

  const ownClearance = async (rawParams: unknown, personId: number): Promise<ClearanceRow> => {
    const parsed = clearanceParams.safeParse(rawParams);
    if (!parsed.success) throw notFound();
    const clearance = await findClearance(db, parsed.data.id);
    if (!clearance || clearance.officerId !== personId) throw notFound();
    return clearance;
  };

  const render = async (
    reply: FastifyReply,
    clearance: ClearanceRow,
    problem: {
      message?: string;
      field?: string;
      comment?: string;
      changedTo?: ClearanceSnapshot;
    } = {},
  ) => {
    const [doc, previous] = await Promise.all([
      loadReportDocument(db, clearance.reportId),
      findPreviousDecided(db, clearance),
    ]);
    if (!doc) throw notFound();
    const current = clearanceSnapshot(doc, clearance.implicationId);
    const view = officerPageView(clearance, doc, {
      previousChanges: previous
        ? { decision: previous, changes: snapshotChanges(previous.snapshot, clearance.snapshot) }
        : null,
      changedSince:
        problem.changedTo && current ? snapshotChanges(clearance.snapshot, current) : null,
      comment: problem.comment ?? '',
    });
    const field = problem.field ?? 'decision';
    const errorList = problem.message ? [{ text: problem.message, href: `#${field}` }] : [];
    return reply.render(
      'clearances/templates/clearance.njk',
      {
        ...view,
        errorList,
        errors: problem.message ? { [field]: { text: problem.message } } : {},
      },
      problem.message ? (problem.changedTo ? 409 : 400) : 200,
    );
  };

  app.get('/clearances', { config: canBeAsked }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const requests = await listRequestsFor(db, request.user!.personId);
      return reply.render('clearances/templates/list.njk', officerListView(requests));
    }),
  );

  app.get('/clearances/:id', { config: canBeAsked }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const clearance = await ownClearance(request.params, request.user!.personId);
      return render(reply, clearance);
    }),
  );

  const decide = async (
    request: { params: unknown; user: { personId: number } | null; id: string; body: unknown },
    reply: FastifyReply,
    decision: 'clear' | 'return',
  ) => {
    const personId = request.user!.personId;
    const clearance = await ownClearance(request.params, personId);
    let comment: string | undefined;
    if (decision === 'return') {
      const form = parseForm(returnForm, request.body);
      const typed = (request.body as Record<string, unknown> | null)?.comment;
      if (!form.ok) {
        return render(reply, clearance, {
          message: form.errors.comment?.text ?? 'Say why you are returning it',
          field: 'comment',
          comment: typeof typed === 'string' ? typed : '',
        });
      }
      comment = form.data.comment;
    }
    const outcome = await decideClearance(
      db,
      { clearanceId: clearance.id, officerId: personId, decision, ...(comment ? { comment } : {}) },
      { actorPersonId: personId, requestId: request.id },
    );
    if (!outcome) throw notFound();
    if (!outcome.ok) {
      const refusal = outcome.refusal;
      if (refusal.kind === 'changed') {
        return render(reply, clearance, {
          message: 'The report changed since you were asked; look again at what changed below',
          changedTo: refusal.current,
        });
      }
      return render(reply, clearance, {
        message:
          refusal.kind === 'not-pending'
            ? 'This request has already been decided or withdrawn'
            : 'The report is no longer a draft, so it cannot be cleared or returned',
      });
    }
    return redirectWithFlash(reply, paths.list(), {
      title: decision === 'clear' ? 'Cleared' : 'Returned to the author',
      text:
        decision === 'clear'
          ? `You cleared the ${clearance.snapshot.implication.label.toLowerCase()} of “${clearance.snapshot.substance.title}”.`
          : `You returned the ${clearance.snapshot.implication.label.toLowerCase()} of “${clearance.snapshot.substance.title}” with your comment.`,
    });
  };

  app.post('/clearances/:id/clear', { config: canBeAsked }, async (request, reply) =>
    decide(request, reply, 'clear'),
  );
  app.post('/clearances/:id/return', { config: canBeAsked }, async (request, reply) =>
    decide(request, reply, 'return'),
  );
};
