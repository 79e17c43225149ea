// A shared consonant "skeleton" for Arabic written in Arabic letters and in
// Latin letters with digits (Arabizi: "3andi", "7abibi", "mawe3d"). Both
// spellings of a word reduce to the same skeleton, so a classifier trained on
// Arabic-script examples also recognises Arabizi messages, and vice versa.
// Vowels (and the long vowels ا و ي) are dropped and sounds that Arabizi writers
// spell alike are merged (ص/س, ط/ت, ض/د, ذ/ز/ظ, ح/ه, ق/ك).

// Maps, not object literals: a look-up by letter in an object with many keys is one V8 serves
// from a global cache that other code and every full garbage collection empty.
const arabicToSkeleton = letterMap({
  'ب': 'b', 'پ': 'b', 'ت': 't', 'ط': 't', 'ث': 't', 'ج': 'j', 'چ': 'j', 'ح': 'h', 'ه': 'h',
  'خ': 'x', 'د': 'd', 'ض': 'd', 'ذ': 'z', 'ز': 'z', 'ظ': 'z', 'ژ': 'z', 'ر': 'r', 'س': 's',
  'ص': 's', 'ش': 'c', 'ع': '3', 'غ': 'g', 'گ': 'g', 'ف': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l',
  'م': 'm', 'ن': 'n', 'ا': '', 'و': '', 'ي': '', 'ء': '',
});

const latinToSkeleton = letterMap({
  b: 'b', p: 'b', t: 't', j: 'j', h: 'h', d: 'd', z: 'z', r: 'r', s: 's', f: 'f', v: 'f',
  k: 'k', q: 'k', g: 'g', l: 'l', m: 'm', n: 'n', c: 'k', x: 'x',
  '2': '', '3': '3', '5': 'x', '6': 't', '7': 'h', '8': 'g', '9': 'k',
  // Digraph markers (upper case cannot occur in normalised text).
  C: 'c', X: 'x', G: 'g', T: 't', Z: 'z',
});

function letterMap(letters: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(letters));
}

/** Each letter of `body` through `letters` (a letter it lacks is dropped). */
function mapLetters(body: string, letters: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of body) out += letters.get(ch) ?? '';
  return out;
}

// Digraphs first: "sh", "kh", "gh", "th", "dh", "ch" stand for one letter each.
const latinDigraphs: [RegExp, string][] = [
  [/sh|ch/g, 'C'],
  [/kh/g, 'X'],
  [/gh/g, 'G'],
  [/th/g, 'T'],
  [/dh/g, 'Z'],
];

/** Skeleton of a normalised Arabic-script word (the article and attached particles removed). */
export function skeletonOfArabic(word: string): string {
  const stem = word.replace(/^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)(?=..)/, '');
  // A final ه is usually the feminine ending (ة), which Arabizi writes as a vowel.
  const body = stem.length > 2 ? stem.replace(/ه$/, '') : stem;
  return collapse(mapLetters(body, arabicToSkeleton));
}

/** Skeleton of a normalised Latin-script Arabizi word. */
export function skeletonOfArabizi(word: string): string {
  let stem = word.replace(/^(?:w|f)?(?:b|l)?(?:el|al|il)(?=[a-z0-9]{3})/, '');
  for (const [pattern, letter] of latinDigraphs) stem = stem.replace(pattern, letter);
  const body = stem.length > 2 ? stem.replace(/h$/, '') : stem;
  return collapse(mapLetters(body, latinToSkeleton));
}

// Doubled letters (shadda, "mm") carry no meaning for matching.
function collapse(skeleton: string): string {
  return skeleton.replace(/(.)\1+/g, '$1');
}
