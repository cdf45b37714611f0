/** Where the scenario bank's pages are. */
export const paths = {
  bank: '/admin/scenarios',
  newScenario: '/admin/scenarios/new',
  scenario: (id: number) => `/admin/scenarios/${id}`,
  editScenario: (id: number) => `/admin/scenarios/${id}/edit`,
  reviewScenario: (id: number) => `/admin/scenarios/${id}/review`,
  answers: (id: number) => `/admin/scenarios/${id}/answers`,
  sets: '/admin/scenario-sets',
  newSet: '/admin/scenario-sets/new',
  set: (id: number) => `/admin/scenario-sets/${id}`,
  editSet: (id: number) => `/admin/scenario-sets/${id}/edit`,
  addToSet: (id: number) => `/admin/scenario-sets/${id}/scenarios`,
  removeFromSet: (id: number, scenarioId: number) =>
    `/admin/scenario-sets/${id}/scenarios/${scenarioId}/remove`,
  moveInSet: (id: number, scenarioId: number) =>
    `/admin/scenario-sets/${id}/scenarios/${scenarioId}/move`,
  mySets: '/my/scenarios',
  mySet: (setId: number) => `/my/scenarios/${setId}`,
  myScenario: (setId: number, scenarioId: number) => `/my/scenarios/${setId}/${scenarioId}`,
  myFeedback: (setId: number, scenarioId: number) =>
    `/my/scenarios/${setId}/${scenarioId}/feedback`,
};
