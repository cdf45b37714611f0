/** The addresses of clearances, for administrators and for the officers asked. */
export const paths = {
  checklist: (reportId: number) => `/admin/reports/${reportId}/checklist`,
  request: (reportId: number) => `/admin/reports/${reportId}/clearances/new`,
  changes: (reportId: number, clearanceId: number) =>
    `/admin/reports/${reportId}/clearances/${clearanceId}/changes`,
  list: () => '/clearances',
  clearance: (id: number) => `/clearances/${id}`,
  clear: (id: number) => `/clearances/${id}/clear`,
  return: (id: number) => `/clearances/${id}/return`,
};
