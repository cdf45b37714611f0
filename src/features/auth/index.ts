import type { Feature } from '../index.js';
import { authRoutes } from './routes.js';

export const authFeature: Feature = { name: 'auth', plugin: authRoutes };
export { issueInvitation, type InvitationPurpose } from './invitations.js';
