import { codePaths, type CodeVersion } from '../code-of-conduct/index.js';
import type { LinkState } from '../learning/index.js';
import { checkTotal, durationText, minutesText, withRunningTotals } from './agenda.js';
import { paths } from './paths.js';
import type { AgendaItemRow, ExampleRow, PlanRow, SourceRow } from './repository.js';

/** Rows and facts -> what the templates show (GOV.UK macro params where a macro draws them). */

export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export interface PlanListRow {
  id: number;
  title: string;
  duration_minutes: number;
  agenda_minutes: number | string | null;
  agenda_items: number | string | null;
  courses: number | string | null;
}

export function planListView(rows: PlanListRow[], needingReview: Set<number>) {
  return rows.map((row) => {
    const total = Number(row.agenda_minutes);
    const check = checkTotal(total === 0 ? [] : [{ minutes: total }], row.duration_minutes);
    const flags: { text: string; classes: string }[] = [];
    if (check.state !== 'equal')
      flags.push({
        text: `Agenda ${total} of ${row.duration_minutes} minutes`,
        classes: 'govuk-tag--yellow',
      });
    if (needingReview.has(row.id))
      flags.push({ text: 'Code changed: review', classes: 'govuk-tag--red' });
    return {
      title: row.title,
      href: paths.plan(row.id),
      length: durationText(row.duration_minutes),
      agenda: `${Number(row.agenda_items)} items, ${minutesText(total)}`,
      courses: Number(row.courses),
      flags,
    };
  });
}

export const planFormValues = (plan: PlanRow) => ({
  title: plan.title,
  purposes: plan.purposes,
  durationMinutes: String(plan.duration_minutes),
});

export function agendaView(planId: number, items: AgendaItemRow[], duration: number) {
  const rows = withRunningTotals(items).map((item, k) => ({
    id: item.id,
    title: item.title,
    minutes: minutesText(item.minutes),
    from: item.startsAfter,
    to: item.endsAfter,
    notes: linesOf(item.facilitator_notes),
    materials: item.materials,
    first: k === 0,
    last: k === items.length - 1,
    editHref: paths.editItem(planId, item.id),
    removeAction: paths.removeItem(planId, item.id),
    moveAction: paths.moveItem(planId, item.id),
  }));
  return { rows, check: checkTotal(items, duration) };
}

export function examplesView(planId: number, examples: ExampleRow[]) {
  const view = (e: ExampleRow) => ({
    id: e.id,
    text: e.text,
    editHref: paths.editExample(planId, e.id),
    removeAction: paths.removeExample(planId, e.id),
  });
  return {
    acceptable: examples.filter((e) => e.kind === 'acceptable').map(view),
    unacceptable: examples.filter((e) => e.kind === 'unacceptable').map(view),
  };
}

export function sourcesView(planId: number, sources: SourceRow[]) {
  return sources.map((s) => ({
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    editHref: paths.editSource(planId, s.id),
    removeAction: paths.removeSource(planId, s.id),
  }));
}

const STATE_TAGS: Record<LinkState['state'], { text: string; classes: string }> = {
  current: { text: 'Up to date', classes: 'govuk-tag--green' },
  changed: { text: 'Words changed', classes: 'govuk-tag--yellow' },
  removed: { text: 'No longer in the code', classes: 'govuk-tag--red' },
};

/** Each linked paragraph with where it stands in the code in force, in the code's order. */
export function linksView(states: LinkState[], inForce: CodeVersion | null) {
  const order = (s: LinkState) =>
    (s.current?.number ?? s.linkedNumber)
      .split(/[.()]/)
      .filter((p) => p !== '')
      .map((p) => (/^\d+$/.test(p) ? p.padStart(4, '0') : p))
      .join('.');
  const rows = [...states]
    .sort((a, b) => order(a).localeCompare(order(b)))
    .map((s) => {
      const number = s.current?.number ?? s.linkedNumber;
      const renumbered = s.current !== null && s.current.number !== s.linkedNumber;
      return {
        number,
        note: renumbered ? `was ${s.linkedNumber} when linked` : '',
        text: s.current?.text ?? '',
        href:
          s.current && inForce
            ? codePaths.paragraph(inForce.authoritySlug, inForce.number, s.current.anchor)
            : null,
        tag: STATE_TAGS[s.state],
      };
    });
  return { rows, needsReview: states.some((s) => s.state !== 'current') };
}
