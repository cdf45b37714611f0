import { clearanceSnapshot, snapshotDigest, type ReportDocument } from '../reports/index.js';
import {
  houseStyleProblems,
  numberingProblems,
  recommendationMatchProblems,
  requiredFieldProblems,
} from './content-rules.js';
import { fixPaths } from './paths.js';
import { textPlaces } from './places.js';
import { findPlaceholders } from './placeholders.js';
import type { ReadinessInput, ReadinessProblem } from './types.js';

/**
 * The statutory and policy checklist. Every implication type the council uses must be
 * answered. A "yes" needs a statement saying what the implications are; a "no" may stand alone
 * or carry a short reason. A type that needs clearance must be cleared by an officer, and the
 * clearance must be of the report as it is now: a clearance of an earlier text does not count.
 * An unanswered type is reported once, as unanswered, not also as not cleared.
 */
export function checklistProblems(input: ReadinessInput): ReadinessProblem[] {
  const { doc, types } = input;
  const id = doc.report.id;
  const problems: ReadinessProblem[] = [];
  for (const type of types) {
    const implication = doc.implications.find((i) => i.typeId === type.typeId);
    if (!implication || implication.answer === null) {
      problems.push({
        rule: 'implication-unanswered',
        message: `${type.label}: answer yes or no`,
        href: fixPaths.implication(id, type.key),
      });
      continue;
    }
    if (implication.answer === 'yes' && implication.statement.trim() === '') {
      problems.push({
        rule: 'implication-statement',
        message: `${type.label}: the answer is yes, so say what the implications are`,
        href: fixPaths.implication(id, type.key),
      });
    }
    if (!type.needsClearance) continue;
    const clearance = type.clearance;
    const href = fixPaths.clearance(id, type.key);
    if (!clearance) {
      problems.push({
        rule: 'clearance-missing',
        message: `${type.label}: ask an officer to clear it`,
        href,
      });
    } else if (clearance.status === 'pending') {
      problems.push({
        rule: 'clearance-pending',
        message: `${type.label}: waiting for the officer to clear it`,
        href,
      });
    } else if (clearance.status === 'returned') {
      problems.push({
        rule: 'clearance-returned',
        message: `${type.label}: the officer returned it with a comment`,
        href,
      });
    } else {
      const snapshot = clearanceSnapshot(doc, implication.id);
      if (!snapshot || snapshotDigest(snapshot) !== clearance.digest) {
        problems.push({
          rule: 'clearance-stale',
          message: `${type.label}: the report has changed since it was cleared, so it needs clearing again`,
          href,
        });
      }
    }
  }
  return problems;
}

/** Text left to fill in, wherever it is. */
export function placeholderProblems(doc: ReportDocument): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  for (const place of textPlaces(doc)) {
    const found = findPlaceholders(place.text);
    if (found.length === 0) continue;
    problems.push({
      rule: 'placeholder',
      message: `${place.where}: fill in ${found.map((f) => `“${f}”`).join(', ')}`,
      href: place.href,
    });
  }
  return problems;
}

/** Every rule, in the order the page lists them. */
export function readinessProblems(input: ReadinessInput): ReadinessProblem[] {
  return [
    ...requiredFieldProblems(input.doc),
    ...checklistProblems(input),
    ...placeholderProblems(input.doc),
    ...recommendationMatchProblems(input.doc),
    ...numberingProblems(input.doc),
    ...houseStyleProblems(input.doc, input.houseStyleWords),
  ];
}
