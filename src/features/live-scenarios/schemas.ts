import { z } from 'zod';

const MAX_ID = 2_147_483_647;

/** A database id from a path or a form: digits only, within an integer's range. */
export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const liveParams = z.object({ id, liveId: id });
export const sessionParams = z.object({ sessionId: id });

/** What the facilitator moves a scenario on to. */
export const STAGE_ACTIONS = ['tally', 'model-answer', 'closed'] as const;
export const stageForm = z.object({
  stage: z.enum(STAGE_ACTIONS, { error: 'Choose what to show next' }),
});

export const openForm = z.object({
  scenarioId: z
    .string({ error: 'Choose a scenario to open' })
    .regex(/^[1-9]\d{0,9}$/, { error: 'Choose a scenario to open' })
    .transform(Number)
    .refine((n) => n <= MAX_ID, { error: 'Choose a scenario to open' }),
});

/** Anchors as the code numbers them (`para-2-1-a`), one or many checkboxes. */
const anchors = z.preprocess(
  (v) => (v === undefined ? [] : [v].flat()),
  z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(100),
);

/** An attendee's answer. `choiceId` or `nextStepText` is checked against the scenario later. */
export const answerForm = z.object({
  liveId: id,
  acceptable: z.enum(['yes', 'no'], { error: 'Say whether it is acceptable or not' }),
  anchors: anchors.catch([]),
  choiceId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()).catch(undefined),
  nextStepText: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().max(2000, { error: 'Keep what the member should do to 2000 characters or fewer' }),
  ),
});
export type AnswerInput = z.infer<typeof answerForm>;

/** A session's code: six letters and digits; spaces, dashes and lower case are forgiven. */
export const codeForm = z.object({
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '').toUpperCase() : v),
    z
      .string({ error: 'Enter the session code' })
      .min(1, { error: 'Enter the session code' })
      .regex(/^[A-Z0-9]{6}$/, { error: 'The session code is 6 letters and numbers, like K7P2QX' }),
  ),
});
