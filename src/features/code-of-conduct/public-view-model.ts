import { escapeHtml } from '../../platform/html.js';
import {
  LOCAL_ADDITION_LABEL,
  LOCAL_ADDITION_LEGEND,
  codeTextItems,
  contentsOf,
  inForceText,
  settingsText,
  showDate,
  statusText,
} from './code-text.js';
import { codePaths } from './paths.js';
import type { PublicAuthority } from './public-repository.js';
import type { CodeIndexEntry, CodeIndexGroup, PublishedVersionPage } from './public-service.js';
import type { CodeVersion } from './repository.js';

/** View-models for the public code pages: rows in, GOV.UK macro params out. */

const link = (href: string, text: string, hidden = ''): string =>
  `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}${
    hidden ? `<span class="govuk-visually-hidden"> ${escapeHtml(hidden)}</span>` : ''
  }</a>`;

const home = { text: 'Home', href: '/' };
const allCodes = { text: 'Codes of conduct', href: codePaths.index };

const STATUS_LABELS: Record<string, string> = {
  'in-force': 'In force',
  superseded: 'No longer in force',
  adopted: 'Adopted, not yet in force',
};

/** "Members' Code of Conduct, in force since 1 May 2021" or "No code adopted yet". */
function entrySummary(entry: CodeIndexEntry): { html: string; since: string } {
  const slug = entry.authority.slug;
  if (entry.inForce) {
    return {
      html: link(codePaths.inForce(slug), entry.inForce.title, `(${entry.authority.name})`),
      since: entry.inForce.inForceFrom ? showDate(entry.inForce.inForceFrom) : '',
    };
  }
  if (entry.upcoming) {
    const from = entry.upcoming.inForceFrom ? showDate(entry.upcoming.inForceFrom) : 'a later date';
    return {
      html: `No code in force yet. ${link(
        codePaths.version(slug, entry.upcoming.number),
        entry.upcoming.title,
        `(${entry.authority.name})`,
      )} comes into force on ${escapeHtml(from)}.`,
      since: '',
    };
  }
  return { html: 'No code adopted yet', since: '' };
}

export function codeIndexView(groups: CodeIndexGroup[]) {
  return {
    pageTitle: 'Codes of conduct',
    breadcrumbs: { items: [home] },
    groups: groups.map(({ principal, locals }) => {
      const own = entrySummary(principal);
      return {
        name: principal.authority.name,
        summaryHtml: own.since ? `${own.html}, in force since ${escapeHtml(own.since)}` : own.html,
        localTable:
          locals.length > 0
            ? {
                caption: `Parish and town councils in the area of ${principal.authority.name}`,
                captionClasses: 'govuk-table__caption--s',
                head: [
                  { text: 'Council' },
                  { text: 'Code of conduct' },
                  { text: 'In force since' },
                ],
                rows: locals.map((local) => {
                  const summary = entrySummary(local);
                  return [
                    { text: local.authority.name },
                    { html: summary.html },
                    { text: summary.since },
                  ];
                }),
              }
            : null,
      };
    }),
  };
}

/** What a version that is not in force says about itself, or null when it is in force. */
function noticeFor(version: CodeVersion): string | null {
  if (version.status === 'in-force') return null;
  return version.status === 'superseded'
    ? 'This version is no longer in force'
    : 'This version is not yet in force';
}

/** The important banner of a version that is not (or no longer) in force. */
function bannerFor(version: CodeVersion, inForce: CodeVersion | null) {
  const heading = noticeFor(version);
  if (heading === null) return null;
  const current =
    inForce && inForce.id !== version.id
      ? ` <a class="govuk-notification-banner__link" href="${escapeHtml(
          codePaths.inForce(version.authoritySlug),
        )}">Read the code in force now (version ${inForce.number})</a>.`
      : '';
  return {
    titleText: 'Important',
    html: `<p class="govuk-notification-banner__heading">${heading}</p><p class="govuk-body">${escapeHtml(
      inForceText(version),
    )}${current}</p>`,
  };
}

/** The version to compare this one with: the previous published one, else the next. */
function comparisonFor(version: CodeVersion, published: CodeVersion[]) {
  const older = published.filter((v) => v.number < version.number);
  const newer = published.filter((v) => v.number > version.number);
  const previous = older.length > 0 ? older[0] : undefined; // newest first
  if (previous) {
    return {
      text: `Compare with the previous version (version ${previous.number})`,
      href: codePaths.compare(version.authoritySlug, previous.number, version.number),
    };
  }
  const next = newer.length > 0 ? newer[newer.length - 1] : undefined;
  if (next) {
    return {
      text: `Compare with the next version (version ${next.number})`,
      href: codePaths.compare(version.authoritySlug, version.number, next.number),
    };
  }
  return null;
}

