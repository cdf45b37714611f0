import type { ScenarioTopic } from '../../db/schema.js';

/** The topics a scenario is tagged with, in the order they are offered, with their names. */
export const SCENARIO_TOPICS: readonly { value: ScenarioTopic; text: string }[] = [
  { value: 'respect', text: 'Respect' },
  { value: 'bullying', text: 'Bullying and harassment' },
  { value: 'officer-impartiality', text: 'Officer impartiality' },
  { value: 'confidentiality', text: 'Confidentiality' },
  { value: 'disrepute', text: 'Bringing the council into disrepute' },
  { value: 'use-of-position', text: 'Use of position' },
  { value: 'interests', text: 'Interests' },
  { value: 'gifts', text: 'Gifts and hospitality' },
  { value: 'social-media', text: 'Social media' },
  { value: 'elections-and-politics', text: 'Elections and politics' },
];

export const topicName = (topic: string): string =>
  SCENARIO_TOPICS.find((t) => t.value === topic)?.text ?? topic;

export const isScenarioTopic = (value: string): value is ScenarioTopic =>
  SCENARIO_TOPICS.some((t) => t.value === value);
