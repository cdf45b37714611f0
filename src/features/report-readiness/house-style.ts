import { ParseEnglish } from 'parse-english';
import { toString } from 'nlcst-to-string';
import type { Sentence } from 'nlcst';

/**
 * House style: words commonly confused in British English, found by patterns over the words of
 * each sentence (tokenised by `parse-english`, the parser behind `retext-english`; see decision
 * 0020), plus the council's own list of words to avoid (whole words, any case).
 */
export interface StyleFinding {
  /** the words as written */
  text: string;
  advice: string;
}

/** A word matcher: one word (lower case), any of several, or a test. */
type Matcher = string | readonly string[] | ((word: string) => boolean);

interface ConfusedWordRule {
  words: readonly Matcher[];
  advice: string;
}

const DETERMINERS = ['a', 'an', 'the', 'this', 'that', 'our', 'their', 'its', 'his', 'her', 'your'];
const PRACTICE_BEFORE = [
  ...DETERMINERS,
  'best',
  'good',
  'poor',
  'bad',
  'common',
  'standard',
  'professional',
  'current',
  'usual',
  'normal',
  'working',
  'in',
  'into',
  'of',
];
const PRACTISE_NOUN =
  "'Practise' is the verb; the noun is 'practice' (best practice, in practice, a code of practice).";
const PRACTICE_VERB = "In British English the verb is 'practise'; 'practice' is the noun.";
const COMPLEMENTARY =
  "'Complimentary' means praising or free of charge; something that completes or goes well " +
  "with another is 'complementary'.";
const EFFECT_NOUN =
  "The noun is 'effect' (an effect, take effect, an effect on); 'affect' is the verb.";
const AFFECT_VERB =
  "To change or influence something is to 'affect' it; 'effect' as a verb means to bring " +
  'about (to effect change).';
const LICENCE_NOUN = "In British English the noun is 'licence'; 'license' is the verb.";
const LICENSE_VERB =
  "In British English the verb is 'license' (licensed, licensing); the noun is 'licence'.";
const PRINCIPAL =
  "'Principal' means main or chief (principal officer); 'principle' is a rule or belief (in principle).";

const MODALS = [
  'will',
  'would',
  'may',
  'might',
  'could',
  'can',
  'shall',
  'should',
  'must',
  'to',
  'not',
];
const AFFECTED_OBJECTS = [
  'the',
  'this',
  'these',
  'those',
  'our',
  'their',
  'its',
  'his',
  'her',
  'them',
  'us',
  'you',
  'him',
  'any',
  'all',
  'members',
  'residents',
  'officers',
];
const COMPLEMENTED = [
  'training',
  'schedule',
  'programme',
  'programmes',
  'approach',
  'approaches',
  'measures',
  'skills',
  'policy',
  'policies',
  'role',
  'roles',
  'services',
  'work',
  'strategy',
  'strategies',
  'activities',
  'to',
];
const PRINCIPAL_NOUNS = [
  'officer',
  'officers',
  'authority',
  'aim',
  'aims',
  'purpose',
  'reason',
  'author',
  'source',
  'concern',
  'council',
];

export const CONFUSED_WORDS: readonly ConfusedWordRule[] = [
  { words: [PRACTICE_BEFORE, ['practise', 'practises']], advice: PRACTISE_NOUN },
  {
    words: [
      ['practise', 'practises'],
      ['of', 'guidance', 'note', 'notes', 'area'],
    ],
    advice: PRACTISE_NOUN,
  },
  { words: [MODALS, 'practice'], advice: PRACTICE_VERB },
  { words: ['complimentary', COMPLEMENTED], advice: COMPLEMENTARY },
  {
    words: [['an', 'adverse', 'positive', 'negative', 'significant', 'no', 'little'], 'affect'],
    advice: EFFECT_NOUN,
  },
  { words: [['take', 'takes', 'took', 'into'], 'affect'], advice: EFFECT_NOUN },
  { words: [['affect', 'affects'], 'on'], advice: EFFECT_NOUN },
  { words: [MODALS, 'effect', AFFECTED_OBJECTS], advice: AFFECT_VERB },
  {
    words: [
      DETERMINERS.concat(['premises', 'driving', 'taxi', 'alcohol', 'personal', 'valid', 'new']),
      ['license', 'licenses'],
    ],
    advice: LICENCE_NOUN,
  },
  { words: [['licenced', 'licencing', 'licencee', 'licencees']], advice: LICENSE_VERB },
  { words: [MODALS, 'licence'], advice: LICENSE_VERB },
  { words: ['in', 'principal'], advice: PRINCIPAL },
  { words: ['principle', PRINCIPAL_NOUNS], advice: PRINCIPAL },
  { words: [['principals'], 'of', ['good', 'natural', 'public', 'the']], advice: PRINCIPAL },
];

