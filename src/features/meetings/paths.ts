/** Where the administrators' meeting pages are. */
export const meetingPaths = {
  list: '/admin/meetings',
  new: '/admin/meetings/new',
  meeting: (id: number) => `/admin/meetings/${id}`,
  edit: (id: number) => `/admin/meetings/${id}/edit`,
  cancel: (id: number) => `/admin/meetings/${id}/cancel`,
  agenda: (id: number) => `/admin/meetings/${id}/agenda`,
  agendaItem: (id: number, itemId: number) => `/admin/meetings/${id}/agenda/${itemId}`,
  publishAgenda: (id: number) => `/admin/meetings/${id}/publish-agenda`,
  attendance: (id: number) => `/admin/meetings/${id}/attendance`,
  declarations: (id: number) => `/admin/meetings/${id}/declarations`,
  resolutions: (id: number, itemId: number) => `/admin/meetings/${id}/items/${itemId}/resolutions`,
  held: (id: number) => `/admin/meetings/${id}/held`,
  publishMinutes: (id: number) => `/admin/meetings/${id}/publish-minutes`,
  minutes: (id: number) => `/admin/meetings/${id}/minutes`,
};
