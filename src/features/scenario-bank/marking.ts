/**
 * Marking an answer to a scenario's three questions against its model answer. Pure: used by
 * self-study here and by live scenarios (through this feature's index).
 */

/** What a scenario expects: taken from its row, its paragraph links and its choices. */
export interface ScenarioKey {
  /** the model answer to "acceptable or not?" */
  acceptable: boolean;
  /** anchors of the paragraphs the scenario engages */
  anchors: readonly string[];
  /** 'choice': "what should the member do now?" is answered by choosing; 'text': in words */
  nextStepKind: 'choice' | 'text';
  /** the choices that are right (for 'choice') */
  correctChoiceIds: readonly number[];
}

/** What a person answered. */
export interface ScenarioAnswer {
  acceptable: boolean;
  anchors: readonly string[];
  choiceId: number | null;
  nextStepText?: string;
}

export interface Marking {
  /** "acceptable or not?" answered as the model answer does */
  acceptable: boolean;
  /** the engaged paragraphs: right when exactly the scenario's anchors were chosen */
  paragraphs: {
    right: boolean;
    /** engaged paragraphs the person did not choose */
    missed: string[];
    /** paragraphs chosen that the scenario does not engage */
    extra: string[];
  };
  /** the next step: right or wrong for a choice; null for a text answer (not marked) */
  nextStep: boolean | null;
  /** every marked part right */
  allRight: boolean;
}

export function markAnswer(key: ScenarioKey, answer: ScenarioAnswer): Marking {
  const expected = new Set(key.anchors);
  const given = new Set(answer.anchors);
  const missed = [...expected].filter((a) => !given.has(a));
  const extra = [...given].filter((a) => !expected.has(a));
  const acceptable = answer.acceptable === key.acceptable;
  const nextStep =
    key.nextStepKind === 'text'
      ? null
      : answer.choiceId !== null && key.correctChoiceIds.includes(answer.choiceId);
  const paragraphsRight = missed.length === 0 && extra.length === 0;
  return {
    acceptable,
    paragraphs: { right: paragraphsRight, missed, extra },
    nextStep,
    allRight: acceptable && paragraphsRight && nextStep !== false,
  };
}
