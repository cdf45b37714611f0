/**
 * Name lists and a seeded random generator for the demo and benchmark councils.
 *
 * Every entry is plain ASCII letters: email addresses are built from these names (in
 * TypeScript and in SQL), so keeping them free of apostrophes, hyphens and accents means no
 * escaping rules have to agree between the two.
 */

// prettier-ignore
export const GIVEN_NAMES: readonly string[] = [
  'Aaron', 'Adele', 'Aisha', 'Alan', 'Alice', 'Amara', 'Amir', 'Angela', 'Anita', 'Arjun',
  'Barbara', 'Bernard', 'Bethan', 'Carl', 'Catherine', 'Chloe', 'Claire', 'Colin', 'Daniel',
  'Deborah', 'Declan', 'Eileen', 'Elliot', 'Emeka', 'Farah', 'Fiona', 'Gareth', 'Grace', 'Hamza',
  'Hannah', 'Harpreet', 'Helen', 'Ian', 'Imran', 'Isla', 'Jacob', 'Janet', 'Jasmine', 'Joseph',
  'Karen', 'Kwame', 'Laura', 'Leon', 'Linda', 'Malcolm', 'Maria', 'Martin', 'Megan', 'Mohammed',
  'Nadia', 'Neil', 'Nicola', 'Oliver', 'Owen', 'Patricia', 'Pauline', 'Priya', 'Rachel',
  'Rajesh', 'Rebecca', 'Robert', 'Rosalind', 'Ruth', 'Samuel', 'Shabana', 'Simon', 'Sophie',
  'Stephen', 'Tariq', 'Theresa', 'Thomas', 'Usha', 'Vanessa', 'Victor', 'Wendy', 'William',
  'Yasmin', 'Yusuf', 'Zara', 'Zoe',
];

// prettier-ignore
export const FAMILY_NAMES: readonly string[] = [
  'Abbott', 'Acheampong', 'Ahmed', 'Ainsworth', 'Akhtar', 'Armitage', 'Ashworth', 'Bailey',
  'Barraclough', 'Bhatti', 'Birch', 'Blackburn', 'Bostock', 'Bradshaw', 'Brennan', 'Burgess',
  'Carver', 'Chadwick', 'Chaudhry', 'Clegg', 'Coulson', 'Crossley', 'Dalton', 'Dawes', 'Denton',
  'Dixon', 'Eastwood', 'Ellison', 'Farrar', 'Fenwick', 'Garside', 'Gill', 'Goodwin', 'Greaves',
  'Haigh', 'Halliwell', 'Hanson', 'Hartley', 'Hepworth', 'Holroyd', 'Hussain', 'Iqbal', 'Jagger',
  'Jowett', 'Kaur', 'Kendall', 'Khan', 'Lamb', 'Lister', 'Lockwood', 'Lumb', 'Mahmood',
  'Marsden', 'Mellor', 'Metcalfe', 'Moorhouse', 'Naylor', 'Nowak', 'Oakes', 'Okafor', 'Oldroyd',
  'Pearson', 'Pickles', 'Priestley', 'Quarmby', 'Rahman', 'Ramsden', 'Redfern', 'Rhodes', 'Riaz',
  'Sagar', 'Sandhu', 'Shackleton', 'Sharpe', 'Siddiqui', 'Singh', 'Sowerby', 'Stansfield',
  'Sutcliffe', 'Swift', 'Tattersall', 'Thackray', 'Tillotson', 'Townend', 'Varley', 'Wadsworth',
  'Walsh', 'Whiteley', 'Wilkinson', 'Womersley', 'Wragg', 'Yates', 'Yeadon',
];

/** Syllables for invented place names (parishes and wards of the benchmark council). */
// prettier-ignore
export const PLACE_STEMS: readonly string[] = [
  'Ash', 'Birk', 'Bram', 'Brock', 'Cald', 'Crane', 'Dunn', 'Elm', 'Fern', 'Gorse', 'Hazel',
  'Heron', 'Holm', 'Kirk', 'Lang', 'Mart', 'Moss', 'Nether', 'Oak', 'Pens', 'Rook', 'Sedge',
  'Thorn', 'Wath', 'Wyke',
];
// prettier-ignore
export const PLACE_ENDINGS: readonly string[] = [
  'by', 'cliffe', 'dale', 'field', 'ford', 'ham', 'holme', 'ley', 'stead', 'thorpe', 'ton', 'well',
];

export interface PersonName {
  given: string;
  family: string;
}

/**
 * mulberry32: a tiny seeded generator, so the demo council comes out the same on every run
 * (the sign-in page can print the same demo names the database holds).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

/** Draws full names at random, never the same full name twice. */
export function uniqueNameSource(random: () => number): () => PersonName {
  const used = new Set<string>();
  return () => {
    // The lists allow thousands of combinations, so a handful of retries always suffices.
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const name = { given: pick(random, GIVEN_NAMES), family: pick(random, FAMILY_NAMES) };
      const key = `${name.given} ${name.family}`;
      if (!used.has(key)) {
        used.add(key);
        return name;
      }
    }
    throw new Error('Ran out of unique names');
  };
}

/** The name at a position in a fixed sequence: the same formula the SQL generators use. */
export function nameAt(index: number): PersonName {
  const g = GIVEN_NAMES.length;
  const given = GIVEN_NAMES[index % g];
  const family = FAMILY_NAMES[(index * 7 + Math.floor(index / g)) % FAMILY_NAMES.length];
  if (given === undefined || family === undefined) throw new Error(`No name at ${index}`);
  return { given, family };
}

export function fullName(name: PersonName): string {
  return `${name.given} ${name.family}`;
}

/** "firstname.lastname" as used in email addresses. */
export function emailLocalPart(name: PersonName): string {
  return `${name.given}.${name.family}`.toLowerCase();
}
