/**
 * The seven descriptions of exempt information in Part 1 of Schedule 12A to the Local
 * Government Act 1972, summarised in our own words, so a reader can see why an item is private.
 */
const EXEMPT_DESCRIPTIONS: Record<number, string> = {
  1: 'information about a particular person',
  2: 'information that is likely to identify a particular person',
  3: 'information about the financial or business affairs of a particular person, including the council',
  4: 'information about consultations or negotiations on labour relations matters',
  5: 'information covered by legal professional privilege',
  6: 'information that would reveal a proposed notice, order or direction under an enactment',
  7: 'information about preventing, investigating or prosecuting crime',
};

/** "Not for publication: paragraph 3 of Schedule 12A to the Local Government Act 1972 (...)". */
export function exemptNotice(paragraph: number | null): string {
  const base = `Not for publication: paragraph ${paragraph ?? '?'} of Schedule 12A to the Local Government Act 1972`;
  const description = paragraph === null ? undefined : EXEMPT_DESCRIPTIONS[paragraph];
  return description ? `${base} (${description})` : base;
}

/** "Open" or "Exempt (paragraph 3 of Schedule 12A ...)": the report's category in words. */
export function categoryText(category: 'open' | 'exempt', paragraph: number | null): string {
  return category === 'open'
    ? 'Open'
    : `Exempt: paragraph ${paragraph ?? '?'} of Schedule 12A to the Local Government Act 1972`;
}
