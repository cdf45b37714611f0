import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { cachedUntilDataChanges } from '../../platform/data-version.js';
import { toPopoloDocument } from './document.js';
import { etagOf } from './http-cache.js';
import { findAuthorityIdBySlug, loadPublicRecords } from './repository.js';

export interface PopoloFile {
  /** the JSON text as sent: UTF-8 bytes, encoded once when the file is built, not per response */
  body: Buffer;
  etag: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Builds the open-data files. Requests for the same file that arrive while it is being built
 * share that one build, so a burst of downloads costs one set of queries, not one each.
 */
export function createPopoloPublisher(db: Db) {
  const building = new Map<string, Promise<PopoloFile>>();

  async function build(authoritySlug: string | null): Promise<PopoloFile> {
    let authorityId: number | null = null;
    if (authoritySlug !== null) {
      authorityId = SLUG.test(authoritySlug)
        ? await findAuthorityIdBySlug(db, authoritySlug)
        : null;
      if (authorityId === null) throw notFound('There is no council with that name');
    }
    const records = await loadPublicRecords(db, { authorityId });
    const json = JSON.stringify(toPopoloDocument(records));
    return { body: Buffer.from(json, 'utf8'), etag: etagOf(json) };
  }

  function shared(authoritySlug: string | null): Promise<PopoloFile> {
    const key = authoritySlug ?? '';
    const pending = building.get(key);
    if (pending) return pending;
    const started = build(authoritySlug).finally(() => building.delete(key));
    building.set(key, started);
    return started;
  }

  /**
   * The file for every authority (null), or for the authority with this slug: built once and
   * kept until the data changes (decision 0022), like the public pages it mirrors. A council
   * that does not exist is a 404 and is not kept.
   */
  function popoloFile(authoritySlug: string | null): Promise<PopoloFile> {
    return cachedUntilDataChanges(db, `popolo:${authoritySlug ?? ''}`, () => shared(authoritySlug));
  }

  return { popoloFile };
}
