import type { LiveStage } from '../../db/schema.js';
import type { LinkablePargraph, LinkState } from '../learning/index.js';
import { topicName } from '../learning/index.js';
import { markAnswer } from '../scenario-bank/index.js';
import type { ChoiceRow, LiveRow, OwnAnswer } from './repository.js';
import type { TallyRows } from './tally-repository.js';

export const STAGE_NAMES: Record<LiveStage, string> = {
  answering: 'Taking answers',
  tally: 'Showing the tally',
  'model-answer': 'Showing the model answer',
  closed: 'Closed',
};

const STAGE_TAGS: Record<LiveStage, string> = {
  answering: 'govuk-tag--green',
  tally: 'govuk-tag--blue',
  'model-answer': 'govuk-tag--purple',
  closed: 'govuk-tag--grey',
};

const ORDER: readonly LiveStage[] = ['answering', 'tally', 'model-answer', 'closed'];
/** Whether a scenario has reached a stage (the tally stays shown after it, and so on). */
export const reached = (stage: LiveStage, at: LiveStage) =>
  ORDER.indexOf(stage) >= ORDER.indexOf(at);

export const stageTag = (stage: LiveStage) => ({
  text: STAGE_NAMES[stage],
  classes: STAGE_TAGS[stage],
});

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const percent = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));

