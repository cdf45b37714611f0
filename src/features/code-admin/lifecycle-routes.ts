import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../index.js';
import type { CodeVersionStatus } from '../../db/schema.js';
import { administrators } from '../../platform/access.js';
import {
  collectErrors,
  dateError,
  parseForm,
  refusalPart,
  todayParts,
} from '../../platform/forms.js';
import { redirectWithFlash, type Flash } from '../../platform/flash.js';
import type { Outcome } from '../../platform/outcome.js';
import type { CodeVersion } from '../code-of-conduct/index.js';
import { adoptForm, agreeForm, commentForm, withdrawForm } from './schemas.js';
import { adoptVersion } from './adoption-service.js';
import {
  agreeVersion,
  openConsultation,
  recordConsultationComment,
  withdrawVersion,
} from './lifecycle-service.js';
import { listAgreeingBodies } from './repository.js';
import { actorOf, bodyOf, noProblems, paths, versionFrom, type Problems } from './route-support.js';
import { STATUS_LABELS } from './statuses.js';
import { longDate } from './dates.js';

interface DateField {
  name: string;
  label: string;
}

/**
 * One lifecycle step: a form page (GET) and its POST. The page explains itself instead of
 * showing the form when the version's status does not allow the step; the POST always asks
 * the service, which checks the status again inside its transaction.
 */
interface Step<S extends z.ZodType> {
  slug: string;
  template: string;
  heading: string;
  statuses: readonly CodeVersionStatus[];
  dates: DateField[];
  schema: S;
  context?: (
    version: CodeVersion,
    values: Record<string, unknown>,
  ) => Promise<Record<string, unknown>>;
  submit: (
    version: CodeVersion,
    form: z.infer<S>,
    dates: Record<string, string>,
    request: FastifyRequest,
  ) => Promise<Outcome<unknown>>;
  success: (version: CodeVersion, value: unknown, dates: Record<string, string>) => Flash;
}

