import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { collectErrors, dateError, parseForm } from '../../platform/forms.js';
import { notFound } from '../../platform/errors.js';
import { londonToInstant } from '../meetings/index.js';
import { dateTimesForm } from './schemas.js';
import type { ProposedTimes } from './dates-service.js';
import { type Problems } from '../../platform/requests.js';
export { actorOf, bodyOf, noProblems, type Problems } from '../../platform/requests.js';

/** Path parameters, or a 404 when they are not ids. */
export function paramsOf<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  const parsed = schema.safeParse(request.params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

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
