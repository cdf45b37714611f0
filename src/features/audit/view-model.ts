import type { AuditChanges } from '../../db/schema.js';
import { formatDateTime } from '../../platform/views.js';
import { escapeHtml } from '../../platform/html.js';

interface AuditRow {
  id: number;
  occurred_at: Date;
  entity: string;
  entity_id: string;
  action: string;
  changes: AuditChanges;
  given_name: string | null;
  family_name: string | null;
}

const show = (value: unknown): string =>
  value === undefined || value === null
    ? '(none)'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Rows for the govukTable: when, who, what, and each changed field's before → after. */
export function auditRowsView(rows: AuditRow[]) {
  return rows.map((r) => {
    const changes = Object.entries(r.changes ?? {});
    const changesHtml = changes.length
      ? `<ul class="probity-changes">${changes
          .map(
            ([field, c]) =>
              `<li><strong>${escapeHtml(field)}</strong>: ${
                'before' in c ? `${escapeHtml(show(c.before))} → ` : ''
              }${escapeHtml(show(c.after))}</li>`,
          )
          .join('')}</ul>`
      : '<span class="govuk-hint">No field changes</span>';
    return [
      { text: formatDateTime(r.occurred_at) },
      { text: r.given_name ? `${r.given_name} ${r.family_name}` : 'System' },
      { text: `${r.entity} ${r.entity_id}` },
      { text: r.action },
      { html: changesHtml },
    ];
  });
}
