import type { Feature } from '../index.js';
import { routes } from './routes.js';

/** Attendance at training sessions (taken by a facilitator or an officer, or self-registered with a code) and each member's training record. */
export const trainingAttendanceFeature: Feature = { name: 'training-attendance', plugin: routes };

/** The feature's addresses, for navigation and links from other features. */
export { paths as trainingAttendancePaths } from './paths.js';
