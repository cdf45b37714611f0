import {
  numberReportItems,
  type ReportDocument,
  type ReportImplication,
} from '../reports/index.js';

/** A complete, ready report as the seed's shape has it, for unit tests to spoil one thing at a time. */
export const RECOMMENDATIONS = [
  'The Committee is asked to agree the updated Members’ Code of Conduct.',
  'The Committee is asked to agree the proposals for the Member Development Training Programme.',
];

export const BODY: { depth: number; heading: string | null; body: string | null }[] = [
  { depth: 0, heading: 'INTRODUCTION', body: null },
  { depth: 1, heading: null, body: 'The LGA has published a model code for councils to consider.' },
  { depth: 0, heading: 'MAIN BODY OF THE REPORT', body: null },
  { depth: 1, heading: null, body: 'Training for members on the code is proposed.' },
  { depth: 2, heading: null, body: 'Each political group will have its own session.' },
  { depth: 0, heading: '**RECOMMENDATIONS**', body: null },
  { depth: 1, heading: null, body: RECOMMENDATIONS[0]! },
  { depth: 1, heading: null, body: RECOMMENDATIONS[1]! },
];

export function implication(
  id: number,
  key: string,
  answer: 'yes' | 'no' | null,
  statement = '',
  needsClearance = false,
): ReportImplication {
  return {
    id,
    typeId: id * 10,
    key,
    label: `${key} implications`,
    needsClearance,
    answer,
    statement,
  };
}

export function testDocument(
  changes: {
    body?: typeof BODY;
    recommendations?: string[];
    implications?: ReportImplication[];
    report?: Partial<ReportDocument['report']>;
    authors?: ReportDocument['authors'];
  } = {},
): ReportDocument {
  const numbered = numberReportItems(changes.body ?? BODY);
  if (!numbered.ok) throw new Error('test body does not number');
  return {
    report: {
      id: 7,
      authority_id: 1,
      committee_id: 2,
      title: 'Model Code of Conduct and training for members',
      report_of: 'Monitoring Officer',
      report_date: '2021-03-25',
      summary: 'To give members the updated code of conduct.',
      background_papers: 'None',
      category: 'open',
      exempt_paragraph: null,
      portfolio_member_id: null,
      portfolio_title: null,
      reserved_for_council: false,
      press_release: false,
      areas_affected: 'None',
      status: 'draft',
      published_at: null,
      created_by: null,
      created_at: new Date('2021-03-01'),
      updated_at: new Date('2021-03-01'),
      ...changes.report,
    },
    authority: { id: 1, slug: 'demo-city', name: 'Demo City Council' },
    committee: { id: 2, name: 'Audit and Standards Committee', classification: 'committee' },
    portfolioMember: null,
    authors: changes.authors ?? [{ position: 0, personId: null, name: 'A Author' }],
    recommendations: (changes.recommendations ?? RECOMMENDATIONS).map((text, position) => ({
      id: position + 1,
      report_id: 7,
      position,
      text,
      code_version_id: null,
      programme_id: null,
      lineage: `00000000-0000-0000-0000-00000000000${position}`,
    })),
    items: numbered.items.map((item, k) => ({
      id: k + 1,
      report_id: 7,
      position: item.position,
      depth: item.depth,
      number: item.number,
      heading: item.heading,
      body: item.body,
      lineage: `10000000-0000-0000-0000-0000000000${String(k).padStart(2, '0')}`,
    })),
    implications: changes.implications ?? [implication(1, 'financial', 'no')],
    appendices: [],
  };
}
