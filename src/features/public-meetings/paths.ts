/** The public addresses of meetings, reports and calendars, for links from this feature and others. */
export const meetingPaths = {
  index: '/meetings',
  meeting: (id: number) => `/meetings/${id}`,
  minutes: (id: number) => `/meetings/${id}/minutes`,
  calendar: (organisationId: number) => `/committees/${organisationId}/meetings.ics`,
  report: (id: number) => `/reports/${id}`,
  reportPrint: (id: number) => `/reports/${id}/print`,
  reportWord: (id: number) => `/reports/${id}/word`,
  appendixFile: (reportId: number, appendixId: number) =>
    `/reports/${reportId}/appendices/${appendixId}`,
  adminReport: (id: number) => `/admin/reports/${id}`,
  adminPrint: (id: number) => `/admin/reports/${id}/print`,
  adminWord: (id: number) => `/admin/reports/${id}/word`,
};
