import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FRAGMENT_PLACEHOLDER,
  cachedFragment,
  cachedParts,
  collapseBlankLines,
  spliceFragment,
} from './page-cache.js';

test('blank lines and indentation between tags become one line break', () => {
  const html = '<ul>\n    \n    <li>One</li>\n\n      <li>Two <b>bold</b></li>\n</ul>';
  assert.equal(collapseBlankLines(html), '<ul>\n<li>One</li>\n<li>Two <b>bold</b></li>\n</ul>');
});

test('spaces within a line are kept, since they separate words and inline elements', () => {
  const html = '<p>Councillor   <a href="/x">Zoë Hart</a> (chair)</p>';
  assert.equal(collapseBlankLines(html), html);
});

test('a page with preformatted text or a text area is left exactly as made', () => {
  const pre = '<pre>line one\n\n    indented</pre>\n\n  <p>x</p>';
  const area = '<textarea name="a">\n\n  kept\n</textarea>';
  assert.equal(collapseBlankLines(pre), pre);
  assert.equal(collapseBlankLines(area), area);
});

test('cached parts are split where the nonce goes, and keep non-ASCII names intact', () => {
  const parts = cachedParts(
    '<script nonce="probity-nonce-placeholder"></script>\n\n<p>Zoë</p><script nonce="probity-nonce-placeholder">',
  );
  assert.equal(parts.length, 3);
  assert.equal(
    Buffer.concat([parts[0]!, Buffer.from('N1'), parts[1]!, Buffer.from('N1'), parts[2]!]).toString(
      'utf8',
    ),
    '<script nonce="N1"></script>\n<p>Zoë</p><script nonce="N1">',
  );
});

test('a cached fragment is spliced into the page rendered around it, bytes intact', () => {
  const fragment = cachedFragment('<table>\n\n    <tr><td>Zoë</td></tr>\n</table>');
  const page = spliceFragment(`<main>${FRAGMENT_PLACEHOLDER}</main>`, fragment);
  assert.equal(page.toString('utf8'), '<main><table>\n<tr><td>Zoë</td></tr>\n</table></main>');
  assert.throws(() => spliceFragment('<main></main>', fragment), /no place/);
});
