import { numberItems } from '../code-of-conduct/index.js';
import { escapeHtml } from '../../platform/html.js';
import type { ErrorSummaryItem } from '../../platform/forms.js';
import type { Refusal } from '../../platform/outcome.js';
import type { ImportPreview } from './service.js';
import type { StoredImport } from './schemas.js';

/** Paths of this feature's pages. */
export const paths = {
  upload: (slug: string) => `/admin/code/${slug}/import`,
  preview: (id: number) => `/admin/code/imports/${id}`,
  confirm: (id: number) => `/admin/code/imports/${id}/confirm`,
  version: (id: number) => `/admin/code/versions/${id}`,
  council: (slug: string) => `/admin/code/${slug}`,
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** A refusal as the page's error summary and the message under its field. */
export function refusalErrors(refusal: Refusal): {
  errors: Record<string, { text: string }>;
  errorList: ErrorSummaryItem[];
} {
  return {
    errors: { [refusal.field]: { text: refusal.message } },
    errorList: [{ text: refusal.message, href: `#${refusal.field}` }],
  };
}

const KIND_NAMES = {
  section: 'Section',
  appendix: 'Appendix',
  paragraph: 'Paragraph',
  'sub-paragraph': 'Sub-paragraph',
} as const;

function whereLabel(format: 'docx' | 'markdown', source: number): string {
  if (source === 0) return 'The whole file';
  return format === 'docx' ? `Paragraph ${source}` : `Line ${source}`;
}

function problemRows(preview: ImportPreview, severity: 'left-out' | 'warning') {
  return preview.parsed.problems
    .filter((p) => p.severity === severity)
    .map((p) => [
      { text: whereLabel(preview.format, p.source) },
      { text: p.text === '' ? '–' : p.text },
      { text: p.message },
    ]);
}

function counts(parsed: StoredImport) {
  const items = parsed.items;
  const count = (test: (i: StoredImport['items'][number]) => boolean) => items.filter(test).length;
  return [
    plural(
      count((i) => i.kind === 'section'),
      'section',
    ),
    plural(
      count((i) => i.depth === 1),
      'paragraph',
    ),
    plural(
      count((i) => i.depth === 2),
      'sub-paragraph',
    ),
    plural(
      count((i) => i.kind === 'appendix'),
      'appendix',
      'appendices',
    ),
    plural(
      count((i) => i.origin === 'local'),
      'local addition',
    ),
  ];
}

/** The preview page: the structure as it will be numbered, and every problem found. */
export function previewView(preview: ImportPreview) {
  const numbered = numberItems(preview.parsed.items);
  const items = numbered.ok ? numbered.items : [];
  const leftOut = problemRows(preview, 'left-out');
  const warnings = problemRows(preview, 'warning');
  const rows = items.map((item, i) => {
    const source = preview.parsed.items[i]!;
    const kind = item.kind === 'paragraph' && item.depth === 2 ? 'sub-paragraph' : item.kind;
    const text = escapeHtml(item.heading ?? item.body ?? '');
    const local = item.origin === 'local';
    return [
      { text: item.number, attributes: { id: `item-${i + 1}` } },
      { text: KIND_NAMES[kind] },
      {
        html:
          (kind === 'section' || kind === 'appendix'
            ? `<strong>${text}</strong>`
            : local
              ? `<em>${text}</em>`
              : text) +
          (local ? ' <strong class="govuk-tag govuk-tag--yellow">Local addition</strong>' : ''),
      },
      { text: source.written ?? '–' },
      { text: whereLabel(preview.format, source.source) },
    ];
  });
  const used = preview.version;
  return {
    importId: preview.id,
    authority: preview.authority,
    fileName: preview.fileName,
    formatName: preview.format === 'docx' ? 'Word document' : 'Markdown',
    title: preview.parsed.title,
    summary: [...counts(preview.parsed), plural(leftOut.length, 'part left out', 'parts left out')],
    leftOutRows: leftOut,
    warningRows: warnings,
    itemRows: rows,
    canCreate: !used && items.length > 0,
    nothingPlaced: items.length === 0,
    used: used ? { number: used.number, href: paths.version(used.id) } : null,
    confirmAction: paths.confirm(preview.id),
    uploadHref: paths.upload(preview.authority.slug),
  };
}
