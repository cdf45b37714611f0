import { personCompliance } from '../training-compliance/index.js';
import { todayInEngland } from '../../db/current.js';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators, signedIn } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { findPerson, listFacilitating, listRecord } from './repository.js';
import { codeForm, idParams, STATUSES } from './schemas.js';
import { registerWithCode } from './service.js';
import { facilitatingView, recordView, sessionTitle } from './view-model.js';
import { actorOf } from './access.js';
import { wrongSessionCodes } from './guesses.js';
import { paths } from './paths.js';

/**
 * Pages about one's own training: registering with a session's code, one's training record
 * (and an administrator's view of anyone's), and the sessions one facilitates.
 */
export const selfRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  const wrongCodes = wrongSessionCodes(db);

  const renderAttend = (
    reply: FastifyReply,
    code: unknown,
    problems = { errors: {}, errorList: [] } as ReturnType<typeof refusalPart>,
  ) =>
    reply.render(
      'training-attendance/templates/attend.njk',
      {
        pageTitle: 'Record your attendance',
        code: typeof code === 'string' ? code : '',
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  // The form holds nothing of the session or the time: codes are checked only when sent.
  app.get(paths.attend, { config: signedIn }, async (_request, outer) =>
    outer.renderPersonalPageWith((reply) => renderAttend(reply, '')),
  );

  app.post(paths.attend, { config: signedIn }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const personId = request.user!.personId;
    const wait = wrongCodes.waitMinutes(personId);
    if (wait > 0) {
      const message = `You have typed too many wrong codes. Try again in ${wait} ${wait === 1 ? 'minute' : 'minutes'}, or ask the facilitator to record your attendance`;
      return renderAttend(reply, body.code, refusalPart({ field: 'code', message }));
    }
    const form = parseForm(codeForm, body);
    if (!form.ok) return renderAttend(reply, body.code, form);
    const result = await registerWithCode(db, form.data.code, actorOf(request));
    if (!result.ok) {
      wrongCodes.noteWrong(personId);
      return renderAttend(reply, body.code, refusalPart(result.refusal));
    }
    const { session, already } = result.value;
    return redirectWithFlash(reply, paths.myRecord, {
      title: already ? 'Already recorded' : 'Attendance recorded',
      text: already
        ? `Your attendance at ${sessionTitle(session)} was already recorded as ${STATUSES[already].toLowerCase()}.`
        : `You are recorded as attending ${sessionTitle(session)}.`,
    });
  });

  app.get(paths.myRecord, { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const user = request.user!;
      return reply.render('training-attendance/templates/record.njk', {
        pageTitle: 'Your training record',
        heading: 'Your training record',
        own: true,
        record: recordView(await listRecord(db, user.personId)),
        compliance: await personCompliance(db, user.authorityId, user.personId, todayInEngland()),
      });
    }),
  );

  app.get('/admin/people/:id/training', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const parsed = idParams.safeParse(request.params);
      const person = parsed.success ? await findPerson(db, parsed.data.id) : undefined;
      // The principal council's administrators also look after its parishes' councillors.
      const authorityId = request.user!.authorityId;
      if (
        !person ||
        (person.authorityId !== authorityId && person.parentAuthorityId !== authorityId)
      )
        throw notFound();
      const name = `${person.givenName} ${person.familyName}`;
      return reply.render('training-attendance/templates/record.njk', {
        pageTitle: `Training record – ${name}`,
        heading: `Training record: ${name}`,
        own: false,
        personHref: paths.person(person.id),
        record: recordView(await listRecord(db, person.id)),
        compliance: await personCompliance(db, person.authorityId, person.id, todayInEngland()),
      });
    }),
  );

  app.get(paths.facilitating, { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      reply.render('training-attendance/templates/facilitating.njk', {
        pageTitle: 'Sessions you facilitate',
        sessions: facilitatingView(await listFacilitating(db, request.user!.personId)),
      }),
    ),
  );
};
