import type { CommitteeSeat, ComplianceRow, ComplianceStatus, Rule } from './repository.js';
import { formatDate } from '../../platform/views.js';
import { csvFile } from '../../platform/csv.js';
import { escapeHtml } from '../../platform/html.js';

export const STATUS_LABELS: Record<ComplianceStatus, { text: string; classes: string }> = {
  complete: { text: 'Done', classes: 'govuk-tag--green' },
  booked: { text: 'Booked', classes: 'govuk-tag--blue' },
  due: { text: 'Due', classes: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
};

const STATUSES: ComplianceStatus[] = ['complete', 'booked', 'due', 'overdue'];

export interface Tally {
  complete: number;
  booked: number;
  due: number;
  overdue: number;
  total: number;
  /** whole per cent complete */
  percent: number;
}

export function tally(rows: readonly ComplianceRow[]): Tally {
  const t = { complete: 0, booked: 0, due: 0, overdue: 0, total: rows.length, percent: 0 };
  for (const row of rows) t[row.status] += 1;
  t.percent = t.total === 0 ? 0 : Math.round((100 * t.complete) / t.total);
  return t;
}

const day = (iso: string | null) => (iso ? formatDate(new Date(`${iso}T12:00:00Z`)) : '');

/** What a row says in words: done on, booked for, due by, overdue since. */
export function statusDetail(row: ComplianceRow): string {
  switch (row.status) {
    case 'complete':
      return `Done ${day(row.completedOn)}`;
    case 'booked':
      return `Booked for ${day(row.bookedOn)}`;
    case 'due':
      return `Due by ${day(row.dueOn)}`;
    case 'overdue':
      return row.dueOn ? `Overdue since ${day(row.dueOn)}` : 'Sitting without this training';
  }
}

export interface GroupTally {
  groupId: number | null;
  name: string;
  tally: Tally;
}

/** One rule's figures for each group, largest group first; members in no group last. */
export function byGroup(rows: readonly ComplianceRow[], rule: Rule): GroupTally[] {
  const groups = new Map<number | null, { name: string; rows: ComplianceRow[] }>();
  for (const row of rows) {
    if (row.ruleId !== rule.id) continue;
    const entry = groups.get(row.groupId) ?? { name: row.groupName ?? 'No group', rows: [] };
    entry.rows.push(row);
    groups.set(row.groupId, entry);
  }
  return [...groups.entries()]
    .map(([groupId, g]) => ({ groupId, name: g.name, tally: tally(g.rows) }))
    .sort(
      (a, b) =>
        (a.groupId === null ? 1 : 0) - (b.groupId === null ? 1 : 0) ||
        b.tally.total - a.tally.total ||
        a.name.localeCompare(b.name),
    );
}

/**
 * One rule's figures for the members of each committee (a member on two committees counts in
 * both), in the committees' order; committees none of whose members the rule applies to are
 * left out.
 */
export function byCommittee(
  rows: readonly ComplianceRow[],
  rule: Rule,
  seats: readonly CommitteeSeat[],
): GroupTally[] {
  const forRule = new Map<number, ComplianceRow>();
  for (const row of rows) if (row.ruleId === rule.id) forRule.set(row.personId, row);
  const committees = new Map<number, { name: string; rows: ComplianceRow[] }>();
  for (const seat of seats) {
    const row = forRule.get(seat.personId);
    const entry = committees.get(seat.committeeId) ?? { name: seat.committeeName, rows: [] };
    if (row) entry.rows.push(row);
    committees.set(seat.committeeId, entry);
  }
  return [...committees.entries()]
    .filter(([, c]) => c.rows.length > 0)
    .map(([groupId, c]) => ({ groupId, name: c.name, tally: tally(c.rows) }));
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A horizontal bar chart of the share of each group that has done the training, as SVG made on
 * the server (no script). It is an image with a title and a description; the table beside it
 * gives the same numbers for anyone who cannot see it.
 */
export function completionChart(groups: readonly GroupTally[], rule: Rule, id: string): string {
  const barHeight = 28;
  const gap = 12;
  const labelWidth = 220;
  const chartWidth = 400;
  const height = groups.length * (barHeight + gap) + 30;
  const width = labelWidth + chartWidth + 60;
  const bars = groups
    .map((g, i) => {
      const y = i * (barHeight + gap);
      const length = Math.round((chartWidth * g.tally.percent) / 100);
      return [
        `<text x="${labelWidth - 8}" y="${y + barHeight / 2 + 5}" text-anchor="end" class="probity-chart__label">${escapeXml(g.name)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${chartWidth}" height="${barHeight}" class="probity-chart__track"></rect>`,
        `<rect x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}" class="probity-chart__bar"></rect>`,
        `<text x="${labelWidth + length + 6}" y="${y + barHeight / 2 + 5}" class="probity-chart__value">${g.tally.percent}%</text>`,
      ].join('');
    })
    .join('');
  const axisY = groups.length * (barHeight + gap) + 16;
  const axis = [0, 50, 100]
    .map((p) => {
      const x = labelWidth + (chartWidth * p) / 100;
      return `<text x="${x}" y="${axisY}" text-anchor="middle" class="probity-chart__axis">${p}%</text>`;
    })
    .join('');
  const description = groups
    .map((g) => `${g.name}: ${g.tally.percent}% (${g.tally.complete} of ${g.tally.total})`)
    .join('; ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="probity-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(`Share of each group who have done: ${rule.name}`)}</title>` +
    `<desc id="${id}-desc">${escapeXml(description)}</desc>` +
    bars +
    axis +
    `</svg>`
  );
}

export function summaryRows(rows: readonly ComplianceRow[], rules: readonly Rule[]) {
  return rules.map((rule) => {
    const t = tally(rows.filter((r) => r.ruleId === rule.id));
    return [
      { text: rule.name },
      ...STATUSES.map((s) => ({ text: String(t[s]), format: 'numeric' })),
      { text: `${t.percent}%`, format: 'numeric' },
    ];
  });
}

export function groupRows(groups: readonly GroupTally[]) {
  return groups.map((g) => [
    { text: g.name },
    ...STATUSES.map((s) => ({ text: String(g.tally[s]), format: 'numeric' })),
    { text: `${g.tally.percent}%`, format: 'numeric' },
  ]);
}

/** The members who are not done, rule by rule, overdue first. */
export function memberRows(rows: readonly ComplianceRow[], rules: readonly Rule[]) {
  const ruleName = new Map(rules.map((r) => [r.id, r.name]));
  const order: Record<ComplianceStatus, number> = { overdue: 0, due: 1, booked: 2, complete: 3 };
  return rows
    .filter((r) => r.status !== 'complete')
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name))
    .map((r) => [
      { text: r.name },
      { text: r.groupName ?? 'No group' },
      { text: ruleName.get(r.ruleId) ?? '' },
      {
        html: `<strong class="govuk-tag ${STATUS_LABELS[r.status].classes}">${STATUS_LABELS[r.status].text}</strong>`,
      },
      { text: statusDetail(r) },
    ]);
}

