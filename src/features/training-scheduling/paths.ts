/** This feature's addresses, and the session page it links back to (programme-admin's). */
export const paths = {
  dates: (sessionId: number) => `/admin/sessions/${sessionId}/dates`,
  confirm: (sessionId: number) => `/admin/sessions/${sessionId}/dates/confirm`,
  closeDate: (sessionId: number) => `/admin/sessions/${sessionId}/dates/close`,
  session: (sessionId: number) => `/admin/sessions/${sessionId}`,
  groupTraining: '/group-training',
  whipSession: (sessionId: number) => `/group-training/sessions/${sessionId}`,
  whipPropose: (sessionId: number) => `/group-training/sessions/${sessionId}/dates`,
  whipAccept: (sessionId: number, proposalId: number) =>
    `/group-training/sessions/${sessionId}/dates/${proposalId}/accept`,
  groupTopics: '/group-training/topics',
  programme: (programmeId: number) => `/admin/programmes/${programmeId}`,
  programmeTopics: (programmeId: number) => `/admin/programmes/${programmeId}/topics`,
  decideTopic: (programmeId: number, proposalId: number) =>
    `/admin/programmes/${programmeId}/topics/${proposalId}`,
  liaisonMeetings: '/admin/liaison-meetings',
  newLiaisonMeeting: '/admin/liaison-meetings/new',
  liaisonMeeting: (meetingId: number) => `/admin/liaison-meetings/${meetingId}`,
} as const;
