import type { ReportDocument } from '../reports/index.js';
import type { HouseStyleWord } from './house-style.js';

/** One thing that stops a report going on an agenda, and where to put it right. */
export interface ReadinessProblem {
  rule: string;
  message: string;
  href: string;
}

/** An implication type in use by the report's authority, with the latest clearance asked for. */
export interface ActiveImplicationType {
  typeId: number;
  key: string;
  label: string;
  needsClearance: boolean;
  /** the latest clearance of this report's implication that was not withdrawn */
  clearance: { status: 'pending' | 'cleared' | 'returned'; digest: string } | null;
}

export interface ReadinessInput {
  doc: ReportDocument;
  types: readonly ActiveImplicationType[];
  houseStyleWords: readonly HouseStyleWord[];
}
