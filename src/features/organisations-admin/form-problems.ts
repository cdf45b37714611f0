import type { ErrorSummaryItem, FormResult, parseDateInput } from '../../platform/forms.js';
import { escapeHtml } from '../../platform/html.js';
import type { Refusal } from './outcome.js';

/** A field's message for a GOV.UK macro's `errorMessage`: plain text, or HTML with a link. */
export type FieldError = { text: string } | { html: string };

/**
 * What is wrong with a submitted form, gathered in page order from the schema, the date inputs
 * and the service's refusal: `errors` for each field's message, `errorList` for the summary.
 */
export class FormProblems {
  readonly errors: Record<string, FieldError> = {};
  readonly errorList: ErrorSummaryItem[] = [];

  get found(): boolean {
    return this.errorList.length > 0;
  }

  /** The first problem with a field is the one shown. */
  add(field: string, text: string, href = `#${field}`, fieldError?: FieldError): this {
    if (this.errors[field]) return this;
    this.errors[field] = fieldError ?? { text };
    this.errorList.push({ text, href });
    return this;
  }

  fromSchema(result: FormResult<unknown>): this {
    if (!result.ok) {
      for (const item of result.errorList) {
        const field = item.href.slice(1);
        this.add(field, result.errors[field]?.text ?? item.text, item.href);
      }
    }
    return this;
  }

  /** A date input's own problem, or "Enter ..." when it is required and left blank. */
  fromDate(name: string, parsed: ReturnType<typeof parseDateInput>, ifMissing?: string): this {
    const message = parsed.error ?? (!parsed.value ? ifMissing : undefined);
    return message ? this.add(name, message, `#${name}-day`) : this;
  }

  fromRefusal(refusal: Refusal, dateFields: readonly string[] = []): this {
    const href = dateFields.includes(refusal.field) ? `#${refusal.field}-day` : `#${refusal.field}`;
    if (!refusal.link) return this.add(refusal.field, refusal.message, href);
    const link = `<a class="govuk-link" href="${escapeHtml(refusal.link.href)}">${escapeHtml(refusal.link.text)}</a>`;
    return this.add(refusal.field, refusal.message, href, {
      html: `${escapeHtml(refusal.message)}. ${link}`,
    });
  }
}
