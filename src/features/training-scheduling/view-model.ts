import { durationText } from '../member-development/index.js';
import { meetingDay, meetingTime } from '../meetings/index.js';
import { isAgreed } from './dates-service.js';
import type { DateProposalRow, GroupSessionRow } from './repository.js';

/** 'Tuesday 21 March 2027, 6:30pm to 8pm' (England's time). */
export const whenText = (startsAt: Date, endsAt: Date | null): string =>
  `${meetingDay(startsAt).replace(/^(\w+),/, '$1')}, ${meetingTime(startsAt)}${endsAt ? ` to ${meetingTime(endsAt)}` : ''}`;

const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  planned: { text: 'Date not agreed', classes: 'govuk-tag--yellow' },
  confirmed: { text: 'Confirmed', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
  held: { text: 'Held', classes: 'govuk-tag--grey' },
};

export const sessionTag = (status: string) =>
  STATUS_TAGS[status] ?? { text: status, classes: 'govuk-tag--grey' };

/** Where a proposal stands, in words a whip and an officer both read the same way. */
export function proposalTag(p: DateProposalRow): { text: string; classes: string } {
  if (p.status === 'withdrawn') return { text: 'Withdrawn', classes: 'govuk-tag--grey' };
  if (p.status === 'declined') return { text: 'Declined', classes: 'govuk-tag--red' };
  if (p.status === 'accepted') return { text: 'Agreed', classes: 'govuk-tag--green' };
  return p.byWhip
    ? { text: 'Proposed by the whip', classes: 'govuk-tag--turquoise' }
    : { text: "Waiting for the whip's answer", classes: 'govuk-tag--yellow' };
}

export interface ProposalView {
  id: number;
  when: string;
  proposedBy: string;
  byWhip: boolean;
  note: string;
  tag: { text: string; classes: string };
  decided: string | null;
  decisionNote: string;
  agreed: boolean;
  open: boolean;
  live: boolean;
}

export function proposalView(p: DateProposalRow): ProposalView {
  return {
    id: p.id,
    when: whenText(p.startsAt, p.endsAt),
    proposedBy: `${p.proposedBy}${p.byWhip ? ' (whip)' : ''}`,
    byWhip: p.byWhip,
    note: p.note,
    tag: proposalTag(p),
    decided: p.decidedAt && p.decidedBy ? `${p.decidedBy}, ${whenText(p.decidedAt, null)}` : null,
    decisionNote: p.decisionNote,
    agreed: isAgreed(p),
    open: p.status === 'open',
    live: p.status === 'open' || p.status === 'accepted',
  };
}

/** Radios for confirming: every date still proposed, saying whether the whip agreed it. */
export function confirmItems(proposals: ProposalView[], chosen: unknown) {
  return proposals
    .filter((p) => p.live)
    .map((p) => ({
      value: String(p.id),
      text: p.when,
      checked: String(chosen ?? '') === String(p.id),
      hint: {
        text: p.agreed
          ? 'Agreed by the whip'
          : 'Not agreed by the whip: confirming it needs a reason',
      },
    }));
}

/** Radios for turning a date down: the dates still waiting for an answer. */
export function closeItems(proposals: ProposalView[], chosen: unknown) {
  return proposals
    .filter((p) => p.open)
    .map((p) => ({
      value: String(p.id),
      text: p.when,
      checked: String(chosen ?? '') === String(p.id),
      hint: {
        text: p.byWhip ? 'Proposed by the whip: declined' : 'Proposed by an officer: withdrawn',
      },
    }));
}

export function sessionSummary(s: GroupSessionRow) {
  const tag = sessionTag(s.status);
  const when = s.startsAt ? whenText(s.startsAt, s.endsAt) : null;
  const confirmed =
    s.confirmedAt && s.confirmedBy ? `${s.confirmedBy}, ${whenText(s.confirmedAt, null)}` : null;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  const rows = [
    row('Course', s.courseTitle),
    row('Group', s.groupName),
    row('Length', durationText(s.durationMinutes)),
    {
      key: { text: 'Status' },
      value: { html: `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>` },
    },
    row(
      'Date and time',
      when === null
        ? 'Not agreed yet'
        : s.status === 'planned'
          ? `${when} (pencilled in, not agreed with the whip)`
          : when,
    ),
    ...(s.venue ? [row('Venue', s.venue)] : []),
    ...(s.onlineUrl ? [row('Online', s.onlineUrl)] : []),
    ...(confirmed ? [row('Confirmed by', confirmed)] : []),
    ...(s.overrideReason
      ? [row("Confirmed without the whip's agreement because", s.overrideReason)]
      : []),
  ];
  return {
    rows,
    id: s.id,
    title: s.courseTitle,
    group: s.groupName,
    programme: s.programmeTitle,
    status: s.status,
    tag,
    when,
    venue: s.venue,
    onlineUrl: s.onlineUrl,
    duration: durationText(s.durationMinutes),
    confirmed,
    overrideReason: s.overrideReason,
  };
}
