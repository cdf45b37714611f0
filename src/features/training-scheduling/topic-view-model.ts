import type { TopicProposalRow } from './topics-repository.js';

const TAGS = {
  open: { text: 'Waiting for a reply', classes: 'govuk-tag--yellow' },
  accepted: { text: 'Accepted', classes: 'govuk-tag--green' },
  merged: { text: 'Merged into a course', classes: 'govuk-tag--blue' },
  declined: { text: 'Declined', classes: 'govuk-tag--red' },
} as const;

const shortDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A topic proposal as the group and the officers both see it. */
export function topicView(t: TopicProposalRow) {
  const tag = TAGS[t.status];
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return {
    id: t.id,
    topic: t.topic,
    group: t.groupName,
    programme: t.programmeTitle,
    open: t.status === 'open',
    tag,
    rows: [
      row('Group', t.groupName),
      row('Proposed by', `${t.proposedBy}, ${shortDate.format(t.createdAt)}`),
      row('Why', t.reason),
      {
        key: { text: 'Status' },
        value: { html: `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>` },
      },
      ...(t.courseTitle ? [row('Course', t.courseTitle)] : []),
      ...(t.status !== 'open'
        ? [
            row('Reply', t.reply),
            row(
              'Answered by',
              `${t.decidedBy ?? ''}, ${t.decidedAt ? shortDate.format(t.decidedAt) : ''}`,
            ),
          ]
        : []),
    ],
  };
}