export function settingsRows(version: CodeVersion) {
  return settingsText(version).map((row) => ({
    key: { text: row.label },
    value: { text: row.value },
  }));
}

/**
 * A published version, whole or only its local additions. `base` is the address the page was
 * asked for (`/code/<slug>` for the code in force, else `/code/<slug>/<n>`): the filter and the
 * links back to the full text stay on it.
 */
export function versionView(
  page: PublishedVersionPage,
  options: { onlyLocal: boolean; base: string },
) {
  const { version, items, published, inForce } = page;
  const { onlyLocal, base } = options;
  const slug = version.authoritySlug;
  const local = items.filter((item) => item.origin === 'local');
  const textItems = codeTextItems(items);
  const breadcrumbs =
    base === codePaths.inForce(slug)
      ? [home, allCodes]
      : [home, allCodes, { text: version.authorityName, href: codePaths.inForce(slug) }];
  const localCount = local.length;
  return {
    pageTitle: `${onlyLocal ? 'Local additions: ' : ''}${version.title} (version ${version.number}) – ${version.authorityName}`,
    breadcrumbs: { items: breadcrumbs },
    caption: `${version.authorityName}, version ${version.number}`,
    title: version.title,
    statusText: statusText(version),
    banner: bannerFor(version, inForce),
    onlyLocal,
    localCount,
    localLabel: LOCAL_ADDITION_LABEL,
    legend: LOCAL_ADDITION_LEGEND,
    fullHref: base,
    onlyLocalHref: `${base}?only=local`,
    onlyLocalText:
      localCount === 1
        ? 'Show only the local addition'
        : `Show only the local additions (${localCount})`,
    links: [
      { text: 'Print-friendly version', href: codePaths.print(slug, version.number) },
      {
        text: 'Download as a Word document (.docx)',
        href: codePaths.word(slug, version.number),
      },
      { text: 'All versions of this code, with their dates', href: codePaths.versions(slug) },
      ...[comparisonFor(version, published)].filter((l) => l !== null),
    ],
    settingsRows: settingsRows(version),
    contents: contentsOf(items),
    items: textItems,
    localItems: textItems
      .filter((item) => item.local)
      .map((item) => ({
        ...item,
        href: `${base}#${item.anchor}`,
        linkText:
          item.kind === 'paragraph'
            ? `Paragraph ${item.label} in the full code`
            : `${item.label} in the full code`,
      })),
  };
}

/** The print-friendly page of a version. */
export function printView(page: PublishedVersionPage) {
  const { version, items } = page;
  return {
    pageTitle: `${version.title} (version ${version.number}, print) – ${version.authorityName}`,
    caption: `${version.authorityName}, version ${version.number}`,
    title: version.title,
    statusText: statusText(version),
    notice: noticeFor(version),
    backHref: codePaths.version(version.authoritySlug, version.number),
    localLabel: LOCAL_ADDITION_LABEL,
    legend: LOCAL_ADDITION_LEGEND,
    settingsRows: settingsRows(version),
    contents: contentsOf(items),
    items: codeTextItems(items),
  };
}

/** A council with no code in force: what it has adopted for later, if anything. */
export function noCodeView(authority: PublicAuthority, published: CodeVersion[]) {
  const upcoming = published.find((v) => v.status === 'adopted');
  return {
    pageTitle: `${authority.name}: code of conduct`,
    breadcrumbs: { items: [home, allCodes] },
    authorityName: authority.name,
    upcoming: upcoming
      ? {
          href: codePaths.version(authority.slug, upcoming.number),
          title: upcoming.title,
          text: inForceText(upcoming),
        }
      : null,
    versionsHref: published.length > 0 ? codePaths.versions(authority.slug) : null,
  };
}

export function versionsView(authority: PublicAuthority, versions: CodeVersion[]) {
  const date = (d: string | null) => (d ? showDate(d) : '');
  return {
    pageTitle: `Versions of the code of conduct – ${authority.name}`,
    breadcrumbs: {
      items: [home, allCodes, { text: authority.name, href: codePaths.inForce(authority.slug) }],
    },
    authorityName: authority.name,
    table:
      versions.length > 0
        ? {
            caption: `Published versions of the ${authority.name} code of conduct, newest first`,
            captionClasses: 'govuk-visually-hidden',
            head: [
              { text: 'Version' },
              { text: 'Title' },
              { text: 'Adopted on' },
              { text: 'In force from' },
              { text: 'Superseded on' },
              { text: 'Status' },
            ],
            rows: versions.map((v) => [
              { html: link(codePaths.version(authority.slug, v.number), `Version ${v.number}`) },
              { text: v.title },
              { text: date(v.adopted_on) },
              { text: date(v.in_force_from) },
              { text: date(v.superseded_on) },
              { text: STATUS_LABELS[v.status] ?? v.status },
            ]),
          }
        : null,
  };
}
