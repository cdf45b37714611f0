/** Where the evaluation pages are. */
export const paths = {
  questions: (courseId: number) => `/admin/courses/${courseId}/evaluation`,
  newQuestion: (courseId: number) => `/admin/courses/${courseId}/evaluation/new`,
  standardSet: (courseId: number) => `/admin/courses/${courseId}/evaluation/standard`,
  editQuestion: (courseId: number, questionId: number) =>
    `/admin/courses/${courseId}/evaluation/${questionId}/edit`,
  questionAction: (courseId: number, questionId: number, action: string) =>
    `/admin/courses/${courseId}/evaluation/${questionId}/${action}`,
  mine: '/my/evaluations',
  start: (sessionId: number) => `/my/evaluations/${sessionId}`,
  question: (sessionId: number, n: number) => `/my/evaluations/${sessionId}/${n}`,
  check: (sessionId: number) => `/my/evaluations/${sessionId}/check`,
  sessionResults: (sessionId: number) => `/admin/sessions/${sessionId}/evaluations`,
  courseResults: (courseId: number) => `/admin/courses/${courseId}/evaluations`,
  programmeResults: (programmeId: number) => `/admin/programmes/${programmeId}/evaluations`,
  course: (courseId: number) => `/admin/courses/${courseId}`,
  session: (sessionId: number) => `/admin/sessions/${sessionId}`,
  programme: (programmeId: number) => `/admin/programmes/${programmeId}`,
};
