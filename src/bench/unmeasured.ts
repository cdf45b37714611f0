/**
 * The GET routes `npm run bench` does not load, each with the reason. Every other GET route
 * is measured (src/bench/coverage.int.test.ts holds the two lists together).
 */
export const UNMEASURED: Readonly<Record<string, string>> = {
  '/admin/sessions/:id/live/:liveId/events':
    'an event stream held open while a facilitator runs a scenario: it has no load time; ' +
    'the answers it reports are measured by the live-answers step (p99 of 50 at once)',
};
