import { z } from 'zod';

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const meetingParams = z.object({ id });
export const reportParams = z.object({ id });
export const appendixParams = z.object({ id, appendixId: id });
export const calendarParams = z.object({ organisationId: id });
