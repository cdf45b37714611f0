import type { z } from 'zod';
import { todayInEngland } from '../db/current.js';

/** One entry of the GOV.UK error summary. */
export interface ErrorSummaryItem {
  text: string;
  href: string;
}

export type FormResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** first message for each field, keyed by field name: for per-field errorMessage */
      errors: Record<string, { text: string }>;
      /** the same messages in form order, shaped for govukErrorSummary's errorList */
      errorList: ErrorSummaryItem[];
    };

/**
 * Validate a submitted form (or query string) with a Zod schema. Field ids in the page must
 * match the field names so that each summary link moves focus to its field.
 */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, { text: string }> = {};
  const errorList: ErrorSummaryItem[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (errors[field]) continue;
    errors[field] = { text: issue.message };
    errorList.push({ text: issue.message, href: `#${field}` });
  }
  return { ok: false, errors, errorList };
}

/** Text fields: trimmed, with empty strings read as "not given". */
export function trimmed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/**
 * Read a GOV.UK date input (fields `<name>-day`, `<name>-month`, `<name>-year`).
 * Returns nothing when all three are blank, a YYYY-MM-DD date when they make a real date,
 * or a message saying what is wrong.
 */
export function parseDateInput(
  source: Record<string, unknown>,
  name: string,
  label: string,
): { value?: string; error?: string; raw: { day: string; month: string; year: string } } {
  const read = (part: string) => {
    const v = source[`${name}-${part}`];
    return typeof v === 'string' ? v.trim() : '';
  };
  const raw = { day: read('day'), month: read('month'), year: read('year') };
  if (!raw.day && !raw.month && !raw.year) return { raw };
  if (!raw.day || !raw.month || !raw.year) {
    return { raw, error: `${label} must include a day, month and year` };
  }
  const [d, m, y] = [Number(raw.day), Number(raw.month), Number(raw.year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    !/^\d{1,2}$/.test(raw.day) ||
    !/^\d{1,2}$/.test(raw.month) ||
    !/^\d{4}$/.test(raw.year) ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  ) {
    return { raw, error: `${label} must be a real date` };
  }
  return { raw, value: date.toISOString().slice(0, 10) };
}

type Errors = Record<string, { text: string }>;
type ErrorPart = { errors: Errors; errorList: ErrorSummaryItem[] };

/** Collect form errors from Zod and from date inputs into one summary, in page order. */
export function collectErrors(
  ...parts: ({ errors: Errors; errorList: ErrorSummaryItem[] } | null)[]
) {
  const errors: Errors = {};
  const errorList: ErrorSummaryItem[] = [];
  for (const part of parts) {
    if (!part) continue;
    Object.assign(errors, part.errors);
    errorList.push(...part.errorList);
  }
  return { errors, errorList };
}

/** A date input's result as an error part (null when it is fine). */
export function dateError(
  body: Record<string, unknown>,
  name: string,
  label: string,
  required: boolean,
): {
  value?: string;
  raw: Record<string, string>;
  part: { errors: Errors; errorList: ErrorSummaryItem[] } | null;
} {
  const parsed = parseDateInput(body, name, label);
  const message =
    parsed.error ?? (required && !parsed.value ? `Enter ${label.toLowerCase()}` : undefined);
  return {
    ...(parsed.value ? { value: parsed.value } : {}),
    raw: parsed.raw,
    part: message
      ? {
          errors: { [name]: { text: message } },
          errorList: [{ text: message, href: `#${name}-day` }],
        }
      : null,
  };
}

/** A service's refusal (a field and a message) as an error part. */
export const refusalPart = (refusal: { field: string; message: string }): ErrorPart => ({
  errors: { [refusal.field]: { text: refusal.message } },
  errorList: [
    {
      text: refusal.message,
      href: refusal.field.endsWith('Date') ? `#${refusal.field}-day` : `#${refusal.field}`,
    },
  ],
});

/** Today as date input values, to prefill a date someone usually means as today. */
export const todayParts = () => {
  const [year, month, day] = todayInEngland().split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? '' };
};
