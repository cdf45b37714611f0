import type { ScenarioTopic } from '../../db/schema.js';
import { codePaths } from '../code-of-conduct/index.js';
import { SCENARIO_TOPICS, topicName, type LinkState } from '../learning/index.js';
import type { ScenarioRow } from './repository.js';

type Status = ScenarioRow['status'];

const STATUS_TAGS: Record<Status, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  retired: { text: 'Retired', classes: 'govuk-tag--red' },
};
export const statusTag = (status: Status) => STATUS_TAGS[status];
export const reviewTag = { text: 'Needs review', classes: 'govuk-tag--orange' };

export const topicsText = (topics: readonly string[]) => topics.map(topicName).join(', ');

export const topicItems = (chosen: unknown) => {
  const set = new Set([chosen].flat());
  return SCENARIO_TOPICS.map((t) => ({ value: t.value, text: t.text, checked: set.has(t.value) }));
};

export const topicFilterItems = (chosen: ScenarioTopic | undefined) => [
  { value: '', text: 'All topics', selected: !chosen },
  ...SCENARIO_TOPICS.map((t) => ({ value: t.value, text: t.text, selected: chosen === t.value })),
];

/** The code in force, for public links to its paragraphs. */
export interface CodeRef {
  slug: string;
  number: number;
}

const LINK_STATES: Record<LinkState['state'], { text: string; classes: string } | null> = {
  current: null,
  changed: { text: 'Changed since linked', classes: 'govuk-tag--orange' },
  removed: { text: 'No longer in the code', classes: 'govuk-tag--red' },
};

/** A linked paragraph: its number now (or then), a public link, and a flag when it changed. */
export function paragraphView(state: LinkState, code: CodeRef | null) {
  const now = state.current;
  return {
    anchor: now?.anchor ?? state.anchor,
    number: now?.number ?? state.linkedNumber,
    text: now?.text ?? '',
    href: now && code ? codePaths.paragraph(code.slug, code.number, now.anchor) : null,
    tag: LINK_STATES[state.state],
    needsReview: state.state !== 'current',
    renumbered: now !== null && now.number !== state.linkedNumber,
    linkedNumber: state.linkedNumber,
  };
}
export type ParagraphView = ReturnType<typeof paragraphView>;

/**
 * Paragraphs of the code in force as checkbox items, grouped by the section they sit in: each
 * section folds away (a details element), open when one of its paragraphs is chosen.
 */
export function paragraphSections(
  paragraphs: readonly { anchor: string; number: string; section: string; text: string }[],
  chosen: readonly string[],
) {
  const set = new Set(chosen);
  const sections: {
    title: string;
    open: boolean;
    items: { value: string; text: string; checked: boolean }[];
  }[] = [];
  for (const p of paragraphs) {
    let section = sections.at(-1);
    if (!section || section.title !== p.section) {
      section = { title: p.section, open: false, items: [] };
      sections.push(section);
    }
    section.items.push({
      value: p.anchor,
      text: `${p.number} ${shorten(p.text, 110)}`,
      checked: set.has(p.anchor),
    });
    if (set.has(p.anchor)) section.open = true;
  }
  return sections;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export const yesNoItems = (value: unknown, yes: string, no: string) => [
  { value: 'yes', text: yes, checked: value === 'yes' },
  { value: 'no', text: no, checked: value === 'no' },
];

export const acceptableText = (acceptable: boolean) =>
  acceptable ? 'Acceptable' : 'Not acceptable';

/** "3 of 5 answered" and a tag for a member's progress through a set. */
export function progressView(answered: number, total: number, completed: boolean) {
  return {
    text: `${Math.min(answered, total)} of ${total} answered`,
    tag: completed
      ? { text: 'Completed', classes: 'govuk-tag--green' }
      : answered > 0
        ? { text: 'In progress', classes: 'govuk-tag--light-blue' }
        : { text: 'Not started', classes: 'govuk-tag--grey' },
  };
}

/** Paragraphs for a scenario body: split on blank lines. */
export const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
