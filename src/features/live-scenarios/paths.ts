/** The addresses of live scenarios' pages. */
export const paths = {
  /** the facilitator's page for a session: open a scenario, the one open now, past ones */
  session: (sessionId: number) => `/admin/sessions/${sessionId}/live`,
  /** the projector view of one scenario run in the session */
  live: (sessionId: number, liveId: number) => `/admin/sessions/${sessionId}/live/${liveId}`,
  stage: (sessionId: number, liveId: number) => `/admin/sessions/${sessionId}/live/${liveId}/stage`,
  events: (sessionId: number, liveId: number) =>
    `/admin/sessions/${sessionId}/live/${liveId}/events`,
  /** an attendee joins with the session's code */
  join: '/live',
  /** an attendee's page for the session: the open scenario's form, and their own answers */
  attendee: (sessionId: number) => `/live/${sessionId}`,
  answer: (sessionId: number) => `/live/${sessionId}/answer`,
  attendance: (sessionId: number) => `/admin/sessions/${sessionId}/attendance`,
  facilitating: '/facilitating',
  adminSession: (sessionId: number) => `/admin/sessions/${sessionId}`,
};
