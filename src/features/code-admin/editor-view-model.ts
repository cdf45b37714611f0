import type { CodeItem } from '../code-of-conduct/index.js';
import { kindChoiceOf } from './editor-ops.js';
import { paths } from './route-support.js';
import { ITEM_KINDS, type ItemKindChoice } from './schemas.js';

/** How an item is named to a person: "section 2", "paragraph 2.1", "appendix A". */
export function itemLabel(item: Pick<CodeItem, 'kind' | 'depth' | 'number'>): string {
  if (item.kind === 'section') return `section ${item.number}`;
  if (item.kind === 'appendix') return `appendix ${item.number}`;
  return `${item.depth === 2 ? 'sub-paragraph' : 'paragraph'} ${item.number}`;
}

/** A paragraph's text as the paragraphs a person typed (blank lines or line breaks). */
const lines = (text: string | null): string[] =>
  (text ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export interface ItemView {
  lineage: string;
  anchor: string;
  number: string;
  label: string;
  isHeading: boolean;
  isSubParagraph: boolean;
  heading: string | null;
  paragraphs: string[];
  local: boolean;
  editHref: string;
  insertHref: string;
  removeHref: string;
  moveAction: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
}

/** A version's items for the editor and the preview, in reading order. */
export function itemViews(versionId: number, items: readonly CodeItem[]): ItemView[] {
  const base = `${paths.version(versionId)}/items`;
  return items.map((item, index) => ({
    lineage: item.lineage,
    anchor: item.anchor,
    number: item.number,
    label: itemLabel(item),
    isHeading: item.kind !== 'paragraph',
    isSubParagraph: item.kind === 'paragraph' && item.depth === 2,
    heading: item.kind === 'paragraph' ? null : item.heading,
    paragraphs: item.kind === 'paragraph' ? lines(item.body) : [],
    local: item.origin === 'local',
    editHref: `${base}/${item.lineage}/edit`,
    insertHref: `${base}/new?after=${item.lineage}`,
    removeHref: `${base}/${item.lineage}/remove`,
    moveAction: `${base}/${item.lineage}/move`,
    canMoveUp: index > 0,
    canMoveDown: index < items.length - 1,
  }));
}

/** The contents of a preview: its sections and appendices. */
export const contents = (items: readonly ItemView[]) =>
  items
    .filter((item) => item.isHeading)
    .map((item) => ({ href: `#${item.anchor}`, text: `${item.number} ${item.heading ?? ''}` }));

/** The kind to suggest for an item inserted after `previous`: what usually comes next. */
export function suggestedKind(previous: CodeItem | undefined): ItemKindChoice {
  if (!previous) return 'section';
  if (previous.kind !== 'paragraph') return 'paragraph';
  return kindChoiceOf(previous);
}

/** The editor form's fields: kind radios, the text and the local-addition checkbox. */
export function itemFormFields(values: Record<string, unknown>) {
  return {
    kindItems: Object.entries(ITEM_KINDS).map(([value, text]) => ({
      value,
      text,
      checked: values.kind === value,
    })),
    localItems: [
      {
        value: 'yes',
        text: 'This is a local addition',
        hint: {
          text: 'The council’s own text, not the model code’s. It is shown in italics and marked as a local addition.',
        },
        checked: values.local === 'yes',
      },
    ],
  };
}

/** An item's stored values as the editor form's values. */
export const itemFormValues = (item: CodeItem): Record<string, unknown> => ({
  kind: kindChoiceOf(item),
  text: item.kind === 'paragraph' ? item.body : item.heading,
  local: item.origin === 'local' ? 'yes' : undefined,
});
