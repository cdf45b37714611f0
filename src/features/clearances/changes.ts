import { diffWords } from 'diff';
import { escapeHtml } from '../../platform/html.js';
import type { ClearanceSnapshot } from '../reports/index.js';

/** One part of a report that differs between two snapshots, as HTML with words marked. */
export interface SnapshotChange {
  label: string;
  html: string;
}

const hidden = (text: string) => `<span class="govuk-visually-hidden">${text}</span>`;

/**
 * A text's changes word by word: every word escaped, only the markup ours. Each change carries
 * hidden words for screen readers, which do not announce `<ins>` and `<del>`.
 */
export function wordDiffHtml(before: string, after: string): string {
  return diffWords(before, after)
    .map((part) => {
      const text = escapeHtml(part.value);
      if (part.added)
        return `<ins class="probity-diff__ins">${hidden('[added: ')}${text}${hidden(']')}</ins>`;
      if (part.removed)
        return `<del class="probity-diff__del">${hidden('[removed: ')}${text}${hidden(']')}</del>`;
      return text;
    })
    .join('');
}

const ANSWER: Record<string, string> = { yes: 'Yes', no: 'No' };
const answerText = (answer: string | null) =>
  answer ? (ANSWER[answer] ?? answer) : 'Not answered';

/**
 * What changed between what was cleared (or asked about) and the report now: the title,
 * summary, category, each recommendation, each body item (by number) and the implication's
 * answer and statement. Nothing changed: an empty list.
 */
export function snapshotChanges(
  before: ClearanceSnapshot,
  after: ClearanceSnapshot,
): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  const text = (label: string, a: string, b: string) => {
    if (a !== b) changes.push({ label, html: wordDiffHtml(a, b) });
  };
  const s0 = before.substance;
  const s1 = after.substance;
  text('Title', s0.title, s1.title);
  text('Summary', s0.summary, s1.summary);
  text(
    'Category',
    s0.category + (s0.exemptParagraph ? ` (paragraph ${s0.exemptParagraph})` : ''),
    s1.category + (s1.exemptParagraph ? ` (paragraph ${s1.exemptParagraph})` : ''),
  );
  const recommendations = Math.max(s0.recommendations.length, s1.recommendations.length);
  for (let k = 0; k < recommendations; k += 1) {
    text(`Recommendation ${k + 1}`, s0.recommendations[k] ?? '', s1.recommendations[k] ?? '');
  }
  const oldBody = new Map(s0.body.map((item) => [item.number, item.text]));
  const newBody = new Map(s1.body.map((item) => [item.number, item.text]));
  const numbers = [...new Set([...s1.body.map((i) => i.number), ...s0.body.map((i) => i.number)])];
  for (const number of numbers) {
    text(`Paragraph ${number}`, oldBody.get(number) ?? '', newBody.get(number) ?? '');
  }
  text(
    `${after.implication.label}: answer`,
    answerText(before.implication.answer),
    answerText(after.implication.answer),
  );
  text(
    `${after.implication.label}: statement`,
    before.implication.statement,
    after.implication.statement,
  );
  return changes;
}
