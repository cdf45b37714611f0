/** The addresses of this feature's pages, and of the pages it links to. */
export const paths = {
  attendance: (sessionId: number) => `/admin/sessions/${sessionId}/attendance`,
  addAttendee: (sessionId: number) => `/admin/sessions/${sessionId}/attendance/add`,
  code: (sessionId: number) => `/admin/sessions/${sessionId}/attendance/code`,
  session: (sessionId: number) => `/admin/sessions/${sessionId}`,
  attend: '/attend',
  myRecord: '/my/training/record',
  myTraining: '/my/training',
  personRecord: (personId: number) => `/admin/people/${personId}/training`,
  person: (personId: number) => `/admin/people/${personId}`,
  facilitating: '/facilitating',
  // the learning content's pages for a session (issue 7)
  runSheet: (sessionId: number) => `/facilitating/sessions/${sessionId}/run-sheet`,
  live: (sessionId: number) => `/admin/sessions/${sessionId}/live`,
  evaluations: (sessionId: number) => `/admin/sessions/${sessionId}/evaluations`,
};
