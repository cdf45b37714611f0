import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Attendance at training sessions (taken by a facilitator or an officer, or self-registered with a code) and each member's training record. */
export const trainingAttendanceFeature: Feature = { name: 'training-attendance', plugin: routes };

/** The feature's addresses, for navigation and links from other features. */
export { paths as trainingAttendancePaths } from './paths.js';

/**
 * For the learning content's features (issue 7): the session a facilitator or administrator
 * may run (404 for anyone else), self-registration with a session's code, and when a session
 * takes attendance.
 */
export { sessionForAttendance as sessionForFacilitation, isAdministrator } from './access.js';
export { registerWithCode, type SelfRegistration } from './service.js';
export { attendanceWindow } from './window.js';
export { wrongSessionCodes } from './guesses.js';
export { findSession, isFacilitator, type SessionRow } from './repository.js';
export { sessionTitle } from './view-model.js';
