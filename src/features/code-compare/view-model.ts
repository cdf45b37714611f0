import type { CodeItem, CodeVersion } from '../code-of-conduct/index.js';
import { escapeHtml } from '../../platform/html.js';
import type { Comparison, ComparisonRow } from './compare.js';
import { changeHtml, wordChangesHtml } from './diff-html.js';
import { versionName, versionStanding } from './labels.js';

/** Where the page's links go: the public pages or the administrators' ones. */
export interface ComparisonLinks {
  breadcrumbs: { text: string; href: string }[];
  caption: string;
  versionHref: (version: CodeVersion) => string;
  /** this comparison with unchanged items shown, or hidden */
  showAllHref: string;
  hideUnchangedHref: string;
  /** the form to pick two other versions */
  chooseHref: string;
}

export interface VersionComparison {
  from: CodeVersion;
  to: CodeVersion;
  comparison: Comparison<CodeItem>;
}

const KIND_LABELS = { section: 'Section', appendix: 'Appendix', paragraph: 'Paragraph' } as const;

const TAGS = {
  added: ['Added', 'green'],
  removed: ['Removed', 'red'],
  textChanged: ['Wording changed', 'yellow'],
  moved: ['Moved', 'purple'],
  markingChanged: ['Marking changed', 'orange'],
  renumbered: ['Renumbered', 'grey'],
  unchanged: ['Unchanged', 'grey'],
} as const;

const tag = (key: keyof typeof TAGS) =>
  `<strong class="govuk-tag govuk-tag--${TAGS[key][1]}">${TAGS[key][0]}</strong>`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function numberLink(item: CodeItem, version: CodeVersion, links: ComparisonLinks): string {
  return (
    `<a class="govuk-link" href="${escapeHtml(`${links.versionHref(version)}#${item.anchor}`)}">` +
    `${escapeHtml(item.number)}<span class="govuk-visually-hidden"> in version ${version.number}</span></a>`
  );
}

/** "Paragraph 2.3 → 2.4": the arrow is read as "becomes". */
function titleHtml(row: ComparisonRow<CodeItem>, v: VersionComparison, links: ComparisonLinks) {
  const item = (row.after ?? row.before)!;
  const kind = KIND_LABELS[item.kind];
  if (row.before && row.after && row.renumbered) {
    return (
      `${kind} ${numberLink(row.before, v.from, links)} ` +
      `<span aria-hidden="true">→</span><span class="govuk-visually-hidden"> becomes </span> ` +
      numberLink(row.after, v.to, links)
    );
  }
  return row.after
    ? `${kind} ${numberLink(row.after, v.to, links)}`
    : `${kind} ${numberLink(row.before!, v.from, links)}`;
}

function tagsHtml(row: ComparisonRow<CodeItem>): string {
  if (row.status === 'added' || row.status === 'removed') return tag(row.status);
  const keys = (['textChanged', 'moved', 'markingChanged', 'renumbered'] as const).filter(
    (key) => row[key],
  );
  return (keys.length ? keys.map(tag) : [tag('unchanged')]).join(' ');
}

function notes(row: ComparisonRow<CodeItem>): string[] {
  const list: string[] = [];
  const { before, after } = row;
  if (row.moved && before && after) {
    list.push(
      row.renumbered
        ? `Moved from ${before.number}`
        : `Moved to another place in the code, still numbered ${after.number}`,
    );
  }
  if (row.markingChanged && after) {
    list.push(
      after.origin === 'local'
        ? 'Now a local addition (it was model code text)'
        : 'Now model code text (it was a local addition)',
    );
  } else if ((after ?? before)?.origin === 'local') {
    list.push('Local addition');
  }
  return list;
}

/** The item's text: word by word where it changed, otherwise as it is (escaped either way). */
function textHtml(row: ComparisonRow<CodeItem>): string {
  const item = (row.after ?? row.before)!;
  const heading = row.headingChanges
    ? wordChangesHtml(row.headingChanges)
    : escapeHtml(item.heading ?? '');
  const body = row.bodyChanges ? wordChangesHtml(row.bodyChanges) : escapeHtml(item.body ?? '');
  const local = item.origin === 'local' ? ' probity-compare__text--local' : '';
  const parts: string[] = [];
  if (heading) {
    parts.push(
      `<p class="govuk-body govuk-!-font-weight-bold probity-compare__text${local}">${heading}</p>`,
    );
  }
  if (body) parts.push(`<p class="govuk-body probity-compare__text${local}">${body}</p>`);
  return parts.join('');
}

const isShownByDefault = (row: ComparisonRow<CodeItem>) => row.status !== 'unchanged';

/** The comparison page: which versions, how many changes of each kind, then each change. */
export function comparisonView(v: VersionComparison, showAll: boolean, links: ComparisonLinks) {
  const { counts, rows } = v.comparison;
  const heading = `Changes from ${versionName(v.from).toLowerCase()} to ${versionName(v.to).toLowerCase()}`;
  const versionRow = (key: string, version: CodeVersion) => ({
    key: { text: key },
    value: {
      html:
        `<a class="govuk-link" href="${escapeHtml(links.versionHref(version))}">${escapeHtml(versionName(version))}</a>: ` +
        `${escapeHtml(version.title)}<br>${escapeHtml(versionStanding(version))}`,
    },
  });
  const count = (key: string, n: number) => ({ key: { text: key }, value: { text: String(n) } });
  const shown = showAll ? rows : rows.filter(isShownByDefault);
  const hidden = rows.length - shown.length;
  const hiddenRenumbered = showAll
    ? 0
    : rows.filter((r) => r.status === 'unchanged' && r.renumbered).length;
  return {
    pageTitle: `${heading} – ${links.caption}`,
    caption: links.caption,
    heading,
    breadcrumbs: { items: links.breadcrumbs },
    versionRows: [versionRow('From', v.from), versionRow('To', v.to)],
    summaryRows: [
      count('Added', counts.added),
      count('Removed', counts.removed),
      count('Wording changed', counts.changed),
      count('Moved', counts.moved),
      count('Marking changed', counts.markingChanged),
      count('Renumbered', counts.renumbered),
      count('Unchanged', counts.unchanged),
    ],
    legend: {
      addedHtml: changeHtml('added', 'added words'),
      removedHtml: changeHtml('removed', 'removed words'),
    },
    noChanges: counts.unchanged === rows.length,
    showAll,
    hiddenText: hidden
      ? `${plural(hidden, 'unchanged paragraph or heading is', 'unchanged paragraphs and headings are')} not shown` +
        (hiddenRenumbered ? ` (${hiddenRenumbered} of them only renumbered).` : '.')
      : null,
    showAllHref: links.showAllHref,
    hideUnchangedHref: links.hideUnchangedHref,
    chooseHref: links.chooseHref,
    rows: shown.map((row, index) => ({
      id: `change-${index + 1}`,
      status: row.status,
      titleHtml: titleHtml(row, v, links),
      tagsHtml: tagsHtml(row),
      notes: notes(row),
      textHtml: textHtml(row),
    })),
  };
}
