/** Where the workshop plan pages are, and the pages they link to. */
export const paths = {
  list: '/admin/workshops',
  newPlan: '/admin/workshops/new',
  plan: (id: number) => `/admin/workshops/${id}`,
  editPlan: (id: number) => `/admin/workshops/${id}/edit`,
  newItem: (id: number) => `/admin/workshops/${id}/agenda/new`,
  editItem: (id: number, itemId: number) => `/admin/workshops/${id}/agenda/${itemId}/edit`,
  removeItem: (id: number, itemId: number) => `/admin/workshops/${id}/agenda/${itemId}/remove`,
  moveItem: (id: number, itemId: number) => `/admin/workshops/${id}/agenda/${itemId}/move`,
  newExample: (id: number) => `/admin/workshops/${id}/examples/new`,
  editExample: (id: number, exampleId: number) =>
    `/admin/workshops/${id}/examples/${exampleId}/edit`,
  removeExample: (id: number, exampleId: number) =>
    `/admin/workshops/${id}/examples/${exampleId}/remove`,
  newSource: (id: number) => `/admin/workshops/${id}/sources/new`,
  editSource: (id: number, sourceId: number) => `/admin/workshops/${id}/sources/${sourceId}/edit`,
  removeSource: (id: number, sourceId: number) =>
    `/admin/workshops/${id}/sources/${sourceId}/remove`,
  paragraphs: (id: number) => `/admin/workshops/${id}/paragraphs`,
  reviewed: (id: number) => `/admin/workshops/${id}/paragraphs/reviewed`,
  coursePlan: (courseId: number) => `/admin/courses/${courseId}/workshop`,
  course: (courseId: number) => `/admin/courses/${courseId}`,
  runSheet: (sessionId: number) => `/facilitating/sessions/${sessionId}/run-sheet`,
  session: (sessionId: number) => `/admin/sessions/${sessionId}`,
  facilitating: '/facilitating',
};
