import type { CodeVersion } from '../code-of-conduct/index.js';
import type { CodeVersionStatus } from '../../db/schema.js';
import { formatDate } from '../../platform/views.js';

export const STATUS_LABELS: Record<CodeVersionStatus, string> = {
  draft: 'Draft',
  consultation: 'Under consultation',
  agreed: 'Agreed by committee',
  adopted: 'Adopted, not yet in force',
  'in-force': 'In force',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

export const showDate = (date: string): string => formatDate(new Date(`${date}T12:00:00Z`));

/** A version's standing in words: "In force since 1 May 2025", "Draft". */
export function versionStanding(version: CodeVersion): string {
  const from = version.in_force_from ? showDate(version.in_force_from) : null;
  switch (version.status) {
    case 'in-force':
      return from ? `In force since ${from}` : STATUS_LABELS['in-force'];
    case 'superseded':
      return from && version.superseded_on
        ? `In force from ${from} to ${showDate(version.superseded_on)}`
        : STATUS_LABELS.superseded;
    case 'adopted':
      return from ? `Adopted, in force from ${from}` : STATUS_LABELS.adopted;
    default:
      return STATUS_LABELS[version.status];
  }
}

/** "Version 3", for headings and links. */
export const versionName = (version: Pick<CodeVersion, 'number'>): string =>
  `Version ${version.number}`;

/** An option in a list of versions: "Version 3 (in force since 1 May 2025)". */
export function versionOption(version: CodeVersion): string {
  const standing = versionStanding(version);
  return `${versionName(version)} (${standing.charAt(0).toLowerCase()}${standing.slice(1)})`;
}
