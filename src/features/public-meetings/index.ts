import type { Feature } from '../index.js';
import { publicMeetingsRoutes } from './routes.js';

/**
 * Public meetings: agendas, minutes, published open reports (page, print, Word, appendix files),
 * each committee's iCalendar feed, and administrators' print and Word exports of any report.
 */
export const publicMeetingsFeature: Feature = {
  name: 'public-meetings',
  plugin: publicMeetingsRoutes,
};

export { meetingPaths } from './paths.js';
export { meetingDay, meetingTime } from './when.js';
