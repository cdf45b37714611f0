import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorSummaryItem } from './forms.js';
import type { Actor } from './outcome.js';

/** Who is acting, for services and the audit trail: the signed-in person and the request. */
export const actorOf = (request: FastifyRequest): Actor => ({
  actorPersonId: request.user!.personId,
  requestId: request.id,
});

/** A form post's fields (an empty object when there is no body). */
export const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body ?? {}) as Record<string, unknown>;

/** What a form page shows when its input was refused: per-field messages and the summary. */
export interface Problems {
  errors: Record<string, { text: string }>;
  errorList: ErrorSummaryItem[];
}
export const noProblems = (): Problems => ({ errors: {}, errorList: [] });

/**
 * A page renderer for one feature's templates (`<feature>/templates/<name>`): no problems
 * unless given, and status 400 when the page shows any (a form refused), 200 otherwise.
 */
export const pageRenderer =
  (feature: string) =>
  (
    reply: FastifyReply,
    template: string,
    context: Record<string, unknown> & Partial<Problems>,
  ): FastifyReply =>
    reply.render(
      `${feature}/templates/${template}`,
      { errors: {}, errorList: [], ...context },
      (context.errorList?.length ?? 0) > 0 ? 400 : 200,
    );
