import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeHtml, wordChangesHtml } from './diff-html.js';

test('every word is escaped; only the <ins> and <del> markup is HTML', () => {
  const html = wordChangesHtml([
    { type: 'same', text: '<b>Keep</b> & ' },
    { type: 'removed', text: '<script>alert(1)</script>' },
    { type: 'added', text: '"quoted" \'text\'' },
  ]);
  assert.equal(
    html,
    '&lt;b&gt;Keep&lt;/b&gt; &amp; ' +
      '<del class="probity-diff__del"><span class="govuk-visually-hidden">[removed: </span>' +
      '&lt;script&gt;alert(1)&lt;/script&gt;<span class="govuk-visually-hidden">]</span></del>' +
      '<ins class="probity-diff__ins"><span class="govuk-visually-hidden">[added: </span>' +
      '&quot;quoted&quot; &#39;text&#39;<span class="govuk-visually-hidden">]</span></ins>',
  );
});

test('a change of white space alone gets no marker', () => {
  assert.equal(
    wordChangesHtml([
      { type: 'same', text: 'one' },
      { type: 'removed', text: '  ' },
      { type: 'added', text: ' ' },
      { type: 'same', text: 'two' },
    ]),
    'one two',
  );
});

test('each change says in words what it is, before and after its text', () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, '');
  assert.equal(text(changeHtml('added', 'new words')), '[added: new words]');
  assert.equal(text(changeHtml('removed', 'old words')), '[removed: old words]');
});
