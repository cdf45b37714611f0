import { escapeHtml } from '../../platform/html.js';

/**
 * govukTable's markup, rendered in TypeScript, for the directory's long lists (every councillor
 * of a large council, every parish). The params are govukTable's (caption, captionClasses, head,
 * rows of cells with `text` or `html` and an optional `format`), without the per-cell
 * attributes, colspan and rowspan; the macro spends most of its time on those, and rendering
 * 180 councillors with it took longer than the rest of the request put together.
 */

type Format = 'numeric';
export type TableCell = ({ text: string } | { html: string }) & { format?: Format };

export interface TableParams {
  /** extra classes for the table, such as 'govuk-table--small-text-until-tablet' */
  classes?: string;
  caption: string;
  captionClasses?: string;
  head: { text: string; format?: Format }[];
  rows: TableCell[][];
}

const formatClass = (kind: 'header' | 'cell', format: Format | undefined): string =>
  format ? ` govuk-table__${kind}--${format}` : '';

const content = (cell: TableCell): string => ('html' in cell ? cell.html : escapeHtml(cell.text));

export function renderTable(params: TableParams): string {
  const captionClasses = params.captionClasses ? ` ${escapeHtml(params.captionClasses)}` : '';
  const head = params.head
    .map(
      (h) =>
        `<th scope="col" class="govuk-table__header${formatClass('header', h.format)}">${escapeHtml(h.text)}</th>`,
    )
    .join('');
  const rows = params.rows
    .map(
      (row) =>
        `<tr class="govuk-table__row">${row
          .map(
            (cell) =>
              `<td class="govuk-table__cell${formatClass('cell', cell.format)}">${content(cell)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return [
    `<table class="govuk-table${params.classes ? ` ${escapeHtml(params.classes)}` : ''}">`,
    `<caption class="govuk-table__caption${captionClasses}">${escapeHtml(params.caption)}</caption>`,
    `<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>`,
    `<tbody class="govuk-table__body">\n${rows}\n</tbody>`,
    '</table>',
  ].join('\n');
}
