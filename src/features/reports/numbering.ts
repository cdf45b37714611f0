/**
 * How a committee report's body is numbered, as councils' report templates do: sections are
 * 1.0, 2.0, 3.0 (with a heading such as INTRODUCTION); paragraphs within section 3 are 3.1, 3.2;
 * sub-paragraphs of 3.2 are 3.2.1, 3.2.2. Numbers follow from the order and depth of the items,
 * so adding, moving or removing one renumbers everything after it.
 */
export interface ReportItemDraft {
  /** 0 for a section, 1 for a paragraph, 2 for a sub-paragraph */
  depth: number;
  heading: string | null;
  body: string | null;
  /** the same item in earlier snapshots of the report; absent for a new one */
  lineage?: string | undefined;
}

export interface NumberedReportItem extends ReportItemDraft {
  position: number;
  number: string;
}

export interface ReportNumberingProblem {
  position: number;
  message: string;
}

export function numberReportItems(
  items: readonly ReportItemDraft[],
): { ok: true; items: NumberedReportItem[] } | { ok: false; problems: ReportNumberingProblem[] } {
  const problems: ReportNumberingProblem[] = [];
  const numbered: NumberedReportItem[] = [];
  let section = 0;
  let paragraph = 0;
  let sub = 0;
  items.forEach((item, position) => {
    if (item.depth === 0) {
      if (!item.heading?.trim()) problems.push({ position, message: 'Give the section a heading' });
      section += 1;
      paragraph = 0;
      sub = 0;
      numbered.push({ ...item, position, number: `${section}.0` });
      return;
    }
    if (!item.body?.trim()) problems.push({ position, message: 'Write the text of the paragraph' });
    if (section === 0) {
      problems.push({ position, message: 'A paragraph must come after a section heading' });
      return;
    }
    if (item.depth === 1) {
      paragraph += 1;
      sub = 0;
      numbered.push({ ...item, position, number: `${section}.${paragraph}` });
    } else if (item.depth === 2) {
      if (paragraph === 0) {
        problems.push({ position, message: 'A sub-paragraph must follow a numbered paragraph' });
        return;
      }
      sub += 1;
      numbered.push({ ...item, position, number: `${section}.${paragraph}.${sub}` });
    } else {
      problems.push({ position, message: 'A paragraph is at depth 1 or 2' });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items: numbered };
}
