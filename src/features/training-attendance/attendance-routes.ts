import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { signedIn } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import type { SessionRow } from './repository.js';
import { listAddable, listRoster } from './repository.js';
import { addForm, isStatus, STATUSES } from './schemas.js';
import { addAttendee, recordAttendance, regenerateCode, type AttendanceEntry } from './service.js';
import { counts, registerRows, sessionView } from './view-model.js';
import { actorOf, isAdministrator, sessionForAttendance } from './access.js';
import { paths } from './paths.js';

interface Problems {
  errors: Record<string, { text: string }>;
  errorList: { text: string; href: string }[];
}
const noProblems = (): Problems => ({ errors: {}, errorList: [] });

const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/**
 * Taking attendance at a training session (administrators of its council and its
 * facilitators): one form with everyone on the register, a form to add someone who was not
 * invited, and the session's attendance code.
 */
/** Past this many people one could add, the page searches by name instead of listing them. */
export const ADD_LIST_LIMIT = 500;

export const attendanceRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: SessionRow,
    options: {
      statuses?: Record<string, unknown> | null;
      added?: Record<string, unknown>;
      problems?: Problems;
      unmarkedOnly?: boolean;
      /** part of a name, to list whom one can add on a large council */
      find?: unknown;
    } = {},
  ) => {
    const problems = options.problems ?? noProblems();
    const added = options.added ?? {};
    // A large council has thousands of people one could add: past ADD_LIST_LIMIT the page asks
    // for part of a name and lists those who match, instead of a select of everyone.
    const find = String(options.find ?? added.find ?? '')
      .trim()
      .slice(0, 100);
    const [roster, addable] = await Promise.all([
      listRoster(db, session.id),
      listAddable(db, session.id, session.authorityId, {
        ...(find ? { find } : {}),
        limit: ADD_LIST_LIMIT + 1,
      }),
    ]);
    const tooMany = addable.length > ADD_LIST_LIMIT;
    const searching = find !== '' || (tooMany && !find);
    const view = sessionView(session, new Date());
    return reply.render(
      'training-attendance/templates/attendance.njk',
      {
        pageTitle: `Attendance – ${view.title}`,
        session: view,
        backHref: isAdministrator(request) ? paths.session(session.id) : paths.facilitating,
        backText: isAdministrator(request) ? 'Back to the session' : 'Back to your sessions',
        rows: registerRows(
          options.unmarkedOnly ? roster.filter((r) => r.status === null) : roster,
          options.statuses ?? null,
        ),
        unmarkedOnly: options.unmarkedOnly ?? false,
        showAllHref: paths.attendance(session.id),
        showUnmarkedHref: `${paths.attendance(session.id)}?show=unmarked`,
        restAbsent: options.statuses?.restAbsent === 'yes',
        counts: counts(roster),
        find,
        search: searching
          ? {
              action: paths.attendance(session.id),
              tooMany: tooMany && !find,
              noMatch: find !== '' && addable.length === 0,
              limit: ADD_LIST_LIMIT,
            }
          : null,
        addPersonItems: [
          { value: '', text: 'Choose a person' },
          ...(tooMany && !find ? [] : addable.slice(0, ADD_LIST_LIMIT)).map((p) => ({
            value: String(p.personId),
            text: `${p.familyName}, ${p.givenName}`,
            selected: String(added.personId ?? '') === String(p.personId),
          })),
        ],
        addStatusItems: Object.entries(STATUSES).map(([value, text]) => ({
          value,
          text,
          checked: added.addStatus === value,
        })),
        paths: {
          form: paths.attendance(session.id),
          add: paths.addAttendee(session.id),
          code: paths.code(session.id),
        },
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get('/admin/sessions/:id/attendance', { config: signedIn }, async (request, outer) => {
    const session = await sessionForAttendance(db, request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    // Kept per person until the data changes. The window's state is part of the key, so the
    // page changes the moment the window opens or closes.
    const view = sessionView(session, new Date());
    return outer.renderPersonalPageWith(
      (reply) =>
        render(request, reply, session, {
          unmarkedOnly: query.show === 'unmarked',
          find: query.find,
        }),
      `${view.open}|${view.codeWorksNow}`,
    );
  });

  app.post('/admin/sessions/:id/attendance', { config: signedIn }, async (request, reply) => {
    const session = await sessionForAttendance(db, request);
    const body = bodyOf(request);
    const entries: AttendanceEntry[] = [];
    for (const [key, value] of Object.entries(body)) {
      const match = /^status-([1-9]\d{0,9})$/.exec(key);
      if (match && isStatus(value)) entries.push({ personId: Number(match[1]), status: value });
    }
    const result = await recordAttendance(db, session.id, entries, actorOf(request), {
      restAbsent: body.restAbsent === 'yes',
    });
    if (!result.ok)
      return render(request, reply, session, {
        statuses: body,
        problems: refusalPart(result.refusal),
        unmarkedOnly: body.show === 'unmarked',
      });
    const changed = result.value.changed;
    const back = paths.attendance(session.id) + (body.show === 'unmarked' ? '?show=unmarked' : '');
    return redirectWithFlash(reply, back, {
      title: 'Attendance saved',
      text:
        changed === 0
          ? 'Nothing had changed.'
          : `${changed} ${changed === 1 ? 'person’s attendance was' : 'people’s attendance was'} recorded or corrected.`,
    });
  });

  app.post('/admin/sessions/:id/attendance/add', { config: signedIn }, async (request, reply) => {
    const session = await sessionForAttendance(db, request);
    const body = bodyOf(request);
    const form = parseForm(addForm, body);
    if (!form.ok) return render(request, reply, session, { added: body, problems: form });
    const { personId, addStatus: status } = form.data;
    const result = await addAttendee(db, session.id, { personId, status }, actorOf(request));
    if (!result.ok)
      return render(request, reply, session, {
        added: body,
        problems: refusalPart(result.refusal),
      });
    return redirectWithFlash(reply, paths.attendance(session.id), {
      title: 'Added to the register',
      text: `${result.value.name} is recorded as ${STATUSES[status].toLowerCase()}.`,
    });
  });

  app.post('/admin/sessions/:id/attendance/code', { config: signedIn }, async (request, reply) => {
    const session = await sessionForAttendance(db, request);
    const result = await regenerateCode(db, session.id, actorOf(request));
    if (!result.ok)
      return render(request, reply, session, { problems: refusalPart(result.refusal) });
    return redirectWithFlash(reply, paths.attendance(session.id), {
      title: 'New attendance code',
      text: `The code is now ${result.value.code}. The old code no longer works.`,
    });
  });
};
