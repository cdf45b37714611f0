import type { Db } from '../../db/database.js';
import { numberReportItems } from '../reports/index.js';

/** The test council's id (buildTestApp's people belong to it). */
export async function testAuthorityId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', 'test-council')
    .executeTakeFirstOrThrow();
  return row.id;
}

let counter = 0;

/**
 * A draft report written straight into the tables, as the seed's shape has it: two
 * recommendations repeated in a closing RECOMMENDATIONS section, and two implications (legal
 * needs clearance, financial does not), both answered.
 */
export async function insertReport(
  db: Db,
  authorityId: number,
): Promise<{ reportId: number; legalId: number; financialId: number; itemIds: number[] }> {
  counter += 1;
  const tag = `${Date.now()}-${counter}`;
  const types = [];
  for (const [key, label, position, needs] of [
    ['legal', 'Legal implications', 1, true],
    ['financial', 'Financial implications', 2, false],
  ] as const) {
    const found = await db
      .selectFrom('implication_types')
      .select('id')
      .where('authority_id', '=', authorityId)
      .where('key', '=', key)
      .executeTakeFirst();
    types.push(
      found ??
        (await db
          .insertInto('implication_types')
          .values({ authority_id: authorityId, key, label, position, needs_clearance: needs })
          .returning('id')
          .executeTakeFirstOrThrow()),
    );
  }
  const report = await db
    .insertInto('reports')
    .values({
      authority_id: authorityId,
      title: `Training for members ${tag}`,
      report_of: 'Monitoring Officer',
      report_date: '2026-03-25',
      summary: 'To agree training on the code of conduct.',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('report_authors')
    .values({ report_id: report.id, position: 0, name: 'A Author' })
    .execute();
  const recommendations = ['Agree the training programme.', 'Note the timetable.'];
  await db
    .insertInto('report_recommendations')
    .values(recommendations.map((text, position) => ({ report_id: report.id, position, text })))
    .execute();
  const numbered = numberReportItems([
    { depth: 0, heading: 'INTRODUCTION', body: null },
    { depth: 1, heading: null, body: 'Members asked for training on the code.' },
    { depth: 0, heading: 'RECOMMENDATIONS', body: null },
    { depth: 1, heading: null, body: 'The Committee is asked to agree the training programme.' },
    { depth: 1, heading: null, body: 'The Committee is asked to note the timetable.' },
  ]);
  if (!numbered.ok) throw new Error('test body does not number');
  const items = await db
    .insertInto('report_items')
    .values(
      numbered.items.map((i) => ({
        report_id: report.id,
        position: i.position,
        depth: i.depth,
        number: i.number,
        heading: i.heading,
        body: i.body,
      })),
    )
    .returning('id')
    .execute();
  const implications = await db
    .insertInto('report_implications')
    .values([
      {
        report_id: report.id,
        implication_type_id: types[0]!.id,
        answer: 'yes',
        statement: 'The council may adopt a code under the Localism Act 2011.',
      },
      { report_id: report.id, implication_type_id: types[1]!.id, answer: 'no', statement: '' },
    ])
    .returning('id')
    .execute();
  return {
    reportId: report.id,
    legalId: implications[0]!.id,
    financialId: implications[1]!.id,
    itemIds: items.map((i) => i.id),
  };
}

/** Give a person an account (a credential row), so they can be asked to clear. */
export async function giveAccount(db: Db, personId: number): Promise<void> {
  await db
    .insertInto('credentials')
    .values({ person_id: personId, password_hash: 'not-a-real-hash', password_set_at: new Date() })
    .execute();
}
