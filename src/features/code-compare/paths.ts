/** The addresses this feature answers and links to (the URL plan of the code of conduct). */
export const paths = {
  codeIndex: () => '/code',
  code: (slug: string) => `/code/${slug}`,
  publicVersion: (slug: string, number: number) => `/code/${slug}/${number}`,
  publicCompare: (slug: string, compare?: { from: number; to: number; all?: boolean }) =>
    compare
      ? `/code/${slug}/compare?from=${compare.from}&to=${compare.to}${compare.all ? '&all=1' : ''}`
      : `/code/${slug}/compare`,
  adminCodeIndex: () => '/admin/code',
  adminCode: (slug: string) => `/admin/code/${slug}`,
  adminVersion: (id: number) => `/admin/code/versions/${id}`,
  adminCompare: (id: number, compare?: { with: number; all?: boolean }) =>
    compare
      ? `/admin/code/versions/${id}/compare?with=${compare.with}${compare.all ? '&all=1' : ''}`
      : `/admin/code/versions/${id}/compare`,
};