/** Every member against every rule, with the committees they sit on, for a spreadsheet. */
export function complianceCsv(
  rows: readonly ComplianceRow[],
  rules: readonly Rule[],
  seats: readonly CommitteeSeat[],
): string {
  const ruleName = new Map(rules.map((r) => [r.id, r.name]));
  const committees = new Map<number, string[]>();
  for (const seat of seats)
    committees.set(seat.personId, [...(committees.get(seat.personId) ?? []), seat.committeeName]);
  return csvFile(
    ['Member', 'Group', 'Committees', 'Rule', 'Status', 'Due by', 'Done on', 'Booked for'],
    rows.map((r) => [
      r.name,
      r.groupName ?? '',
      (committees.get(r.personId) ?? []).join('; '),
      ruleName.get(r.ruleId) ?? '',
      STATUS_LABELS[r.status].text,
      r.dueOn ?? '',
      r.completedOn ?? '',
      r.bookedOn ?? '',
    ]),
  );
}

/** One person against each rule that applies to them: for their training record. */
export function personComplianceRows(rows: readonly ComplianceRow[], rules: readonly Rule[]) {
  const ruleName = new Map(rules.map((r) => [r.id, r.name]));
  return rows.map((r) => ({
    key: { text: ruleName.get(r.ruleId) ?? '' },
    value: {
      html: `<strong class="govuk-tag ${STATUS_LABELS[r.status].classes}">${STATUS_LABELS[r.status].text}</strong> ${escapeHtml(statusDetail(r))}`,
    },
  }));
}
