import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { numberItems } from '../code-of-conduct/index.js';
import { plain, type SourceBlock, type TextRun } from './blocks.js';
import { detectStructure } from './structure.js';

let line = 0;
const block = (
  style: SourceBlock['style'],
  runs: TextRun[],
  extra: Partial<SourceBlock> = {},
): SourceBlock => ({
  source: ++line,
  style,
  level: style === 'heading' ? 1 : null,
  runs,
  list: null,
  ...extra,
});
const h = (text: string, level = 1) => block('heading', [plain(text)], { level });
const p = (text: string, marks: { italic?: boolean; bold?: boolean } = {}) =>
  block('paragraph', [plain(text, marks)]);
const li = (text: string, level = 0, ordered = false) =>
  block('paragraph', [plain(text)], { list: { level, ordered } });

const detect = (...blocks: SourceBlock[]) => detectStructure({ blocks, notes: [] });

/** The structure as the draft will number it: "number kind text [local]". */
function outline(blocks: SourceBlock[]): string[] {
  const result = detectStructure({ blocks, notes: [] });
  const numbered = numberItems(result.items);
  assert.ok(numbered.ok, 'what was placed can be numbered');
  return numbered.items.map(
    (i) =>
      `${i.number} ${i.kind === 'paragraph' ? `p${i.depth}` : i.kind} ${i.heading ?? i.body}` +
      (i.origin === 'local' ? ' [local]' : ''),
  );
}

const messages = (blocks: SourceBlock[]) =>
  detectStructure({ blocks, notes: [] }).problems.map(
    (p) => `${p.severity}@${p.source}: ${p.message}`,
  );

describe('numbering typed in the text is read and removed', () => {
  test('sections, paragraphs, sub-paragraphs and appendices', () => {
    assert.deepEqual(
      outline([
        h('1. Respect'),
        p('1.1 You treat everyone with courtesy.'),
        p('1.2. You do not bully anyone.'),
        p('(a) not in meetings;'),
        p('b) not online.'),
        h('2.0 Bullying'),
        p('2.1 Text of 2.1.'),
        p('2.1(a) A sub-paragraph written in full.'),
        p('2.1.2 A third level written with dots.'),
        h('3 Impartiality'),
        p('3.1 Officers are impartial.'),
        h('Appendix A'),
        h('The seven principles', 2),
        p('A.1 Selflessness.'),
        h('Appendix B: Registering interests'),
        p('Within 28 days.'),
      ]),
      [
        '1 section Respect',
        '1.1 p1 You treat everyone with courtesy.',
        '1.2 p1 You do not bully anyone.',
        '1.2(a) p2 not in meetings;',
        '1.2(b) p2 not online.',
        '2 section Bullying',
        '2.1 p1 Text of 2.1.',
        '2.1(a) p2 A sub-paragraph written in full.',
        '2.1(b) p2 A third level written with dots.',
        '3 section Impartiality',
        '3.1 p1 Officers are impartial.',
        'A appendix The seven principles',
        'A.1 p1 Selflessness.',
        'B appendix Registering interests',
        'B.1 p1 Within 28 days.',
      ],
    );
  });

  test('a section number on an ordinary paragraph line, when it reads as a heading', () => {
    assert.deepEqual(
      outline([p('1. Respect'), p('1.1 Be courteous.'), p('2 Bullying'), p('2.1 No.')]),
      ['1 section Respect', '1.1 p1 Be courteous.', '2 section Bullying', '2.1 p1 No.'],
    );
  });

  test('a number in front of a sentence is a paragraph numbered by the document, not a section', () => {
    assert.deepEqual(
      outline([h('Respect'), p('1. You must be courteous.'), p('2. You must listen.')]),
      ['1 section Respect', '1.1 p1 You must be courteous.', '1.2 p1 You must listen.'],
    );
  });

  test('headings without numbers become sections; a top heading above them all is the title', () => {
    const blocks = [
      h('Members’ Code of Conduct', 1),
      h('Introduction', 2),
      p('This code applies.'),
      h('Definitions', 2),
      p('A member means a councillor.'),
    ];
    const result = detect(...blocks);
    assert.equal(result.title, 'Members’ Code of Conduct');
    assert.deepEqual(outline(blocks), [
      '1 section Introduction',
      '1.1 p1 This code applies.',
      '2 section Definitions',
      '2.1 p1 A member means a councillor.',
    ]);
  });

  test('without a separate title, the first heading names the draft and is a section too', () => {
    const result = detect(h('1. Respect'), p('1.1 Text.'), h('2. Bullying'), p('2.1 Text.'));
    assert.equal(result.title, 'Respect');
    assert.equal(result.items[0]?.heading, 'Respect');
  });

  test('paragraphs inside an appendix are appendix paragraphs, whatever their style', () => {
    assert.deepEqual(
      outline([
        h('Respect'),
        p('Be kind.'),
        h('Appendix A – The principles'),
        h('Selflessness', 2),
        p('1. Act in the public interest.'),
        p('Integrity'),
      ]),
      [
        '1 section Respect',
        '1.1 p1 Be kind.',
        'A appendix The principles',
        'A.1 p1 Selflessness',
        'A.2 p1 Act in the public interest.',
        'A.3 p1 Integrity',
      ],
    );
  });

  test('appendices numbered 1, 2 or I, II become lettered appendices', () => {
    assert.deepEqual(
      outline([
        h('Respect'),
        p('Text.'),
        h('Appendix 1: Principles'),
        p('One.'),
        h('Appendix II: Interests'),
        p('Two.'),
      ]),
      [
        '1 section Respect',
        '1.1 p1 Text.',
        'A appendix Principles',
        'A.1 p1 One.',
        'B appendix Interests',
        'B.1 p1 Two.',
      ],
    );
  });

  test('a sentence that starts with the word Appendix is a paragraph', () => {
    assert.deepEqual(outline([h('Interests'), p('Appendix B sets out what to register.')]), [
      '1 section Interests',
      '1.1 p1 Appendix B sets out what to register.',
    ]);
  });
});

