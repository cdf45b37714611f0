import type { SignedInUser } from '../../platform/session.js';
import type { AdminCounts, GroupMember, IndependentPersonCover } from './repository.js';
import { formatDate } from '../../platform/views.js';

interface Section {
  id: string;
  heading: string;
  /** what appears here, or what will once that part of Probity is in use */
  emptyText?: string;
  links?: { href: string; text: string }[];
  summaryRows?: { key: { text: string }; value: { text: string } }[];
  tables?: { caption: string; head: { text: string }[]; rows: { text: string }[][] }[];
}

const ROLE_LABEL: Record<string, string> = { member: 'Member', leader: 'Leader', whip: 'Whip' };

/** Turn what the dashboard queries found into sections, one for each role the person holds. */
export function buildDashboard(
  user: SignedInUser,
  counts: AdminCounts | null,
  groupMembers: GroupMember[],
): { name: string; sections: Section[] } {
  const sections: Section[] = [];
  const roles = user.roles;

  if (roles.has('monitoring-officer') || roles.has('democratic-services')) {
    sections.push({
      id: 'administration',
      heading: 'Administration',
      summaryRows: counts
        ? [
            {
              key: { text: 'People with an account' },
              value: { text: String(counts.peopleWithAccounts) },
            },
            {
              key: { text: 'Invitations not yet used' },
              value: { text: String(counts.invitationsOutstanding) },
            },
            {
              key: { text: 'Emails waiting in the outbox' },
              value: { text: String(counts.emailsWaiting) },
            },
            {
              key: { text: 'Changes recorded today' },
              value: { text: String(counts.auditEventsToday) },
            },
          ]
        : [],
      links: [
        { href: '/admin/people', text: 'Find people, manage their memberships and access' },
        { href: '/admin/organisations', text: 'Councils, groups, committees and wards' },
        { href: '/admin/import/members', text: 'Import or export councillors (CSV)' },
        { href: '/admin/outbox', text: 'Read the outbox' },
        ...(roles.has('monitoring-officer')
          ? [{ href: '/audit', text: 'Browse the audit trail' }]
          : []),
      ],
      emptyText:
        'Overdue code of conduct sign-offs, reports waiting for clearance and training that members have missed will be listed here.',
    });
  }
  if (roles.has('group-whip')) {
    const byGroup = new Map<string, GroupMember[]>();
    for (const m of groupMembers)
      byGroup.set(m.groupName, [...(byGroup.get(m.groupName) ?? []), m]);
    sections.push({
      id: 'group',
      heading: 'Your political group',
      tables: [...byGroup.entries()].map(([groupName, members]) => ({
        caption: `${groupName}: ${members.length} member${members.length === 1 ? '' : 's'}`,
        head: [{ text: 'Name' }, { text: 'Role in the group' }],
        rows: members.map((m) => [{ text: m.name }, { text: ROLE_LABEL[m.role] ?? m.role }]),
      })),
      emptyText:
        "Dates proposed for your group's code of conduct session, and each member's training and sign-off progress, will appear here.",
    });
  }
  if (roles.has('member')) {
    sections.push({
      id: 'member',
      heading: 'Your code of conduct and training',
      emptyText:
        'Nothing to do yet. When the council adopts a code of conduct you will be asked to sign it here, and the training sessions you are invited to will be listed with their dates.',
    });
  }
  if (roles.has('facilitator')) {
    sections.push({
      id: 'facilitator',
      heading: 'Sessions you facilitate',
      emptyText:
        'No sessions yet. Sessions you are booked to run will appear here, with their attendance lists and evaluations.',
    });
  }
  if (roles.has('officer')) {
    sections.push({
      id: 'officer',
      heading: 'Report clearances',
      emptyText:
        'Nobody has asked you to clear a report. When an author asks you to clear the financial, legal or other implications of a committee report, it will appear here.',
    });
  }
  if (roles.has('independent-person')) {
    sections.push({
      id: 'independent-person',
      heading: 'Consultations',
      emptyText:
        'You have not been consulted on any complaint. Complaints the Monitoring Officer asks your view on will appear here.',
    });
  }
  return { name: user.name, sections };
}

/** Warnings for administrators about Independent Person cover, in plain words. */
export function independentPersonWarnings(cover: IndependentPersonCover[]): string[] {
  const warnings: string[] = [];
  for (const c of cover) {
    if (c.inPost < 2) {
      warnings.push(
        c.inPost === 0
          ? `${c.authorityName} has no Independent Person in post. The law requires at least one, and best practice is two.`
          : `${c.authorityName} has only one Independent Person in post. Best practice is at least two.`,
      );
    }
    for (const e of c.endingSoon) {
      warnings.push(
        `${e.name}'s appointment as Independent Person for ${c.authorityName} ends on ${formatDate(new Date(`${e.endDate}T00:00:00Z`))}.`,
      );
    }
  }
  return warnings;
}
