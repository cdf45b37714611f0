import { escapeHtml } from '../../platform/html.js';
import { formatDateTime } from '../../platform/views.js';
import type { InvitationResponse } from '../../db/schema.js';
import type { MyInvitation } from './repository.js';
import { invitationPaths } from './paths.js';
import { sessionWhen } from './when.js';

export const RESPONSE_TEXT: Record<InvitationResponse, string> = {
  attending: 'Attending',
  'not-attending': 'Not attending',
  tentative: 'Tentative (maybe)',
};

const RESPONSE_TAG: Record<InvitationResponse, string> = {
  attending: 'govuk-tag--green',
  'not-attending': 'govuk-tag--red',
  tentative: 'govuk-tag--yellow',
};

export const tag = (text: string, colour: string): string =>
  `<strong class="govuk-tag ${colour}">${escapeHtml(text)}</strong>`;

export const sessionTitle = (s: { courseTitle: string; groupName: string | null }): string =>
  s.groupName ? `${s.courseTitle} (${s.groupName})` : s.courseTitle;

export const whenText = (s: { startsAt: Date | null; endsAt: Date | null }): string =>
  s.startsAt ? sessionWhen(s.startsAt, s.endsAt) : 'Date to be agreed';

/** A reply as a tag followed by its reason, or "No reply yet". */
export function replyHtml(s: {
  response: InvitationResponse | null;
  responseReason: string;
  respondedAt: Date | null;
}): string {
  if (!s.response) return tag('No reply yet', 'govuk-tag--grey');
  const reason = s.responseReason ? ` ${escapeHtml(s.responseReason)}` : '';
  const at = s.respondedAt
    ? ` <span class="govuk-hint">(${formatDateTime(s.respondedAt)})</span>`
    : '';
  return `${tag(RESPONSE_TEXT[s.response], RESPONSE_TAG[s.response])}${reason}${at}`;
}

interface Typed {
  sessionId: number;
  response?: string;
  reason?: string;
  errors: Record<string, { text: string }>;
}

/** /my/training: upcoming invitations each with its reply form, then past or cancelled ones. */
export function myTrainingView(invitations: MyInvitation[], now: Date, typed?: Typed) {
  const canReply = (i: MyInvitation) =>
    i.status === 'confirmed' && i.startsAt !== null && i.startsAt > now;
  const upcoming = invitations.filter((i) => i.startsAt === null || i.startsAt > now);
  const past = invitations.filter((i) => !upcoming.includes(i));
  return {
    upcoming: upcoming.map((i) => {
      const mine = typed?.sessionId === i.sessionId ? typed : undefined;
      const response = mine ? mine.response : (i.response ?? undefined);
      const reason = mine ? (mine.reason ?? '') : i.responseReason;
      const rows = [
        { key: { text: 'When' }, value: { text: whenText(i) } },
        ...(i.venue ? [{ key: { text: 'Where' }, value: { text: i.venue } }] : []),
        ...(i.onlineUrl
          ? [
              {
                key: { text: 'Online' },
                value: {
                  html: `<a class="govuk-link" href="${escapeHtml(i.onlineUrl)}">Join online<span class="govuk-visually-hidden"> (${escapeHtml(sessionTitle(i))})</span></a>`,
                },
              },
            ]
          : []),
        { key: { text: 'Council' }, value: { text: i.authorityName } },
        {
          key: { text: 'Required for you' },
          value: {
            html: i.required
              ? tag('Required', 'govuk-tag--purple')
              : tag('Not required', 'govuk-tag--grey'),
          },
        },
        { key: { text: 'Your reply' }, value: { html: replyHtml(i) } },
      ];
      const id = i.sessionId;
      return {
        sessionId: id,
        title: sessionTitle(i),
        cancelled: i.status === 'cancelled',
        canReply: canReply(i),
        rows,
        action: invitationPaths.reply(id),
        radios: {
          idPrefix: `response-${id}`,
          name: 'response',
          fieldset: {
            legend: { text: 'Will you attend?', classes: 'govuk-fieldset__legend--s' },
          },
          items: (['attending', 'not-attending', 'tentative'] as const).map((value) => ({
            value,
            text: value === 'tentative' ? 'Maybe (tentative)' : RESPONSE_TEXT[value],
            checked: response === value,
          })),
          ...(mine?.errors.response ? { errorMessage: mine.errors.response } : {}),
        },
        reason: {
          id: `reason-${id}`,
          name: 'reason',
          rows: 3,
          maxlength: 1000,
          value: reason,
          label: { text: 'If you cannot attend, say why', classes: 'govuk-label--s' },
          hint: { text: 'For example, another council meeting or leave. Optional otherwise.' },
          ...(mine?.errors.reason ? { errorMessage: mine.errors.reason } : {}),
        },
      };
    }),
    // A summary list rather than a table, so it reads on a phone-sized screen.
    past: past.map((i) => ({
      key: {
        html:
          escapeHtml(sessionTitle(i)) +
          (i.status === 'cancelled' ? ` ${tag('Cancelled', 'govuk-tag--red')}` : ''),
      },
      value: {
        html: [
          escapeHtml(whenText(i)),
          i.required ? 'Required for you' : 'Not required for you',
          `Your reply: ${replyHtml(i)}`,
        ].join('<br>'),
      },
    })),
  };
}
