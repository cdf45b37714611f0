import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { findVersionInForce, listItems, type CodeItem } from '../code-of-conduct/index.js';

/**
 * Links from learning content (workshop plans, scenarios) to paragraphs of a council's code.
 * A link keeps the paragraph's anchor, its lineage (which survives renumbering between
 * versions), the version seen when linking and a digest of the paragraph's text then. A link
 * needs review when the version in force has no paragraph of that lineage, or has one whose
 * text differs: the content may teach what the code no longer says.
 */
export interface ParagraphLink {
  anchor: string;
  lineage: string;
  code_version_id: number;
  digest: string;
}

export interface LinkablePargraph {
  anchor: string;
  number: string;
  /** the heading of its section, for grouping choices */
  section: string;
  text: string;
}

/** The digest of a paragraph's words (heading and body), as kept in a link. */
export function paragraphDigest(item: Pick<CodeItem, 'heading' | 'body'>): string {
  return createHash('sha256')
    .update(`${item.heading ?? ''}\n${item.body ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * The paragraphs of the code in force that content can link to, in reading order, with the
 * heading of the section each sits in. Empty when the council has no code in force.
 */
export async function linkableParagraphs(
  db: DbOrTrx,
  authorityId: number,
): Promise<{ versionId: number | null; paragraphs: LinkablePargraph[] }> {
  const version = await findVersionInForce(db, authorityId);
  if (!version) return { versionId: null, paragraphs: [] };
  const paragraphs: LinkablePargraph[] = [];
  let section = '';
  for (const item of await listItems(db, version.id)) {
    if (item.kind !== 'paragraph') {
      section = `${item.number} ${item.heading ?? ''}`.trim();
      continue;
    }
    paragraphs.push({
      anchor: item.anchor,
      number: item.number,
      section,
      text: item.body ?? '',
    });
  }
  return { versionId: version.id, paragraphs };
}

/**
 * Links for the given anchors of the code in force. Anchors the code in force does not have
 * come back in `unknown`, for the caller to refuse with a message.
 */
export async function linksForAnchors(
  db: DbOrTrx,
  authorityId: number,
  anchors: readonly string[],
): Promise<{ links: ParagraphLink[]; unknown: string[] }> {
  const wanted = [...new Set(anchors)];
  if (wanted.length === 0) return { links: [], unknown: [] };
  const version = await findVersionInForce(db, authorityId);
  if (!version) return { links: [], unknown: wanted };
  const items = await db
    .selectFrom('code_items')
    .select(['anchor', 'lineage', 'heading', 'body'])
    .where('version_id', '=', version.id)
    .where('kind', '=', 'paragraph')
    .where('anchor', 'in', wanted)
    .execute();
  const byAnchor = new Map(items.map((i) => [i.anchor, i]));
  return {
    links: wanted.flatMap((anchor) => {
      const item = byAnchor.get(anchor);
      return item
        ? [
            {
              anchor,
              lineage: item.lineage,
              code_version_id: version.id,
              digest: paragraphDigest(item),
            },
          ]
        : [];
    }),
    unknown: wanted.filter((a) => !byAnchor.has(a)),
  };
}

export interface LinkState {
  anchor: string;
  lineage: string;
  /** the paragraph's number in the version it was linked in */
  linkedNumber: string;
  /** in the code in force: its number and anchor now, or null when it is gone */
  current: { number: string; anchor: string; text: string } | null;
  /** 'current': unchanged; 'changed': its words changed; 'removed': no longer in the code */
  state: 'current' | 'changed' | 'removed';
}

/**
 * Where each link stands against the code in force. With no code in force every link is
 * reported as it was linked ('current'): there is nothing newer to compare with.
 */
export async function linkStates(
  db: DbOrTrx,
  authorityId: number,
  links: readonly ParagraphLink[],
): Promise<LinkState[]> {
  if (links.length === 0) return [];
  const version = await findVersionInForce(db, authorityId);
  const lineages = links.map((l) => l.lineage);
  const rows = await db
    .selectFrom('code_items')
    .select(['version_id', 'lineage', 'number', 'anchor', 'heading', 'body'])
    .where('lineage', 'in', lineages)
    .where((eb) =>
      eb.or([
        eb('version_id', 'in', [...new Set(links.map((l) => l.code_version_id))]),
        ...(version ? [eb('version_id', '=', version.id)] : []),
      ]),
    )
    .execute();
  const find = (versionId: number, lineage: string) =>
    rows.find((r) => r.version_id === versionId && r.lineage === lineage);
  return links.map((link) => {
    const then = find(link.code_version_id, link.lineage);
    const linkedNumber = then?.number ?? link.anchor;
    if (!version || version.id === link.code_version_id)
      return {
        anchor: link.anchor,
        lineage: link.lineage,
        linkedNumber,
        current: then ? { number: then.number, anchor: then.anchor, text: then.body ?? '' } : null,
        state: 'current',
      };
    const now = find(version.id, link.lineage);
    if (!now)
      return {
        anchor: link.anchor,
        lineage: link.lineage,
        linkedNumber,
        current: null,
        state: 'removed',
      };
    return {
      anchor: link.anchor,
      lineage: link.lineage,
      linkedNumber,
      current: { number: now.number, anchor: now.anchor, text: now.body ?? '' },
      state: paragraphDigest(now) === link.digest ? 'current' : 'changed',
    };
  });
}

/**
 * The ids among `ids` of content (plans or scenarios) with a link needing review, in one
 * query: for lists. `table` is the link table, `key` its content column.
 */
export async function idsNeedingReview(
  db: DbOrTrx,
  authorityId: number,
  table: 'workshop_paragraphs' | 'scenario_paragraphs',
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const version = await findVersionInForce(db, authorityId);
  if (!version) return new Set();
  const key = table === 'workshop_paragraphs' ? 'plan_id' : 'scenario_id';
  const rows = await sql<{ id: number }>`
    select distinct l.${sql.ref(key)} as id
    from ${sql.table(table)} l
    left join code_items now on now.version_id = ${version.id} and now.lineage = l.lineage
    where l.${sql.ref(key)} = any(${sql.val([...ids])}::int[])
      and l.code_version_id <> ${version.id}
      and (now.id is null or left(encode(sha256(convert_to(coalesce(now.heading, '') || chr(10) || coalesce(now.body, ''), 'UTF8')), 'hex'), 32) <> l.digest)
  `.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}
