import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';
import { isScenarioTopic } from '../learning/index.js';
import type { ScenarioTopic } from '../../db/schema.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path or a form: digits only, within an integer column's range. */
export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });
export const setItemParams = z.object({ id, scenarioId: id });
export const studyParams = z.object({ setId: id, scenarioId: id });
export const setParams = z.object({ setId: id });

/** Repeated form fields (checkboxes) as an array of strings, whatever arrives. */
export const toArray = (value: unknown): string[] =>
  value === undefined || value === null || value === ''
    ? []
    : (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

const text = (max: number, missing: string, tooLong: string) =>
  z.preprocess(trimmed, z.string({ error: missing }).max(max, tooLong));
const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => trimmed(v) ?? '', z.string().max(max, tooLong));
const yesNo = (missing: string) => z.enum(['yes', 'no'], { error: missing });

/** How many choices the scenario form offers for "what should the member do now?". */
export const CHOICE_SLOTS = 5;

const STATUSES = ['draft', 'published', 'retired'] as const;

export const scenarioForm = z.object({
  title: text(200, 'Enter the title of the scenario', 'The title must be 200 characters or fewer'),
  situation: text(
    5000,
    'Describe the situation',
    'The situation must be 5,000 characters or fewer',
  ),
  topics: z.preprocess(
    toArray,
    z
      .array(z.string().refine(isScenarioTopic, 'Select topics from the list'))
      .min(1, 'Select at least one topic')
      .transform((a) => [...new Set(a)] as ScenarioTopic[]),
  ),
  acceptable: yesNo('Say whether the conduct is acceptable'),
  anchors: z.preprocess(toArray, z.array(z.string().max(100))),
  nextStepKind: z.enum(['choice', 'text'], {
    error: 'Say how "what should the member do now?" is answered',
  }),
  modelAnswer: text(
    5000,
    'Enter the model answer',
    'The model answer must be 5,000 characters or fewer',
  ),
  explanation: optionalText(5000, 'The explanation must be 5,000 characters or fewer'),
  status: z.enum(STATUSES, { error: 'Select the status of the scenario' }),
});
export type ScenarioInput = z.infer<typeof scenarioForm>;

export interface ChoiceInput {
  text: string;
  correct: boolean;
  feedback: string;
}

/**
 * The choices typed in the form's slots (`choice1Text`, `choice1Correct`, `choice1Feedback`
 * ...): blank slots are skipped. Problems are keyed by the slot's field.
 */
export function readChoices(
  body: Record<string, unknown>,
  kind: 'choice' | 'text',
): { choices: ChoiceInput[]; problems: { field: string; message: string }[] } {
  const choices: ChoiceInput[] = [];
  const problems: { field: string; message: string }[] = [];
  for (let n = 1; n <= CHOICE_SLOTS; n += 1) {
    const raw = body[`choice${n}Text`];
    const choiceText = typeof raw === 'string' ? raw.trim() : '';
    const fb = body[`choice${n}Feedback`];
    const feedback = typeof fb === 'string' ? fb.trim() : '';
    const correct = body[`choice${n}Correct`] === 'yes';
    if (!choiceText) {
      if (feedback || correct)
        problems.push({ field: `choice${n}Text`, message: `Enter the text of choice ${n}` });
      continue;
    }
    if (choiceText.length > 1000)
      problems.push({
        field: `choice${n}Text`,
        message: `Choice ${n} must be 1,000 characters or fewer`,
      });
    if (feedback.length > 2000)
      problems.push({
        field: `choice${n}Feedback`,
        message: `The feedback on choice ${n} must be 2,000 characters or fewer`,
      });
    choices.push({ text: choiceText, correct, feedback });
  }
  if (kind === 'choice' && problems.length === 0) {
    if (choices.length < 2)
      problems.push({ field: 'choice1Text', message: 'Enter at least two choices' });
    else if (!choices.some((c) => c.correct))
      problems.push({ field: 'choice1Correct', message: 'Mark at least one choice as right' });
  }
  return { choices, problems };
}

export const bankQuery = z.object({
  topic: z.preprocess(trimmed, z.string().refine(isScenarioTopic).optional()).catch(undefined),
  review: z.preprocess(trimmed, z.literal('yes').optional()).catch(undefined),
});

export const setForm = z.object({
  title: text(200, 'Enter the title of the set', 'The title must be 200 characters or fewer'),
  description: optionalText(5000, 'The description must be 5,000 characters or fewer'),
  courseId: z.preprocess(
    (v) => (trimmed(v) === 'none' ? undefined : trimmed(v)),
    z
      .string()
      .pipe(id)
      .optional()
      .catch(() => -1)
      .refine((v) => v !== -1, 'Choose one of the council’s courses, or none'),
  ),
  published: yesNo('Say whether members can see the set'),
});
export type SetInput = z.infer<typeof setForm>;

export const addToSetForm = z.object({
  scenarioId: z.preprocess(trimmed, z.string({ error: 'Select a scenario to add' }).pipe(id)),
});
export const moveForm = z.object({ direction: z.enum(['up', 'down']) });

export const answerForm = z.object({
  acceptable: yesNo('Say whether the conduct is acceptable'),
  anchors: z.preprocess(toArray, z.array(z.string().max(100)).max(200)),
  choiceId: z.preprocess(trimmed, id.optional()),
  nextStepText: optionalText(2000, 'Your answer must be 2,000 characters or fewer'),
});
export type AnswerInput = z.infer<typeof answerForm>;
