/** Where the administrators' programme, course and session pages are. */
export const paths = {
  list: '/admin/programmes',
  newProgramme: '/admin/programmes/new',
  programme: (id: number) => `/admin/programmes/${id}`,
  editProgramme: (id: number) => `/admin/programmes/${id}/edit`,
  approve: (id: number) => `/admin/programmes/${id}/approve`,
  start: (id: number) => `/admin/programmes/${id}/start`,
  close: (id: number) => `/admin/programmes/${id}/close`,
  topics: (id: number) => `/admin/programmes/${id}/topics`,
  newCourse: (programmeId: number) => `/admin/programmes/${programmeId}/courses/new`,
  course: (id: number) => `/admin/courses/${id}`,
  editCourse: (id: number) => `/admin/courses/${id}/edit`,
  newSession: (courseId: number) => `/admin/courses/${courseId}/sessions/new`,
  session: (id: number) => `/admin/sessions/${id}`,
  editSession: (id: number) => `/admin/sessions/${id}/edit`,
  cancelSession: (id: number) => `/admin/sessions/${id}/cancel`,
  facilitators: (id: number) => `/admin/sessions/${id}/facilitators`,
  removeFacilitator: (id: number, personId: number) =>
    `/admin/sessions/${id}/facilitators/${personId}/remove`,
  dates: (id: number) => `/admin/sessions/${id}/dates`,
  invitations: (id: number) => `/admin/sessions/${id}/invitations`,
  attendance: (id: number) => `/admin/sessions/${id}/attendance`,
};
