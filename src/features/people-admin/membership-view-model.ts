import { formatDate } from '../../platform/views.js';
import type { MembershipRow } from './membership-repository.js';
import { MEMBERSHIP_ROLES } from './person-schemas.js';
import { escapeHtml } from '../../platform/html.js';
import { todayInEngland } from '../../db/current.js';

const CLASSIFICATION_LABELS: Record<string, string> = {
  council: 'Council',
  'political-group': 'Political groups',
  committee: 'Committees',
  'sub-committee': 'Sub-committees',
  'outside-body': 'Outside bodies',
};

interface Organisation {
  id: number;
  name: string;
  classification: string;
}

const long = (date: string) => formatDate(new Date(`${date}T00:00:00Z`));

export function membershipFormView(
  organisations: Organisation[],
  seats: { id: number; label: string; ward: string | null; holder: string | null }[],
  values: Record<string, unknown>,
) {
  return {
    values,
    organisationItems: [
      { value: '', text: 'Select a council, group or committee' },
      ...organisations.map((o) => ({
        value: String(o.id),
        text: `${o.name} (${CLASSIFICATION_LABELS[o.classification] ?? o.classification})`,
        selected: String(values.organisationId) === String(o.id),
      })),
    ],
    roleItems: Object.entries(MEMBERSHIP_ROLES).map(([value, text]) => ({
      value,
      text,
      checked: (values.role ?? 'member') === value,
    })),
    seatItems: [
      { value: '', text: 'Not a council seat' },
      ...seats.map((s) => ({
        value: String(s.id),
        text: `${s.ward ?? 'No ward'}: ${s.label}${s.holder ? ` (held by ${s.holder})` : ' (vacant)'}`,
        selected: String(values.postId) === String(s.id),
      })),
    ],
    votingItems: [
      { value: 'yes', text: 'Yes', checked: values.voting !== 'no' },
      {
        value: 'no',
        text: 'No (a co-opted member without a vote)',
        checked: values.voting === 'no',
      },
    ],
  };
}

export function moveGroupView(organisations: Organisation[], values: Record<string, unknown>) {
  return {
    values,
    groupItems: [
      { value: '', text: 'Select a group' },
      ...organisations
        .filter((o) => o.classification === 'political-group')
        .map((o) => ({
          value: String(o.id),
          text: o.name,
          selected: String(values.groupId) === String(o.id),
        })),
    ],
  };
}

/** Memberships as table rows, current first: what, role, from, to, and an action. */
export function membershipRows(personId: number, memberships: MembershipRow[]) {
  return memberships.map((m) => {
    const what = m.seat
      ? `${m.organisationName}: ${m.ward ?? ''} ${m.seat}`.trim()
      : m.organisationName;
    const until = m.endDate
      ? `${long(m.endDate)}${m.endReason ? ` (${m.endReason})` : ''}`
      : m.termEndsOn
        ? `Term ends ${long(m.termEndsOn)}`
        : 'Current';
    const role = `${MEMBERSHIP_ROLES[m.role as keyof typeof MEMBERSHIP_ROLES] ?? m.role}${m.voting ? '' : ', non-voting'}`;
    return [
      { text: what },
      { text: role },
      { text: long(m.startDate) },
      { text: until },
      m.current && (m.endDate === null || m.endDate >= todayInEngland())
        ? {
            html: `<a class="govuk-link" href="/admin/people/${personId}/memberships/${m.id}/end">End<span class="govuk-visually-hidden"> membership of ${escapeHtml(m.organisationName)}</span></a>`,
          }
        : { text: '' },
    ];
  });
}
