import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Invitations to training sessions: emails with .ics files, updates and cancellations, reminders, replies, and personal calendar feeds. */
export const trainingInvitationsFeature: Feature = { name: 'training-invitations', plugin: routes };

export { dispatchInvitations } from './dispatcher.js';
export type { DispatchOptions, DispatchResult } from './dispatcher.js';
export { sessionUid } from './ics.js';
export { invitationPaths } from './paths.js';