describe('documents written without heading styles', () => {
  test('bold lines are the section headings when nothing else is', () => {
    assert.deepEqual(
      outline([
        p('Respect', { bold: true }),
        p('Be courteous to everyone.'),
        p('You must not, in a bold sentence, bully.', { bold: true }),
        p('Gifts and hospitality', { bold: true }),
        p('Register gifts.'),
      ]),
      [
        '1 section Respect',
        '1.1 p1 Be courteous to everyone.',
        '1.2 p1 You must not, in a bold sentence, bully.',
        '2 section Gifts and hospitality',
        '2.1 p1 Register gifts.',
      ],
    );
  });

  test('once the document has headings or numbered sections, a bold line is only text', () => {
    assert.deepEqual(outline([p('1. Respect'), p('Examples', { bold: true }), p('1.1 Text.')]), [
      '1 section Respect',
      '1.1 p1 Examples',
      '1.2 p1 Text.',
    ]);
  });

  test('a sentence that starts with "Section 2" keeps its words', () => {
    assert.deepEqual(outline([h('Interests'), p('Section 2 of the Act says so.')]), [
      '1 section Interests',
      '1.1 p1 Section 2 of the Act says so.',
    ]);
  });
});

describe('lists: Word’s automatic numbering and Markdown lists set the depth', () => {
  test('numbered list levels 0 and 1 are paragraphs and sub-paragraphs', () => {
    assert.deepEqual(
      outline([
        h('Respect'),
        li('Be courteous.', 0, true),
        li('in meetings', 1, true),
        li('online', 1, true),
        li('Listen.', 0, true),
      ]),
      [
        '1 section Respect',
        '1.1 p1 Be courteous.',
        '1.1(a) p2 in meetings',
        '1.1(b) p2 online',
        '1.2 p1 Listen.',
      ],
    );
  });

  test('bullets after a paragraph are its sub-paragraphs; bullets straight after a heading are paragraphs; a typed bullet joins the list', () => {
    assert.deepEqual(
      outline([
        h('Respect'),
        li('First.'),
        li('Second.'),
        p('You must not:'),
        li('bully'),
        li('harass'),
        p('• typed bullet'),
      ]),
      [
        '1 section Respect',
        '1.1 p1 First.',
        '1.2 p1 Second.',
        '1.3 p1 You must not:',
        '1.3(a) p2 bully',
        '1.3(b) p2 harass',
        '1.3(c) p2 typed bullet',
      ],
    );
  });

  test('Word headings numbered by a list: the top level is a section, deeper ones paragraphs', () => {
    const heading = (text: string, level: number, listLevel: number) =>
      block('heading', [plain(text)], { level, list: { level: listLevel, ordered: true } });
    assert.deepEqual(outline([heading('Respect', 1, 0), heading('Courtesy', 2, 1), p('Text.')]), [
      '1 section Respect',
      '1.1 p1 Courtesy',
      '1.2 p1 Text.',
    ]);
  });
});

