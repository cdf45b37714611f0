import type { ItemDraft } from '../code-of-conduct/index.js';
import type { LeadingNumber } from './numbers.js';

/** An item of the new draft, with where it came from in the file. */
export interface PlacedItem extends ItemDraft {
  /** the paragraph (Word) or line (Markdown) it came from */
  source: number;
  /** its number as the document writes it ("2.1", "(a)", "Appendix B"), if it has one */
  written: string | null;
}

/**
 * Something the import could not place (it is left out of the draft) or that someone should
 * check (a warning: the text is placed all the same).
 */
export interface ImportProblem {
  severity: 'left-out' | 'warning';
  /** the paragraph or line it is about; 0 for the file as a whole */
  source: number;
  /** the start of its text */
  text: string;
  message: string;
}

export interface DetectedStructure {
  /** the document's title, when it has one (Word's Title style, or a lone top heading) */
  title: string | null;
  items: PlacedItem[];
  problems: ImportProblem[];
}

/** A placed item with the number the document gave it, for checking the numbering. */
export interface CheckedItem {
  item: PlacedItem;
  number: LeadingNumber | null;
}
