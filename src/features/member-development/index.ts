/**
 * The Member Development Programme's core (issue 6), shared by its features: who a session is
 * for, and inviting them. The schema is migration 0010; the screens live in their own features.
 */
export { audienceSql, audienceOfSession, dayInEngland, inviteAudience } from './audience.js';
export type { AudienceOf } from './audience.js';
export { durationText } from './words.js';
