import { formatDate } from '../../platform/views.js';
import type { CodeItem, CodeVersion } from './repository.js';

/**
 * How a code's text reads wherever it is shown (the public pages, the print page, the Word
 * download): its status line, its settings in words and its items ready for the template.
 */

/** The words that mark a local addition, beside the italics (italics alone are not accessible). */
export const LOCAL_ADDITION_LABEL = 'Local addition';

/** The legend that explains the marking, in one sentence. */
export const LOCAL_ADDITION_LEGEND =
  'Paragraphs the council added to the model code are printed in italics and labelled "Local addition". Everything else is the model code as published.';

/** Pence as pounds the way a council writes them: 1000 → "£10", 2550 → "£25.50". */
export function formatPounds(pence: number): string {
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  const whole = pounds.toLocaleString('en-GB');
  return rest === 0 ? `£${whole}` : `£${whole}.${String(rest).padStart(2, '0')}`;
}

/** A 'YYYY-MM-DD' date as "2 May 2024". */
export const showDate = (date: string): string => formatDate(new Date(`${date}T12:00:00Z`));

type VersionDates = Pick<
  CodeVersion,
  'status' | 'adopted_on' | 'adopted_minute' | 'in_force_from' | 'superseded_on'
>;

/** When the version applies(d), in one sentence: "In force since 1 May 2021." */
export function inForceText(version: VersionDates): string {
  const from = version.in_force_from ? showDate(version.in_force_from) : null;
  if (version.status === 'in-force') return from ? `In force since ${from}.` : 'In force.';
  if (version.status === 'superseded') {
    const until = version.superseded_on ? showDate(version.superseded_on) : null;
    if (from && until) return `Was in force from ${from} until ${until}.`;
    return 'No longer in force.';
  }
  if (version.status === 'adopted') {
    return from ? `Not yet in force: comes into force on ${from}.` : 'Not yet in force.';
  }
  return 'Not published.';
}

/** "Adopted on 20 April 2021 (minute FC 45/21)." */
export function adoptedText(version: VersionDates): string {
  if (!version.adopted_on) return '';
  const minute = version.adopted_minute?.trim();
  return `Adopted on ${showDate(version.adopted_on)}${minute ? ` (minute ${minute})` : ''}.`;
}

/** The whole status line: when it applies and when it was adopted. */
export function statusText(version: VersionDates): string {
  return [inForceText(version), adoptedText(version)].filter(Boolean).join(' ');
}

/** The settings of a version the public may want to know, as label and value. */
export function settingsText(
  version: Pick<
    CodeVersion,
    | 'gifts_threshold_pence'
    | 'gifts_registration_days'
    | 'register_refused_offers'
    | 'training_required'
  >,
): { label: string; value: string }[] {
  const days = version.gifts_registration_days;
  return [
    {
      label: 'Gifts and hospitality threshold',
      value: `${formatPounds(version.gifts_threshold_pence)}: members register any gift or hospitality worth this much or more`,
    },
    {
      label: 'Time to register a gift or hospitality',
      value: `${days} ${days === 1 ? 'day' : 'days'} from receiving it`,
    },
    {
      label: 'Offers that were refused',
      value: version.register_refused_offers
        ? 'Must be registered as well'
        : 'Do not need to be registered',
    },
    {
      label: 'Code of conduct training',
      value: version.training_required
        ? 'Members must take part in the training the council provides'
        : 'Not required by this version of the code',
    },
  ];
}

/** One item of a code as the `codeText` macro shows it. */
export interface CodeTextItem {
  kind: 'section' | 'paragraph' | 'appendix';
  /** an element id: `section-2`, `para-2-1`, `appendix-a` */
  anchor: string;
  /** "2", "2.1(a)", "Appendix A" */
  label: string;
  depth: number;
  local: boolean;
  /** the heading of a section or appendix */
  heading: string | null;
  /** a paragraph's text, one entry per line */
  lines: string[];
}

export function codeTextItems(items: readonly CodeItem[]): CodeTextItem[] {
  return items.map((item) => ({
    kind: item.kind,
    anchor: item.anchor,
    label: item.kind === 'appendix' ? `Appendix ${item.number}` : item.number,
    depth: item.depth,
    local: item.origin === 'local',
    heading: item.kind === 'paragraph' ? null : item.heading,
    lines:
      item.kind === 'paragraph'
        ? (item.body ?? '')
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line.length > 0)
        : [],
  }));
}

/** The headings of a code, for its contents list. */
export function contentsOf(items: readonly CodeItem[]): { href: string; text: string }[] {
  return items
    .filter((item) => item.kind !== 'paragraph')
    .map((item) => ({
      href: `#${item.anchor}`,
      text:
        item.kind === 'appendix'
          ? `Appendix ${item.number}: ${item.heading ?? ''}`
          : `${item.number}. ${item.heading ?? ''}`,
    }));
}
