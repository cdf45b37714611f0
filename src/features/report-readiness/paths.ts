/** Where each part of a report is put right (the report pages' URL plan). */
export const fixPaths = {
  readiness: (reportId: number) => `/admin/reports/${reportId}/readiness`,
  report: (reportId: number) => `/admin/reports/${reportId}`,
  field: (reportId: number, field: string) => `/admin/reports/${reportId}/edit#${field}`,
  recommendations: (reportId: number) => `/admin/reports/${reportId}#recommendations`,
  item: (reportId: number, number: string) => `/admin/reports/${reportId}#${itemAnchor(number)}`,
  body: (reportId: number) => `/admin/reports/${reportId}#body`,
  implication: (reportId: number, key: string) => `/admin/reports/${reportId}/implications#${key}`,
  clearance: (reportId: number, key: string) => `/admin/reports/${reportId}/checklist#${key}`,
};

/** `1.0` is `section-1`, `3.2` is `para-3-2`, `3.2.1` is `para-3-2-1`. */
export function itemAnchor(number: string): string {
  const parts = number.split('.');
  if (parts.length === 2 && parts[1] === '0') return `section-${parts[0]}`;
  return `para-${parts.join('-')}`;
}