/** A paragraph's words, shortened for a label. */
export function excerpt(text: string, length = 110): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`;
}

/** Text answers in alphabetical order, never in the order they came (that could say who wrote which). */
export function sortedTexts(texts: readonly string[]): string[] {
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });
  return [...texts].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The anonymous tally: how many said acceptable or not, how many chose each paragraph (in the
 * code's order) and each choice, and the text answers in alphabetical order. No names, no ids.
 * Which paragraphs and choices are right is shown only once the model answer is.
 */
export function tallyView(
  tally: TallyRows,
  live: Pick<LiveRow, 'stage' | 'acceptable' | 'nextStepKind'>,
  choices: readonly ChoiceRow[],
  paragraphs: readonly LinkablePargraph[],
  engaged: readonly string[],
) {
  const showModel = reached(live.stage, 'model-answer');
  const total = tally.answers;
  const byAnchor = new Map(tally.anchors.map((a) => [a.anchor, a.count]));
  const known = new Set(paragraphs.map((p) => p.anchor));
  const paragraphRows = [
    ...paragraphs
      .filter((p) => byAnchor.has(p.anchor) || (showModel && engaged.includes(p.anchor)))
      .map((p) => ({ anchor: p.anchor, number: p.number, text: excerpt(p.text, 90) })),
    ...[...byAnchor.keys()]
      .filter((a) => !known.has(a))
      .sort()
      .map((a) => ({ anchor: a, number: a, text: 'No longer in the code in force' })),
  ].map((p) => {
    const count = byAnchor.get(p.anchor) ?? 0;
    return {
      ...p,
      count,
      percent: percent(count, total),
      engaged: showModel && engaged.includes(p.anchor),
    };
  });
  const byChoice = new Map(tally.choices.map((c) => [c.choiceId, c.count]));
  return {
    total,
    totalText: plural(total, 'answer', 'answers'),
    acceptable: [
      {
        text: 'Acceptable',
        count: tally.acceptable,
        percent: percent(tally.acceptable, total),
        right: showModel && live.acceptable,
      },
      {
        text: 'Not acceptable',
        count: tally.notAcceptable,
        percent: percent(tally.notAcceptable, total),
        right: showModel && !live.acceptable,
      },
    ],
    paragraphs: paragraphRows,
    choices:
      live.nextStepKind === 'choice'
        ? choices.map((c) => {
            const count = byChoice.get(c.id) ?? 0;
            return {
              text: c.text,
              count,
              percent: percent(count, total),
              right: showModel && c.correct,
            };
          })
        : [],
    texts: live.nextStepKind === 'text' ? sortedTexts(tally.texts) : [],
    textKind: live.nextStepKind === 'text',
    showModel,
  };
}

/** The model answer, with links to the engaged paragraphs on the public code. */
export function modelAnswerView(
  live: Pick<LiveRow, 'acceptable' | 'modelAnswer' | 'explanation' | 'nextStepKind'>,
  choices: readonly ChoiceRow[],
  states: readonly LinkState[],
  link: (anchor: string) => string | null,
) {
  return {
    acceptableText: live.acceptable ? 'Acceptable' : 'Not acceptable',
    modelAnswer: live.modelAnswer,
    explanation: live.explanation,
    paragraphs: states.map((s) => ({
      number: s.current?.number ?? s.linkedNumber,
      text: s.current ? excerpt(s.current.text, 160) : 'No longer in the code in force',
      href: s.current ? link(s.current.anchor) : null,
    })),
    rightChoices:
      live.nextStepKind === 'choice' ? choices.filter((c) => c.correct).map((c) => c.text) : [],
  };
}

/** The scenario's questions as the projector shows them. */
export function questionsView(live: Pick<LiveRow, 'nextStepKind'>, choices: readonly ChoiceRow[]) {
  return {
    choices: live.nextStepKind === 'choice' ? choices.map((c) => c.text) : [],
    textKind: live.nextStepKind === 'text',
  };
}

export const topicsText = (topics: readonly string[]) => topics.map(topicName).join(', ');

/** The attendee's form: the three questions with what they answered (or typed) checked. */
export function answerFormView(
  live: Pick<LiveRow, 'id' | 'nextStepKind'>,
  choices: readonly ChoiceRow[],
  paragraphs: readonly LinkablePargraph[],
  values: FormValues,
) {
  const items: (
    { divider: string } | { value: string; text: string; hint: { text: string }; checked: boolean }
  )[] = [];
  let section: string | null = null;
  for (const p of paragraphs) {
    if (p.section !== section) {
      section = p.section;
      if (section) items.push({ divider: section });
    }
    items.push({
      value: p.anchor,
      text: `Paragraph ${p.number}`,
      hint: { text: excerpt(p.text) },
      checked: values.anchors.includes(p.anchor),
    });
  }
  return {
    liveId: live.id,
    acceptableItems: [
      { value: 'yes', text: 'Acceptable', checked: values.acceptable === 'yes' },
      { value: 'no', text: 'Not acceptable', checked: values.acceptable === 'no' },
    ],
    paragraphItems: items,
    choiceItems:
      live.nextStepKind === 'choice'
        ? choices.map((c) => ({
            value: String(c.id),
            text: c.text,
            checked: values.choiceId === String(c.id),
          }))
        : [],
    textKind: live.nextStepKind === 'text',
    nextStepText: values.nextStepText,
  };
}

export interface FormValues {
  acceptable?: string;
  anchors: string[];
  choiceId?: string;
  nextStepText: string;
}

/** Form values from a stored answer. */
export function valuesOf(own: OwnAnswer | undefined): FormValues {
  return own
    ? {
        acceptable: own.acceptable ? 'yes' : 'no',
        anchors: own.anchors,
        ...(own.choiceId !== null ? { choiceId: String(own.choiceId) } : {}),
        nextStepText: own.nextStepText,
      }
    : { anchors: [], nextStepText: '' };
}

/** What the attendee answered, in words, beside the model answer (right or not, when it is shown). */
export function ownAnswerView(
  own: OwnAnswer | undefined,
  live: Pick<LiveRow, 'acceptable' | 'nextStepKind'>,
  choices: readonly ChoiceRow[],
  paragraphs: readonly LinkablePargraph[],
  engaged: readonly string[],
  marked: boolean,
) {
  if (!own) return null;
  const number = (anchor: string) => paragraphs.find((p) => p.anchor === anchor)?.number ?? anchor;
  const choice = choices.find((c) => c.id === own.choiceId);
  // The same marking as self-study's, once the model answer is shown.
  const marking = marked
    ? markAnswer(
        {
          acceptable: live.acceptable,
          anchors: engaged,
          nextStepKind: live.nextStepKind,
          correctChoiceIds: choices.filter((c) => c.correct).map((c) => c.id),
        },
        { acceptable: own.acceptable, anchors: own.anchors, choiceId: own.choiceId },
      )
    : null;
  return {
    acceptable: {
      text: own.acceptable ? 'Acceptable' : 'Not acceptable',
      right: marking ? marking.acceptable : null,
    },
    paragraphs: {
      text: own.anchors.length > 0 ? own.anchors.map(number).join(', ') : 'None chosen',
      right: marking ? marking.paragraphs.right : null,
    },
    nextStep:
      live.nextStepKind === 'choice'
        ? {
            text: choice?.text ?? 'None chosen',
            right: marking ? marking.nextStep : null,
            feedback: marked ? (choice?.feedback ?? '') : '',
          }
        : { text: own.nextStepText || 'Nothing written', right: null, feedback: '' },
  };
}
