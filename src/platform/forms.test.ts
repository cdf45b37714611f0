import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseDateInput, parseForm } from './forms.js';

test('form errors come out shaped for the GOV.UK error summary, one per field, in order', () => {
  const schema = z.object({
    name: z.string({ error: 'Enter a name' }),
    age: z.coerce.number().min(18, 'Must be 18 or over'),
  });
  const result = parseForm(schema, { age: '12' });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errorList, [
    { text: 'Enter a name', href: '#name' },
    { text: 'Must be 18 or over', href: '#age' },
  ]);
  assert.deepEqual(result.errors.name, { text: 'Enter a name' });
});

test('date inputs accept real dates and explain what is wrong with others', () => {
  assert.deepEqual(parseDateInput({}, 'from', 'The date').value, undefined);
  assert.equal(
    parseDateInput({ 'from-day': '7', 'from-month': '3', 'from-year': '2026' }, 'from', 'The date')
      .value,
    '2026-03-07',
  );
  assert.match(
    parseDateInput({ 'from-day': '29', 'from-month': '2', 'from-year': '2026' }, 'from', 'The date')
      .error ?? '',
    /must be a real date/,
  );
  assert.match(
    parseDateInput({ 'from-day': '1', 'from-year': '2026' }, 'from', 'The date').error ?? '',
    /must include a day, month and year/,
  );
  assert.equal(
    parseDateInput({ 'from-day': '29', 'from-month': '2', 'from-year': '2028' }, 'from', 'D').value,
    '2028-02-29',
  );
});
