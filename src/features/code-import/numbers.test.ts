import { test } from 'node:test';
import assert from 'node:assert/strict';
import { letterIndex, readLeadingNumber } from './numbers.js';

const read = (text: string) => {
  const r = readLeadingNumber(text);
  return { ...r.number, written: r.written, rest: r.rest };
};

test('section numbers: 1, 1., 1.0 and "Section 1", with the number taken off the text', () => {
  for (const text of [
    '2 Bullying',
    '2. Bullying',
    '2.0 Bullying',
    '2.0. Bullying',
    'Section 2: Bullying',
    '2.\tBullying',
  ]) {
    assert.deepEqual(
      read(text.replace('\t', ' ')),
      {
        kind: 'section',
        section: 2,
        written: text.startsWith('Section') ? 'Section 2' : text.startsWith('2.0') ? '2.0' : '2',
        rest: 'Bullying',
      },
      text,
    );
  }
});

test('paragraph numbers: 2.1 and 2.1., and A.1 in an appendix', () => {
  assert.deepEqual(read('2.1 You must.'), {
    kind: 'paragraph',
    part: '2',
    paragraph: 1,
    written: '2.1',
    rest: 'You must.',
  });
  assert.deepEqual(read('2.13. You must.'), {
    kind: 'paragraph',
    part: '2',
    paragraph: 13,
    written: '2.13',
    rest: 'You must.',
  });
  assert.deepEqual(read('B.3 Land.'), {
    kind: 'paragraph',
    part: 'B',
    paragraph: 3,
    written: 'B.3',
    rest: 'Land.',
  });
});

test('sub-paragraphs: (a), a), (iv), (1), 2.1(a), 2.1 (b) and 2.1.3', () => {
  const sub = (text: string) => {
    const r = read(text);
    return [
      'kind' in r ? r.kind : undefined,
      'part' in r ? r.part : undefined,
      'paragraph' in r ? r.paragraph : undefined,
      'sub' in r ? r.sub : undefined,
      r.rest,
    ];
  };
  assert.deepEqual(sub('(a) in meetings'), ['sub-paragraph', null, null, 1, 'in meetings']);
  assert.deepEqual(sub('c) online'), ['sub-paragraph', null, null, 3, 'online']);
  assert.deepEqual(sub('(iv) fourth'), ['sub-paragraph', null, null, 4, 'fourth']);
  assert.deepEqual(sub('(i) ninth letter or first numeral: a letter'), [
    'sub-paragraph',
    null,
    null,
    9,
    'ninth letter or first numeral: a letter',
  ]);
  assert.deepEqual(sub('(2) second'), ['sub-paragraph', null, null, 2, 'second']);
  assert.deepEqual(sub('2.1(a) text'), ['sub-paragraph', '2', 1, 1, 'text']);
  assert.deepEqual(sub('2.1 (b) text'), ['sub-paragraph', '2', 1, 2, 'text']);
  assert.deepEqual(sub('2.1.3 text'), ['sub-paragraph', '2', 1, 3, 'text']);
});

test('appendices by letter, number or Roman numeral, with or without a title', () => {
  assert.deepEqual(read('Appendix A'), {
    kind: 'appendix',
    label: 'A',
    written: 'Appendix A',
    rest: '',
  });
  assert.deepEqual(read('Appendix B: Registering interests'), {
    kind: 'appendix',
    label: 'B',
    written: 'Appendix B',
    rest: 'Registering interests',
  });
  assert.deepEqual(read('APPENDIX c – The Committee'), {
    kind: 'appendix',
    label: 'C',
    written: 'APPENDIX c',
    rest: 'The Committee',
  });
  assert.deepEqual(read('Annex 2 Principles'), {
    kind: 'appendix',
    label: '2',
    written: 'Annex 2',
    rest: 'Principles',
  });
  assert.deepEqual(read('Appendix II'), {
    kind: 'appendix',
    label: '2',
    written: 'Appendix II',
    rest: '',
  });
});

test('typed bullets, and text that only looks numbered', () => {
  assert.deepEqual(read('• a bullet'), { kind: 'bullet', written: '•', rest: 'a bullet' });
  assert.deepEqual(read('- a dash'), { kind: 'bullet', written: '-', rest: 'a dash' });
  for (const text of [
    '2021 was the year',
    'Appendixes are at the end',
    '£50 threshold',
    'Respect',
    'A. Smith',
    '1.5million',
  ]) {
    assert.equal(readLeadingNumber(text).number, null, text);
  }
});

test('letters count as the core numbering writes them', () => {
  assert.deepEqual(['a', 'b', 'z', 'aa', 'ab'].map(letterIndex), [1, 2, 26, 27, 28]);
});
