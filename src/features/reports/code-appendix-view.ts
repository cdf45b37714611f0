import {
  LOCAL_ADDITION_LABEL,
  LOCAL_ADDITION_LEGEND,
  codeTextItems,
  settingsText,
  showCodeDate,
  statusText,
  type CodeItem,
  type CodeTextItem,
  type CodeVersion,
} from '../code-of-conduct/index.js';
import type { CodeVersionStatus } from '../../db/schema.js';

/**
 * A version of the code of conduct appended to a report while the version is not public (a
 * draft the committee is asked to agree): every rendering of the report (public page, print
 * pages, Word) shows its whole text, numbered, with local additions labelled in words, and the
 * version's settings. For a comparison, the proposed (later) version's text, each item that is
 * new or changed since the earlier version marked, and the numbers of the items it removes.
 */
export interface CodeAppendixView {
  /** "Members' Code of Conduct 2027 (version 4)" */
  title: string;
  facts: { label: string; value: string }[];
  /** the version's settings in words (gifts threshold, days to register, ...) */
  settings: { label: string; value: string }[];
  /** for a comparison: what changed since the earlier version, in words; null otherwise */
  changes: { summary: string; removed: string[] } | null;
  legend: string;
  localLabel: string;
  items: CodeAppendixItem[];
}

export interface CodeAppendixItem extends CodeTextItem {
  /** 'New' or 'Changed' in a comparison, null when unchanged or not a comparison */
  change: 'New' | 'Changed' | null;
}

/** What the comparison says about each item of the proposed version, by item id. */
export interface CodeAppendixChanges {
  from: Pick<CodeVersion, 'number' | 'title' | 'status'>;
  /** item id of the later version → how it differs from the earlier one */
  marks: ReadonlyMap<number, 'New' | 'Changed'>;
  /** numbers of the earlier version's items the later one leaves out ("3.2", "Appendix B") */
  removed: string[];
}

const STANDING: Partial<Record<CodeVersionStatus, string>> = {
  draft: 'Draft: proposed to the committee, not yet agreed or adopted',
  consultation: 'Draft under consultation, not yet agreed or adopted',
  agreed: 'Agreed by committee, not yet adopted by full Council',
  withdrawn: 'Withdrawn',
};

type VersionForView = Pick<
  CodeVersion,
  | 'number'
  | 'title'
  | 'status'
  | 'authorityName'
  | 'agreed_on'
  | 'adopted_on'
  | 'adopted_minute'
  | 'in_force_from'
  | 'superseded_on'
  | 'gifts_threshold_pence'
  | 'gifts_registration_days'
  | 'register_refused_offers'
  | 'training_required'
>;

function standing(version: VersionForView): string {
  const words = STANDING[version.status];
  if (!words) return statusText(version);
  return version.status === 'agreed' && version.agreed_on
    ? `Agreed by committee on ${showCodeDate(version.agreed_on)}, not yet adopted by full Council`
    : words;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function changesSummary(changes: CodeAppendixChanges, marks: CodeAppendixItem[]): string {
  const added = marks.filter((i) => i.change === 'New').length;
  const changed = marks.filter((i) => i.change === 'Changed').length;
  const removed = changes.removed.length;
  const from = `version ${changes.from.number} (${changes.from.title})`;
  if (added + changed + removed === 0) return `The text is the same as ${from}.`;
  const parts = [
    added ? `${plural(added, 'item', 'items')} new` : '',
    changed ? `${plural(changed, 'item', 'items')} changed` : '',
    removed ? `${plural(removed, 'item', 'items')} removed` : '',
  ].filter(Boolean);
  return `Compared with ${from}: ${parts.join(', ')}. New and changed items are marked below.`;
}

export function codeAppendixView(
  version: VersionForView,
  items: readonly CodeItem[],
  changes: CodeAppendixChanges | null = null,
): CodeAppendixView {
  const shown = codeTextItems(items).map((item, index): CodeAppendixItem => {
    const id = items[index]!.id;
    return { ...item, change: changes?.marks.get(id) ?? null };
  });
  return {
    title: `${version.title} (version ${version.number})`,
    facts: [
      { label: 'Code of conduct', value: `${version.authorityName}: ${version.title}` },
      { label: 'Version', value: String(version.number) },
      { label: 'Status', value: standing(version) },
    ],
    settings: settingsText(version),
    changes: changes ? { summary: changesSummary(changes, shown), removed: changes.removed } : null,
    legend: LOCAL_ADDITION_LEGEND,
    localLabel: LOCAL_ADDITION_LABEL,
    items: shown,
  };
}