describe('local additions are the paragraphs in italics', () => {
  test('a wholly italic paragraph, heading or sub-paragraph is a local addition; the number does not count', () => {
    const blocks = [
      h('Respect'),
      p('Model text.'),
      block('paragraph', [plain('1.2 '), plain('Our own rule, in italics.', { italic: true })]),
      block('heading', [plain('Social media', { italic: true })], { level: 1 }),
      block('paragraph', [
        plain('(a) '),
        plain('Nearly all italic but the last word', { italic: true }),
        plain(' x'),
      ]),
    ];
    assert.deepEqual(outline(blocks), [
      '1 section Respect',
      '1.1 p1 Model text.',
      '1.2 p1 Our own rule, in italics. [local]',
      '2 section Social media [local]',
    ]);
  });

  test('at least 90% of the characters in italics makes a local addition; half is flagged, not marked', () => {
    const ninety = [plain('abcdefghi', { italic: true }), plain('j')];
    const half = [plain('abcde', { italic: true }), plain('fghij')];
    const emphasis = [
      plain('You must '),
      plain('not', { italic: true }),
      plain(' do this at any time.'),
    ];
    const blocks = [
      h('S'),
      block('paragraph', ninety),
      block('paragraph', half),
      block('paragraph', emphasis),
    ];
    const result = detect(...blocks);
    assert.deepEqual(
      result.items.map((i) => i.origin),
      ['model', 'local', 'model', 'model'],
    );
    assert.deepEqual(
      messages(blocks).map((m) => m.replace(/^\w+-?\w*@\d+: /, '')),
      [
        'Partly in italics, so it was imported as model text: if it is a local addition, mark it so in the draft',
      ],
    );
  });
});

describe('what cannot be placed is reported with where it is and how it starts', () => {
  test('text before the first heading is left out', () => {
    line = 0;
    const result = detect(p('Adopted by the Council on 1 April.'), h('Respect'), p('Text.'));
    assert.deepEqual(result.problems, [
      {
        severity: 'left-out',
        source: 1,
        text: 'Adopted by the Council on 1 April.',
        message:
          'Text before the first heading has no place in the code: give it a heading, or leave it out',
      },
    ]);
    assert.equal(result.items.length, 2);
  });

  test('a sub-paragraph with no paragraph before it is left out', () => {
    line = 0;
    const result = detect(h('Respect'), p('(a) dangling'), p('1.1 Fine.'));
    assert.deepEqual(
      result.problems.map((x) => [x.severity, x.source, x.message]),
      [['left-out', 2, 'A sub-paragraph with no paragraph before it in its section']],
    );
    assert.deepEqual(
      result.items.map((i) => i.body ?? i.heading),
      ['Respect', 'Fine.'],
    );
  });

  test('an empty document, or one of blank paragraphs, has nothing to place', () => {
    for (const blocks of [[], [p(''), p('   \t ')]]) {
      const result = detect(...blocks);
      assert.equal(result.items.length, 0);
      assert.deepEqual(
        result.problems.map((x) => x.message),
        ['The file has no text in it, so there is nothing to import'],
      );
    }
  });

  test('a section after the appendices and a part heading above the sections are left out', () => {
    line = 0;
    const blocks = [
      h('1. Respect', 2),
      p('1.1 Text.'),
      h('Part 2', 1),
      h('Appendix A: Principles', 2),
      p('Text.'),
      h('2. Late section', 2),
    ];
    const result = detect(...blocks);
    assert.deepEqual(
      result.problems.map((x) => [x.source, x.severity]),
      [
        [3, 'left-out'],
        [6, 'left-out'],
      ],
    );
    assert.deepEqual(outline(blocks), [
      '1 section Respect',
      '1.1 p1 Text.',
      'A appendix Principles',
      'A.1 p1 Text.',
    ]);
  });

  test('a long text is cut at a word for the message', () => {
    line = 0;
    const result = detect(
      p(
        'This introduction runs on for a long time, well past the sixty characters a message shows.',
      ),
      h('S'),
    );
    assert.equal(
      result.problems[0]?.text,
      'This introduction runs on for a long time, well past the…',
    );
  });
});

describe('numbering that breaks its sequence is a warning, and the item is still placed', () => {
  test('a jump from 2.1 to 2.4 is reported once; what follows on from it is not', () => {
    line = 0;
    const blocks = [
      h('1. Respect'),
      p('1.1 A.'),
      h('2. Bullying'),
      p('2.1 B.'),
      p('2.4 C.'),
      p('2.5 D.'),
      p('(a) E.'),
      p('(c) F.'),
    ];
    assert.deepEqual(messages(blocks), [
      'warning@5: Numbered 2.4 in the document, straight after 2.1: it will be 2.2',
      'warning@8: Numbered (c) in the document, straight after (a): it will be 2.3(b)',
    ]);
    assert.equal(detect(...blocks).items.length, 8);
  });

  test('sections that skip a number, a repeated number, and a paragraph numbered for another section', () => {
    line = 0;
    const blocks = [h('1. A'), p('1.1 x.'), p('1.1 y.'), h('3. C'), p('2.1 z.')];
    assert.deepEqual(messages(blocks), [
      'warning@3: Numbered 1.1 in the document, straight after 1.1: it will be 1.2',
      'warning@4: Numbered 3 in the document, straight after 1: it will be 2',
      'warning@5: Numbered 2.1 in the document: it will be 2.1',
    ]);
  });

  test('unnumbered headings in between do not make the next number look like a jump', () => {
    line = 0;
    assert.deepEqual(
      messages([h('1. Intro'), h('Definitions'), h('3. Respect'), p('3.1 Text.')]),
      [],
    );
  });
});
