import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  collectErrors,
  dateError,
  parseForm,
  type ErrorSummaryItem,
} from '../../platform/forms.js';
import { notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/outcome.js';
import { londonToInstant } from '../meetings/index.js';
import { dateTimesForm } from './schemas.js';
import type { ProposedTimes } from './dates-service.js';

export const actorOf = (request: FastifyRequest): Actor => ({
  actorPersonId: request.user!.personId,
  requestId: request.id,
});

export const bodyOf = (request: FastifyRequest): Record<string, unknown> =>
  (request.body ?? {}) as Record<string, unknown>;

/** Path parameters, or a 404 when they are not ids. */
export function paramsOf<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  const parsed = schema.safeParse(request.params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export interface Problems {
  errors: Record<string, { text: string }>;
  errorList: ErrorSummaryItem[];
}
export const noProblems = (): Problems => ({ errors: {}, errorList: [] });

/** A proposed date (date input `date`, `startTime`, `endTime`, `note`) read from a form. */
export function readProposedTimes(
  body: Record<string, unknown>,
): { ok: true; times: ProposedTimes } | { ok: false; problems: Problems } {
  const date = dateError(body, 'date', 'The date', true);
  const form = parseForm(dateTimesForm, body);
  if (!form.ok || !date.value) {
    return { ok: false, problems: collectErrors(date.part, form.ok ? null : form) };
  }
  return {
    ok: true,
    times: {
      startsAt: londonToInstant(date.value, form.data.startTime),
      endsAt: londonToInstant(date.value, form.data.endTime),
      note: form.data.note ?? '',
    },
  };
}

/** The typed date input values, to show back after an error. */
export const rawDate = (body: Record<string, unknown>) =>
  dateError(body, 'date', 'The date', false).raw;
