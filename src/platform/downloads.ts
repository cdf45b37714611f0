/**
 * A Content-Disposition header for a file Probity sends. The plain `filename` carries an ASCII
 * version of the name that no browser can misread (quotes, slashes and control characters
 * replaced); `filename*` (RFC 6266 / RFC 8187) carries the name itself, accents and curly
 * apostrophes included, for browsers that read it.
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const base = fileName.replace(/^.*[\\/]/, '') || 'download';
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\%]/g, '_')
      .slice(0, 150) || 'download';
  const encoded = encodeURIComponent(base).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return ascii === base
    ? `${disposition}; filename="${ascii}"`
    : `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
