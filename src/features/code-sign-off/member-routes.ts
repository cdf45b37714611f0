import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { signedIn } from '../../platform/access.js';
import { todayInEngland } from '../../db/current.js';
import { notFound } from '../../platform/errors.js';
import { redirectWithFlash } from '../../platform/flash.js';
import type { ErrorSummaryItem } from '../../platform/forms.js';
import { parseForm } from '../../platform/forms.js';
import { listCodesToSign } from './repository.js';
import { signForm, versionParams } from './schemas.js';
import { signCode } from './service.js';
import { myCodesView } from './view-model.js';

export const MY_CODE = '/my/code';

/**
 * A member's own page: the codes in force they must sign, and signing one. Open to anyone
 * signed in, because who must sign is decided by their seats and co-options (a voting co-opted
 * member may hold an account without the councillor role); it shows only what applies to them.
 */
export const memberRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    problem?: { field: string; text: string },
  ) => {
    const codes = await listCodesToSign(deps.db, request.user!.personId, todayInEngland());
    const errors = problem ? { [problem.field]: { text: problem.text } } : {};
    const errorList: ErrorSummaryItem[] = problem
      ? [{ text: problem.text, href: `#${problem.field}` }]
      : [];
    return reply.render(
      'code-sign-off/templates/my-code.njk',
      { pageTitle: 'Your code of conduct', errorList, ...myCodesView(codes, errors) },
      problem ? 400 : 200,
    );
  };

  // Kept per person until the data changes (or the day does): the code's whole text is long.
  app.get(MY_CODE, { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith((reply) => render(request, reply)),
  );

  app.post(`${MY_CODE}/:versionId/sign`, { config: signedIn }, async (request, reply) => {
    const params = versionParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const { versionId } = params.data;
    const user = request.user!;
    const today = todayInEngland();
    const codes = await listCodesToSign(deps.db, user.personId, today);
    const code = codes.find((c) => c.version.id === versionId);
    if (!code) throw notFound();
    const form = parseForm(signForm, request.body);
    if (!form.ok) {
      return render(request, reply, {
        field: `confirm-${versionId}`,
        text: form.errorList[0]?.text ?? 'Tick the box to sign the code',
      });
    }
    const result = await signCode(
      deps.db,
      versionId,
      { actorPersonId: user.personId, requestId: request.id },
      today,
    );
    if (result === 'not-found') throw notFound();
    const name = `${code.version.authorityName}’s code of conduct`;
    return redirectWithFlash(
      reply,
      MY_CODE,
      result === 'signed'
        ? { title: 'Code of conduct signed', text: `You have signed ${name}. Thank you.` }
        : { title: 'Already signed', text: `You had already signed ${name}: nothing changed.` },
    );
  });
};