const parser = new ParseEnglish();

/** The sentences of a text, each as its words (lower case) with what they were written as. */
function sentences(text: string): { lower: string; written: string }[][] {
  const found: { lower: string; written: string }[][] = [];
  const tree = parser.parse(text);
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      found.push(wordsOf(sentence));
    }
  }
  return found;
}

function wordsOf(sentence: Sentence): { lower: string; written: string }[] {
  const words: { lower: string; written: string }[] = [];
  for (const node of sentence.children) {
    if (node.type === 'WordNode') {
      const written = toString(node);
      words.push({ lower: written.toLowerCase().replace(/’/g, "'"), written });
    } else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      // a comma or a bracket breaks a pattern as a sentence end does
      words.push({ lower: '', written: toString(node) });
    }
  }
  return words;
}

/** A matcher as a test of one word (lists become sets); punctuation never matches. */
function compileMatcher(matcher: Matcher): (word: string) => boolean {
  if (typeof matcher === 'string') return (word) => word === matcher;
  if (typeof matcher === 'function') return (word) => word !== '' && matcher(word);
  const set = new Set(matcher);
  return (word) => set.has(word);
}

const COMPILED_RULES = CONFUSED_WORDS.map((rule) => ({
  advice: rule.advice,
  tests: rule.words.map(compileMatcher),
}));

/** Every rule turns on one of these words: a text without any is not parsed at all. */
const TRIGGER = /practi[sc]|complimentary|affect|effect|licen[cs]|princip/i;

/** Commonly confused words in a text, each with its advice. */
export function findConfusedWords(text: string): StyleFinding[] {
  const findings: StyleFinding[] = [];
  if (!TRIGGER.test(text)) return findings;
  for (const words of sentences(text)) {
    const inSentence: (StyleFinding & { start: number })[] = [];
    // a word is reported once, by the first rule that finds it ("the practise of")
    const reported = new Set<number>();
    if (!words.some((w) => TRIGGER.test(w.lower))) continue;
    for (const rule of COMPILED_RULES) {
      const n = rule.tests.length;
      for (let start = 0; start + n <= words.length; start += 1) {
        if (rule.tests.every((test, k) => test(words[start + k]!.lower))) {
          const span = Array.from({ length: n }, (_, k) => start + k);
          if (span.some((k) => reported.has(k))) continue;
          span.forEach((k) => reported.add(k));
          const phrase = words
            .slice(start, start + n)
            .map((w) => w.written)
            .join(' ');
          inSentence.push({ text: phrase, advice: rule.advice, start });
        }
      }
    }
    inSentence.sort((a, b) => a.start - b.start);
    findings.push(...inSentence.map(({ text: found, advice }) => ({ text: found, advice })));
  }
  return findings;
}

export interface HouseStyleWord {
  pattern: string;
  advice: string;
}

/** A council word as a pattern, with a plain word to look for first (cheaper than the pattern). */
export interface CompiledHouseStyleWord {
  pattern: RegExp;
  advice: string;
  /** the pattern's first word in lower case: a text without it cannot match */
  first: string;
}

/** A council's own words to avoid: whole words or phrases, any case. */
export function compileHouseStyleWords(words: readonly HouseStyleWord[]): CompiledHouseStyleWord[] {
  return words
    .filter((w) => w.pattern.trim() !== '')
    .map((w) => ({
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}])${w.pattern
          .trim()
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
        'giu',
      ),
      advice: w.advice,
      first: w.pattern.trim().split(/\s+/)[0]!.toLowerCase(),
    }));
}

export function findHouseStyleWords(
  text: string,
  compiled: readonly CompiledHouseStyleWord[],
): StyleFinding[] {
  const findings: StyleFinding[] = [];
  const lower = text.toLowerCase();
  for (const { pattern, advice, first } of compiled) {
    if (!lower.includes(first)) continue;
    for (const match of text.matchAll(pattern)) findings.push({ text: match[0], advice });
  }
  return findings;
}
