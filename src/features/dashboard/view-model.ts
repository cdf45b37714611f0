import { trainingParts, type TrainingFigures } from './training.js';
import type { SignedInUser } from '../../platform/session.js';
import type { AdminCounts, GroupMember, IndependentPersonCover } from './repository.js';
import type { AuthoritySignOffCount, GroupSignOffCount } from '../code-sign-off/index.js';
import { escapeHtml } from '../../platform/html.js';
import { formatDate } from '../../platform/views.js';
import type { ClearanceCounts } from '../clearances/index.js';
import {
  councilSignOffTable,
  groupSignOffLines,
  ownCodeLines,
  type OwnCode,
} from './code-view-model.js';

type Cell = { text: string; format?: string } | { html: string; format?: string };

interface Section {
  id: string;
  heading: string;
  /** what there is to say now, one paragraph each */
  lines?: string[];
  /** what appears here, or what will once that part of Probity is in use */
  emptyText?: string;
  links?: { href: string; text: string }[];
  summaryRows?: { key: { text: string }; value: { text: string } }[];
  tables?: {
    caption: string;
    head: Cell[];
    rows: Cell[][];
    /** said after the table */
    note?: string | undefined;
  }[];
}

/** The code of conduct: the person's own sign-offs, a whip's group's, every council's. */
export interface SignOffFigures {
  ownCodes: OwnCode[];
  groupSignOffs: GroupSignOffCount[];
  councilSignOffs: AuthoritySignOffCount[];
}

/** Report clearances: what the person is asked to clear, and administrators' counts. */
export interface ClearanceFigures {
  pending: { reportTitle: string; implicationLabel: string; requestedAt: Date; href: string }[];
  counts: ClearanceCounts | null;
}

const ROLE_LABEL: Record<string, string> = { member: 'Member', leader: 'Leader', whip: 'Whip' };

/** Turn what the dashboard queries found into sections, one for each role the person holds. */
export function buildDashboard(
  user: SignedInUser,
  counts: AdminCounts | null,
  groupMembers: GroupMember[],
  signOffs: SignOffFigures,
  clearances: ClearanceFigures = { pending: [], counts: null },
  training: TrainingFigures = {
    awaitingReply: 0,
    datesToAnswer: 0,
    facilitating: 0,
    overdueMembers: null,
    learning: null,
    evaluationsWaiting: 0,
    setsUnfinished: 0,
  },
): { name: string; sections: Section[] } {
  const sections: Section[] = [];
  const roles = user.roles;

  if (roles.has('monitoring-officer') || roles.has('democratic-services')) {
    const signOffTable = councilSignOffTable(signOffs.councilSignOffs);
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
            ...(clearances.counts
              ? [
                  {
                    key: { text: 'Report clearances waiting for an officer' },
                    value: { text: String(clearances.counts.pending) },
                  },
                  {
                    key: { text: 'Report clearances returned with a comment' },
                    value: { text: String(clearances.counts.returned) },
                  },
                  {
                    key: { text: 'Report clearances to give again (report changed)' },
                    value: { text: String(clearances.counts.stale) },
                  },
                ]
              : []),
          ]
        : [],
      tables: signOffTable ? [signOffTable] : [],
      ...(signOffTable
        ? {}
        : {
            lines: ['No council has a code of conduct in force yet, so there is nothing to sign.'],
          }),
      links: [
        { href: '/admin/people', text: 'Find people, manage their memberships and access' },
        { href: '/admin/organisations', text: 'Councils, groups, committees and wards' },
        { href: '/admin/import/members', text: 'Import or export councillors (CSV)' },
        { href: '/admin/code', text: 'Code of conduct: drafts, adoption and reviews' },
        { href: '/sign-offs', text: 'Code of conduct sign-offs' },
        { href: '/admin/outbox', text: 'Read the outbox' },
        ...(roles.has('monitoring-officer')
          ? [{ href: '/audit', text: 'Browse the audit trail' }]
          : []),
      ],
    });
    sections.push({
      id: 'training',
      heading: 'Member development',
      ...trainingParts.admin(training),
    });
  }
  if (roles.has('group-whip')) {
    const byGroup = new Map<string, GroupMember[]>();
    for (const m of groupMembers)
      byGroup.set(m.groupName, [...(byGroup.get(m.groupName) ?? []), m]);
    const chase = groupSignOffLines(signOffs.groupSignOffs);
    sections.push({
      id: 'group',
      heading: 'Your political group',
      lines:
        chase.lines.length > 0
          ? chase.lines
          : [
              'Your council has no code of conduct in force, so there are no sign-offs to follow up.',
            ],
      links: chase.links,
      tables: [...byGroup.entries()].map(([groupName, members]) => ({
        caption: `${groupName}: ${members.length} member${members.length === 1 ? '' : 's'}`,
        head: [{ text: 'Name' }, { text: 'Role in the group' }],
        rows: members.map((m) => [{ text: m.name }, { text: ROLE_LABEL[m.role] ?? m.role }]),
      })),
    });
    sections.push({
      id: 'group-training',
      heading: 'Your group’s training',
      ...trainingParts.whip(training),
    });
  }
  // Whoever must sign a code (a voting co-opted member may not hold the councillor role).
  if (roles.has('member') || signOffs.ownCodes.length > 0) {
    sections.push({
      id: 'member',
      heading: 'Your code of conduct and training',
      lines: [
        ...(signOffs.ownCodes.length > 0
          ? ownCodeLines(signOffs.ownCodes)
          : ['No code of conduct is in force for you to sign.']),
        ...trainingParts.member(training).lines,
      ],
      links: [
        ...(signOffs.ownCodes.length > 0
          ? [{ href: '/my/code', text: 'Your code of conduct' }]
          : []),
        ...trainingParts.member(training).links,
      ],
    });
  }
  if (!(roles.has('member') || signOffs.ownCodes.length > 0) && training.evaluationsWaiting > 0) {
    sections.push({
      id: 'evaluations',
      heading: 'Your training',
      ...trainingParts.evaluations(training),
    });
  }
  if (roles.has('facilitator')) {
    sections.push({
      id: 'facilitator',
      heading: 'Sessions you facilitate',
      ...trainingParts.facilitator(training),
    });
  }
  if (roles.has('officer')) {
    const waiting = clearances.pending;
    sections.push({
      id: 'officer',
      heading: 'Report clearances',
      ...(waiting.length > 0
        ? {
            tables: [
              {
                caption: `${waiting.length} ${waiting.length === 1 ? 'request is' : 'requests are'} waiting for you`,
                head: [{ text: 'Report' }, { text: 'Implication' }, { text: 'Requested on' }],
                rows: waiting.map((w) => [
                  {
                    html: `<a class="govuk-link" href="${w.href}">${escapeHtml(w.reportTitle)}</a>`,
                  },
                  { text: w.implicationLabel },
                  { text: formatDate(w.requestedAt) },
                ]),
              },
            ],
          }
        : {
            emptyText:
              'Nobody is waiting for you to clear a report. When you are asked to clear the financial, legal or other implications of a committee report, it will appear here.',
          }),
      links: [{ href: '/clearances', text: 'All your report clearances' }],
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
export function independentPersonWarnings(cover: IndependentPersonCover[]): { text: string }[] {
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
  return warnings.map((text) => ({ text }));
}
