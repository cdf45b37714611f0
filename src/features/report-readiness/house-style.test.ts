import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileHouseStyleWords, findConfusedWords, findHouseStyleWords } from './house-style.js';

const found = (text: string) => findConfusedWords(text).map((f) => f.text);

test('practise used as a noun is found; practise as a verb is not', () => {
  assert.deepEqual(
    found('This is best practise. Good practise matters. In practise, the practise of law.'),
    ['best practise', 'Good practise', 'In practise', 'the practise'],
  );
  assert.deepEqual(found('Members should practise what they preach. This is best practice.'), []);
  assert.deepEqual(found('Officers will practice the drill.'), ['will practice']);
});

test('complimentary where complementary is meant; complimentary tickets are fine', () => {
  assert.deepEqual(found('It will be coupled with a complimentary training schedule.'), [
    'complimentary training',
  ]);
  assert.deepEqual(found('A complimentary programme and a complimentary approach.'), [
    'complimentary programme',
    'complimentary approach',
  ]);
  assert.deepEqual(found('Members may not accept complimentary tickets.'), []);
});

test('affect and effect in common patterns', () => {
  assert.deepEqual(found('It had an affect on members. The rule will take affect in May.'), [
    'an affect',
    'take affect',
  ]);
  assert.deepEqual(found('The change will effect the budget.'), ['will effect the']);
  assert.deepEqual(
    found('We aim to effect change. It has an effect on members. It will affect the budget.'),
    [],
  );
});

test('licence and license, principle and principal', () => {
  assert.deepEqual(found('The premises license was granted. The taxi was licenced.'), [
    'premises license',
    'licenced',
  ]);
  assert.deepEqual(found('The council will license the premises under its licence.'), []);
  assert.deepEqual(found('Agreed in principal by the principle officer.'), [
    'in principal',
    'principle officer',
  ]);
  assert.deepEqual(found('Agreed in principle by the principal officer.'), []);
});

test('a comma breaks a pattern', () => {
  assert.deepEqual(found('Of all the options, the best, practise it.'), []);
});

test('the council’s own words: whole words, any case, escaped', () => {
  const compiled = compileHouseStyleWords([
    { pattern: 'utilise', advice: 'Use "use".' },
    { pattern: 'e.g.', advice: 'Write "for example".' },
  ]);
  assert.deepEqual(
    findHouseStyleWords('We UTILISE it, e.g. daily; utilised and egg are fine.', compiled).map(
      (f) => f.text,
    ),
    ['UTILISE', 'e.g.'],
  );
});
