import { escapeHtml } from '../../platform/html.js';
import type { WordChange } from './compare.js';

/**
 * What a screen reader hears around a change: `<ins>` and `<del>` are not announced by most
 * screen readers, and underlining, striking through and colour are lost on them, so each change
 * carries words of its own, hidden from sight. The page's legend says the same for everyone.
 */
export const MARKERS = {
  added: { start: '[added: ', end: ']' },
  removed: { start: '[removed: ', end: ']' },
} as const;

const hidden = (text: string) => `<span class="govuk-visually-hidden">${text}</span>`;

/** A run of added or removed words as `<ins>` or `<del>`, with its hidden markers. */
export function changeHtml(type: 'added' | 'removed', text: string): string {
  const tag = type === 'added' ? 'ins' : 'del';
  const marker = MARKERS[type];
  return (
    `<${tag} class="probity-diff__${tag}">` +
    `${hidden(escapeHtml(marker.start))}${escapeHtml(text)}${hidden(escapeHtml(marker.end))}` +
    `</${tag}>`
  );
}

/**
 * A changed text as HTML: every word from the database escaped, only the `<ins>`/`<del>`
 * markup ours. A change of white space alone is shown as the newer text's white space.
 */
export function wordChangesHtml(changes: readonly WordChange[]): string {
  return changes
    .map((change) => {
      if (change.type === 'same') return escapeHtml(change.text);
      if (change.text.trim() === '') return change.type === 'added' ? escapeHtml(change.text) : '';
      return changeHtml(change.type, change.text);
    })
    .join('');
}
