/** The addresses of this feature's pages. */
export const invitationPaths = {
  mine: '/my/training',
  reply: (sessionId: number) => `/my/training/${sessionId}/reply`,
  calendar: '/my/training/calendar',
  calendarCreate: '/my/training/calendar/create',
  calendarRevoke: '/my/training/calendar/revoke',
  feed: (token: string) => `/calendar/${token}.ics`,
  admin: (sessionId: number) => `/admin/sessions/${sessionId}/invitations`,
  session: (sessionId: number) => `/admin/sessions/${sessionId}`,
};
