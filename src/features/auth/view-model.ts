import type { MembershipRecord } from '../directory/index.js';
import { formatDate } from '../../platform/views.js';

const ROLE_WORDS: Record<string, string> = {
  member: 'Member',
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  substitute: 'Substitute',
  leader: 'Leader',
  whip: 'Whip',
};

const long = (date: string) => formatDate(new Date(`${date}T00:00:00Z`));

/**
 * A member's own roles, in the three senses the council uses: member of the council,
 * representative of a ward, member of a political group; then their committees.
 */
export function councilRolesView(memberships: MembershipRecord[]) {
  const seat = memberships.find((m) => m.organisation.classification === 'council');
  const group = memberships.find((m) => m.organisation.classification === 'political-group');
  const rows: { key: { text: string }; value: { text: string } }[] = [];
  if (seat) {
    rows.push({
      key: { text: 'Member of' },
      value: { text: `${seat.organisation.name}, since ${long(seat.startDate)}` },
    });
    if (seat.ward) {
      rows.push({
        key: { text: 'Representing' },
        value: {
          text: `${seat.ward} ward${seat.termEndsOn ? `, until ${long(seat.termEndsOn)}` : ''}`,
        },
      });
    }
  }
  if (group) {
    const role =
      group.role === 'member' ? '' : ` (${ROLE_WORDS[group.role]?.toLowerCase() ?? group.role})`;
    rows.push({
      key: { text: 'Political group' },
      value: { text: `${group.organisation.name}${role}` },
    });
  }
  const committees = memberships
    .filter((m) => !['council', 'political-group'].includes(m.organisation.classification))
    .map((m) => [
      { text: m.organisation.name },
      { text: `${ROLE_WORDS[m.role] ?? m.role}${m.voting ? '' : ' (non-voting)'}` },
      { text: long(m.startDate) },
    ]);
  return {
    councilRows: rows,
    committeeRows: committees,
    hasCouncilRoles: rows.length + committees.length > 0,
  };
}
