import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const sessionParams = z.object({ sessionId: id });
export const feedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

export const RESPONSES = ['attending', 'not-attending', 'tentative'] as const;

/** A reply to an invitation: a reason is needed for "not attending". */
export const replyForm = z
  .object({
    response: z.enum(RESPONSES, { error: 'Select whether you will attend' }),
    reason: z.preprocess(
      trimmed,
      z.string().max(1000, 'Keep the reason to 1,000 characters or fewer').optional(),
    ),
  })
  .superRefine((form, ctx) => {
    if (form.response === 'not-attending' && !form.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say why you cannot attend',
      });
    }
  });
export type ReplyForm = z.infer<typeof replyForm>;

/** The reply to show on an administrator's list; anything else shows everyone. */
export const REPLY_FILTERS = ['attending', 'tentative', 'not-attending', 'none'] as const;
export type ReplyFilter = (typeof REPLY_FILTERS)[number];
export const invitationsQuery = z
  .object({ reply: z.enum(REPLY_FILTERS).optional() })
  .catch({ reply: undefined });
