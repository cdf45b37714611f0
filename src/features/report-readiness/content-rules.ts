import { numberReportItems, type ReportDocument } from '../reports/index.js';
import {
  compileHouseStyleWords,
  findConfusedWords,
  findHouseStyleWords,
  type HouseStyleWord,
} from './house-style.js';
import { fixPaths } from './paths.js';
import { textPlaces } from './places.js';
import type { ReadinessProblem } from './types.js';

/** Author, report date, "report of" and at least one recommendation are required. */
export function requiredFieldProblems(doc: ReportDocument): ReadinessProblem[] {
  const id = doc.report.id;
  const problems: ReadinessProblem[] = [];
  if (doc.authors.length === 0) {
    problems.push({
      rule: 'author',
      message: 'Name the author of the report',
      href: fixPaths.field(id, 'authors'),
    });
  }
  if (doc.report.report_date === null) {
    problems.push({
      rule: 'report-date',
      message: 'Give the date of the report',
      href: fixPaths.field(id, 'report_date'),
    });
  }
  if (doc.report.report_of.trim() === '') {
    problems.push({
      rule: 'report-of',
      message: 'Say whose report it is (report of)',
      href: fixPaths.field(id, 'report_of'),
    });
  }
  if (doc.recommendations.length === 0) {
    problems.push({
      rule: 'recommendations',
      message: 'Add at least one recommendation',
      href: fixPaths.recommendations(id),
    });
  }
  return problems;
}

/**
 * Stored numbers must be the numbers the items' order and depth give them. The editor always
 * renumbers, but an import or a direct change may leave a gap.
 */
export function numberingProblems(doc: ReportDocument): ReadinessProblem[] {
  const id = doc.report.id;
  const numbered = numberReportItems(
    doc.items.map((i) => ({ depth: i.depth, heading: i.heading, body: i.body })),
  );
  if (!numbered.ok) {
    return numbered.problems.map((p) => {
      const item = doc.items[p.position];
      return {
        rule: 'numbering',
        message: `Item ${item?.number ?? p.position + 1} of the body: ${p.message.toLowerCase()}`,
        href: item ? fixPaths.item(id, item.number) : fixPaths.body(id),
      };
    });
  }
  const problems: ReadinessProblem[] = [];
  numbered.items.forEach((expected, index) => {
    const stored = doc.items[index]!;
    if (stored.number !== expected.number) {
      problems.push({
        rule: 'numbering',
        message: `Paragraph numbered ${stored.number} should be ${expected.number}: the body’s numbering has a gap`,
        href: fixPaths.item(id, stored.number),
      });
    }
  });
  return problems;
}

/** A recommendation's words with case, spacing, closing punctuation and the usual opening ignored. */
export function normaliseRecommendation(text: string): string {
  return text
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the committee is asked to\s*:?\s*/, '')
    .replace(/[\s.;:,!]+$/, '');
}

const isRecommendationsHeading = (heading: string | null) =>
  (heading ?? '').replace(/[^\p{L}]/gu, '').toLowerCase() === 'recommendations';

/**
 * Reports repeat the recommendations in a closing section of the body headed
 * "Recommendations". When there is such a section its paragraphs must say the same as the
 * recommendations, in the same order. Without such a section there is nothing to compare.
 */
export function recommendationMatchProblems(doc: ReportDocument): ReadinessProblem[] {
  const id = doc.report.id;
  const start = doc.items.findIndex((i) => i.depth === 0 && isRecommendationsHeading(i.heading));
  if (start < 0) return [];
  const section = doc.items[start]!;
  const paragraphs = [];
  for (const item of doc.items.slice(start + 1)) {
    if (item.depth === 0) break;
    paragraphs.push(item);
  }
  const problems: ReadinessProblem[] = [];
  const recommendations = doc.recommendations;
  if (paragraphs.length !== recommendations.length) {
    problems.push({
      rule: 'recommendations-match',
      message: `Section ${section.number} has ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'} but there ${recommendations.length === 1 ? 'is 1 recommendation' : `are ${recommendations.length} recommendations`}`,
      href: fixPaths.item(id, section.number),
    });
  }
  const n = Math.min(paragraphs.length, recommendations.length);
  for (let k = 0; k < n; k += 1) {
    const paragraph = paragraphs[k]!;
    if (
      normaliseRecommendation(paragraph.body ?? '') !==
      normaliseRecommendation(recommendations[k]!.text)
    ) {
      problems.push({
        rule: 'recommendations-match',
        message: `Paragraph ${paragraph.number} does not say the same as recommendation ${k + 1}`,
        href: fixPaths.item(id, paragraph.number),
      });
    }
  }
  return problems;
}

/** Commonly confused words and the council's own words to avoid, wherever they are. */
export function houseStyleProblems(
  doc: ReportDocument,
  councilWords: readonly HouseStyleWord[],
): ReadinessProblem[] {
  const compiled = compileHouseStyleWords(councilWords);
  const problems: ReadinessProblem[] = [];
  for (const place of textPlaces(doc)) {
    const findings = [
      ...findConfusedWords(place.text),
      ...findHouseStyleWords(place.text, compiled),
    ];
    for (const finding of findings) {
      problems.push({
        rule: 'house-style',
        message: `${place.where}: “${finding.text}”. ${finding.advice}`,
        href: place.href,
      });
    }
  }
  return problems;
}
