/**
 * The learning content's core (issue 7), shared by its features: links from workshop plans
 * and scenarios to paragraphs of the code in force (and whether the code has since changed
 * under them), and the scenario topics. The schema is migration 0012; the screens live in
 * their own features (workshop-plans, scenario-bank, live-scenarios, evaluations).
 */
export {
  idsNeedingReview,
  linkableParagraphs,
  linksForAnchors,
  linkStates,
  paragraphDigest,
  type LinkablePargraph,
  type LinkState,
  type ParagraphLink,
} from './paragraphs.js';
export { SCENARIO_TOPICS, isScenarioTopic, topicName } from './topics.js';
