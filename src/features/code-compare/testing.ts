import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { CodeVersionStatus } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import {
  PUBLISHED_STATUSES,
  nextVersionNumber,
  numberItems,
  replaceItems,
  type ItemDraft,
} from '../code-of-conduct/index.js';

/**
 * For the comparison's integration and browser tests: versions made straight in the database
 * with the core's numbering, and two versions of a short code with one change of each kind.
 */

/** A council of the test's own: a parish of `parentId`, or a principal council. */
export async function insertAuthority(
  db: Db,
  slug: string,
  name: string,
  parentId: number | null = null,
): Promise<number> {
  const row = await db
    .insertInto('authorities')
    .values({ slug, name, kind: parentId === null ? 'principal' : 'parish', parent_id: parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A version in any status with its items numbered (a published one gets adoption and in-force
 * dates). Writes an audit row, as every change does, so cached public pages see it.
 */
export async function insertVersion(
  db: Db,
  options: { authorityId: number; status: CodeVersionStatus; items: ItemDraft[]; basedOn?: number },
): Promise<{ id: number; number: number }> {
  const numbered = numberItems(options.items);
  if (!numbered.ok)
    throw new Error(`Cannot number the items: ${JSON.stringify(numbered.problems)}`);
  const published = PUBLISHED_STATUSES.includes(options.status);
  return db.transaction().execute(async (trx) => {
    const number = await nextVersionNumber(trx, options.authorityId);
    const row = await trx
      .insertInto('code_versions')
      .values({
        authority_id: options.authorityId,
        number,
        title: `Members’ Code of Conduct (${number})`,
        status: options.status,
        based_on_version_id: options.basedOn ?? null,
        adopted_on: published ? `${2020 + number}-04-20` : null,
        in_force_from: published ? `${2020 + number}-05-01` : null,
        superseded_on: options.status === 'superseded' ? `${2021 + number}-05-01` : null,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    await replaceItems(trx, row.id, numbered.items);
    await recordAudit(trx, {
      actorPersonId: null,
      entity: 'code_version',
      entityId: row.id,
      action: 'create',
      after: { number, status: options.status },
    });
    return row;
  });
}

const section = (heading: string, lineage: string): ItemDraft => ({
  kind: 'section',
  depth: 0,
  heading,
  body: null,
  origin: 'model',
  lineage,
});
const para = (body: string, lineage: string, local = false): ItemDraft => ({
  kind: 'paragraph',
  depth: 1,
  heading: null,
  body,
  origin: local ? 'local' : 'model',
  lineage,
});

/**
 * Two versions of a short code (our own words). From the first to the second: 1.2 removed;
 * 2.2 moved to the end of section 1 (now 1.3); 1.3 renumbered 1.2; the gifts threshold in 3.1
 * reworded from £50 to £10; 3.2 now a local addition; section 4 and 4.1 added. Seven items
 * unchanged (one of them only renumbered). `reword` replaces the text of 2.1 in the second.
 */
export function twoVersions(reword?: string): { first: ItemDraft[]; second: ItemDraft[] } {
  const id = {
    s1: randomUUID(),
    p1: randomUUID(),
    p2: randomUUID(),
    p3: randomUUID(),
    s2: randomUUID(),
    p4: randomUUID(),
    p5: randomUUID(),
    s3: randomUUID(),
    p6: randomUUID(),
    p7: randomUUID(),
    p8: randomUUID(),
  };
  const text = {
    p1: 'Treat other members, officers and the public with courtesy.',
    p3: 'Do not bully, harass or intimidate anyone.',
    p4: 'Keep confidential information to yourself unless the law requires you to share it.',
    p5: 'Do not stop anyone getting information they are entitled to.',
    p7: 'Register significant offers of gifts that you refused.',
    p8: 'Tell the Monitoring Officer about any gift from someone bidding for a council contract.',
  };
  const first = [
    section('Respect', id.s1),
    para(text.p1, id.p1),
    para('Challenge ideas rather than the people who hold them.', id.p2),
    para(text.p3, id.p3),
    section('Confidentiality', id.s2),
    para(text.p4, id.p4),
    para(text.p5, id.p5),
    section('Gifts and hospitality', id.s3),
    para('Register any gift or hospitality worth at least £50 within 28 days.', id.p6),
    para(text.p7, id.p7),
    para(text.p8, id.p8, true),
  ];
  const second = [
    section('Respect', id.s1),
    para(text.p1, id.p1),
    para(text.p3, id.p3),
    para(text.p5, id.p5),
    section('Confidentiality', id.s2),
    para(reword ?? text.p4, id.p4),
    section('Gifts and hospitality', id.s3),
    para('Register any gift or hospitality worth at least £10 within 28 days.', id.p6),
    para(text.p7, id.p7, true),
    para(text.p8, id.p8, true),
    section('Complying with the code', randomUUID()),
    para('Attend the code of conduct training the council provides.', randomUUID(), true),
  ];
  return { first, second };
}
