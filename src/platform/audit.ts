import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.js';
import type { AuditChanges } from '../db/schema.js';

export interface AuditEntry {
  /** who did it: a person id, or null for the system (seeding, scheduled jobs) */
  actorPersonId: number | null;
  entity: string;
  entityId: string | number;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
}

/** Fields never written to the audit trail, even as changed. */
const SECRET_FIELDS = new Set(['password_hash', 'token_hash', 'id_hash']);

function comparable(value: unknown): string {
  return JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
}

/** The fields whose values differ, with their before and after values. */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const b = before?.[key];
    const a = after?.[key];
    if (comparable(b) === comparable(a)) continue;
    if (SECRET_FIELDS.has(key)) {
      changes[key] = { before: b === undefined ? undefined : '(hidden)', after: '(changed)' };
      continue;
    }
    changes[key] = {
      ...(before ? { before: b instanceof Date ? b.toISOString() : (b ?? null) } : {}),
      ...(after ? { after: a instanceof Date ? a.toISOString() : (a ?? null) } : {}),
    };
  }
  return changes;
}

/**
 * Write one append-only audit record. Call it with the transaction that makes the change,
 * so the change and its record commit or fail together.
 */
export async function recordAudit(db: DbOrTrx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_person_id: entry.actorPersonId,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      action: entry.action,
      changes: JSON.stringify(diffFields(entry.before, entry.after)),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

/** One change of many made by the same person in the same request. */
export type AuditRecord = Omit<AuditEntry, 'actorPersonId' | 'requestId'>;

const AUDIT_CHUNK = 5000;

/**
 * The same records `recordAudit` writes, for a change that touches thousands of rows (an
 * import): a few statements in all, the rows travelling as one JSON parameter each.
 */
export async function recordAudits(
  db: DbOrTrx,
  actor: { actorPersonId: number | null; requestId?: string | null },
  entries: readonly AuditRecord[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    const rows = entries.slice(i, i + AUDIT_CHUNK).map((entry) => ({
      entity: entry.entity,
      entity_id: String(entry.entityId),
      action: entry.action,
      changes: diffFields(entry.before, entry.after),
    }));
    await sql`
      insert into audit_events (actor_person_id, entity, entity_id, action, changes, request_id)
      select ${actor.actorPersonId}::int, r.entity, r.entity_id, r.action, r.changes,
             ${actor.requestId ?? null}::text
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(entity text, entity_id text, action text, changes jsonb)
    `.execute(db);
  }
}