export const lifecycleRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const register = <S extends z.ZodType>(step: Step<S>) => {
    const url = `${paths.list}/versions/:id/${step.slug}`;
    const render = async (
      reply: FastifyReply,
      version: CodeVersion,
      values: Record<string, unknown>,
      raw: Record<string, Record<string, string> | undefined>,
      problems: Problems = noProblems(),
    ) =>
      reply.render(
        `code-admin/templates/${step.template}`,
        {
          pageTitle: `${step.heading} – version ${version.number}`,
          heading: step.heading,
          version,
          allowed: step.statuses.includes(version.status),
          statusLabel: STATUS_LABELS[version.status].toLowerCase(),
          action: `${paths.version(version.id)}/${step.slug}`,
          backHref: paths.version(version.id),
          values,
          raw,
          ...(step.context ? await step.context(version, values) : {}),
          errors: problems.errors,
          errorList: problems.errorList,
        },
        problems.errorList.length > 0 ? 400 : 200,
      );

    app.get(url, { config: administrators }, async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const version = await versionFrom(deps.db, request.params);
        const raw = Object.fromEntries(
          step.dates.map((d, i) => [d.name, i === 0 ? todayParts() : undefined]),
        );
        return render(reply, version, {}, raw);
      }),
    );

    app.post(url, { config: administrators }, async (request, reply) => {
      const version = await versionFrom(deps.db, request.params);
      const body = bodyOf(request);
      const dates = step.dates.map((d) => ({ ...d, ...dateError(body, d.name, d.label, true) }));
      const raw = Object.fromEntries(dates.map((d) => [d.name, d.raw]));
      const form = parseForm(step.schema, body);
      const problems = collectErrors(...dates.map((d) => d.part), form.ok ? null : form);
      if (!form.ok || problems.errorList.length > 0)
        return render(reply, version, body, raw, problems);
      const values = Object.fromEntries(dates.map((d) => [d.name, d.value ?? '']));
      const result = await step.submit(version, form.data, values, request);
      if (!result.ok) return render(reply, version, body, raw, refusalPart(result.refusal));
      return redirectWithFlash(
        reply,
        paths.version(version.id),
        step.success(version, result.value, values),
      );
    });
  };

  const d = (dates: Record<string, string>, name: string) => dates[name] ?? '';
  const noFields = z.object({});

  register({
    slug: 'consultation',
    template: 'consultation.njk',
    heading: 'Open a consultation',
    statuses: ['draft'],
    dates: [
      { name: 'openedDate', label: 'The date the consultation opens' },
      { name: 'closesDate', label: 'The date the consultation closes' },
    ],
    schema: noFields,
    submit: (version, _form, dates, request) =>
      openConsultation(
        deps.db,
        version.id,
        { openedOn: d(dates, 'openedDate'), closesOn: d(dates, 'closesDate') },
        actorOf(request),
      ),
    success: (version, _value, dates) => ({
      title: 'Consultation opened',
      text: `Version ${version.number} is under consultation until ${longDate(d(dates, 'closesDate'))}. Its text can still change.`,
    }),
  });

  register({
    slug: 'comments',
    template: 'comment.njk',
    heading: 'Record a consultation comment',
    statuses: ['consultation'],
    dates: [{ name: 'receivedDate', label: 'The date it was received' }],
    schema: commentForm,
    submit: (version, form, dates, request) =>
      recordConsultationComment(
        deps.db,
        version.id,
        { ...form, receivedOn: d(dates, 'receivedDate') },
        actorOf(request),
      ),
    success: (_version, _value) => ({
      title: 'Comment recorded',
      text: 'The comment is listed with the others below.',
    }),
  });

  register({
    slug: 'agree',
    template: 'agree.njk',
    heading: 'Record agreement by committee',
    statuses: ['draft', 'consultation'],
    dates: [{ name: 'agreedDate', label: 'The date it was agreed' }],
    schema: agreeForm,
    context: async (version, values) => {
      const bodies = await listAgreeingBodies(deps.db, {
        id: version.authority_id,
        kind: version.authorityKind,
      });
      return {
        bodyItems: [
          { value: '', text: 'Select the committee' },
          ...bodies.map((b) => ({
            value: String(b.id),
            text: b.name,
            selected: values.organisationId === String(b.id),
          })),
        ],
      };
    },
    submit: (version, form, dates, request) =>
      agreeVersion(
        deps.db,
        version.id,
        { ...form, agreedOn: d(dates, 'agreedDate') },
        actorOf(request),
      ),
    success: (version) => ({
      title: 'Agreement recorded',
      text: `Version ${version.number} is agreed by committee. Record its adoption when full Council has adopted it.`,
    }),
  });

  register({
    slug: 'adopt',
    template: 'adopt.njk',
    heading: 'Record adoption by full Council',
    statuses: ['agreed'],
    dates: [
      { name: 'adoptedDate', label: 'The date full Council adopted it' },
      { name: 'inForceDate', label: 'The date it comes into force' },
    ],
    schema: adoptForm,
    submit: (version, form, dates, request) =>
      adoptVersion(
        deps.db,
        version.id,
        {
          adoptedOn: d(dates, 'adoptedDate'),
          adoptedMinute: form.adoptedMinute,
          inForceFrom: d(dates, 'inForceDate'),
        },
        actorOf(request),
        { baseUrl: deps.config.baseUrl },
      ),
    success: (version, value, dates) =>
      (value as { inForce: boolean }).inForce
        ? {
            title: 'Adopted and in force',
            text: `Version ${version.number} is in force from ${longDate(d(dates, 'inForceDate'))}. The version it replaces is superseded, and everyone who must sign it has been sent a reminder.`,
          }
        : {
            title: 'Adoption recorded',
            text: `Version ${version.number} comes into force on ${longDate(d(dates, 'inForceDate'))}.`,
          },
  });

  register({
    slug: 'withdraw',
    template: 'withdraw.njk',
    heading: 'Withdraw this version',
    statuses: ['draft', 'consultation', 'agreed'],
    dates: [{ name: 'withdrawnDate', label: 'The date it was withdrawn' }],
    schema: withdrawForm,
    submit: (version, form, dates, request) =>
      withdrawVersion(
        deps.db,
        version.id,
        { withdrawnOn: d(dates, 'withdrawnDate'), reason: form.reason },
        actorOf(request),
      ),
    success: (version) => ({
      title: 'Version withdrawn',
      text: `Version ${version.number} is withdrawn. It stays in the list of versions.`,
    }),
  });
};
