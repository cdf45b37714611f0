import type { DbOrTrx } from '../../db/database.js';

export interface CodeAuthority {
  id: number;
  slug: string;
  name: string;
}

/** An authority by its slug, as in `/code/<slug>`. */
export async function findAuthority(db: DbOrTrx, slug: string): Promise<CodeAuthority | null> {
  return (
    (await db
      .selectFrom('authorities')
      .select(['id', 'slug', 'name'])
      .where('slug', '=', slug)
      .executeTakeFirst()) ?? null
  );
}
