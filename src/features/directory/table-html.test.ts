import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTable } from './table-html.js';

test('the table has govukTable markup: caption, header cells, numeric cells', () => {
  const html = renderTable({
    caption: '2 councils',
    captionClasses: 'govuk-table__caption--m',
    head: [{ text: 'Council' }, { text: 'Councillors', format: 'numeric' }],
    rows: [[{ html: '<a class="govuk-link" href="/x">X</a>' }, { text: '7', format: 'numeric' }]],
  });
  assert.match(html, /^<table class="govuk-table">/);
  assert.match(html, /<caption class="govuk-table__caption govuk-table__caption--m">2 councils</);
  assert.match(html, /<th scope="col" class="govuk-table__header">Council<\/th>/);
  assert.match(html, /class="govuk-table__header govuk-table__header--numeric">Councillors</);
  assert.match(html, /<td class="govuk-table__cell"><a class="govuk-link" href="\/x">X<\/a><\/td>/);
  assert.match(html, /<td class="govuk-table__cell govuk-table__cell--numeric">7<\/td>/);
});

test('text is escaped; only html cells are taken as they are', () => {
  const html = renderTable({
    caption: 'Ward <b>',
    head: [{ text: 'A & B' }],
    rows: [[{ text: '<script>alert(1)</script>' }]],
  });
  assert.match(html, /Ward &lt;b&gt;/);
  assert.match(html, /A &amp; B/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /<script>/);
});
