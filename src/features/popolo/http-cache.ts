import { createHash } from 'node:crypto';

/** A strong ETag: a digest of the exact bytes sent, so it changes whenever they do. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header matches the current ETag, by the weak comparison HTTP
 * requires for it (RFC 9110, 13.1.2): `*`, or any listed tag equal to ours once `W/` is set
 * aside.
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === ours);
}
