import distance from 'natural/lib/natural/distance/index.js';
import { analyseMessage } from '../../../src/nlu/analyseMessage.js';
import { FuzzyLexicon } from '../../../src/nlu/FuzzyLexicon.js';
import { PhraseMatcher } from '../../../src/nlu/PhraseMatcher.js';
import { expandPhrase, maxExpansions, withinOneEdit } from '../../../src/nlu/phraseParts.js';

const groupsOf = (matcher: PhraseMatcher, text: string): string[] => [...matcher.groupsIn(analyseMessage(text).forms)].sort();

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher({
    exact: ['slaat mij'],
    prefix: ['vermoord*'],
    suffix: ['*ضربني'],
    contains: ['*ቐትለ*'],
    article: ['حريق'],
  });

  it('matches words in order with up to two words between them', () => {
    expect(groupsOf(matcher, 'mijn man slaat mij')).toEqual(['exact']);
    expect(groupsOf(matcher, 'hij slaat soms ook mij')).toEqual(['exact']);
    expect(groupsOf(matcher, 'hij slaat de hond en de kat niet mij')).toEqual([]);
    expect(groupsOf(matcher, 'mij slaat hij')).toEqual([]);
  });

  it('matches prefixes, suffixes and infixes', () => {
    expect(groupsOf(matcher, 'hij wil me vermoorden')).toEqual(['prefix']);
    expect(groupsOf(matcher, 'جوزي عم يضربني')).toEqual(['suffix']);
    expect(groupsOf(matcher, 'ክቐትለኒ ይደሊ')).toEqual(['contains']);
  });

  it('reads {a|b} as each of its alternatives, several words or a prefix each', () => {
    const either = new PhraseMatcher({ past: ['{hart*|beroerte} {vorige week|jaar geleden}'] });
    expect(groupsOf(either, 'zijn hartaanval was vorige week')).toEqual(['past']);
    expect(groupsOf(either, 'beroerte twee jaar geleden')).toEqual(['past']);
    expect(groupsOf(either, 'hartaanval nu, vorige maand bij de dokter')).toEqual([]);
    expect(groupsOf(either, 'vorige week hartaanval')).toEqual([]);
    expect(either.match(analyseMessage('beroerte jaar geleden').forms).map((match) => match.phrase)).toEqual(['beroerte jaar geleden']);
  });

  it('matches Arabic words with the article or a conjunction attached', () => {
    expect(groupsOf(matcher, 'والحريق بالبيت')).toEqual(['article']);
  });

  it('tolerates one typo in a long word (the first word through the vocabulary, later words directly)', () => {
    const typo = new PhraseMatcher({ g: ['huiselijk geweld'], h: ['veilig thuisfront'] });
    const vocabulary = new FuzzyLexicon(typo.words);
    expect([...typo.groupsIn(analyseMessage('huiselik geweld', vocabulary).forms)]).toEqual(['g']);
    expect([...typo.groupsIn(analyseMessage('veilig thuisfrnt').forms)]).toEqual(['h']);
  });
});

describe('withinOneEdit', () => {
  const words = ['zorgtoeslag', 'zorgtoslag', 'zorgteoslag', 'zorgtoeslagen', 'huurtoeslag', 'toeslag', 'ab', 'ba', 'abc', 'a', ''];
  it('agrees with natural’s Damerau-Levenshtein distance on "at most one edit"', () => {
    for (const a of words) {
      for (const b of words) {
        expect([a, b, withinOneEdit(a, b)]).toEqual([a, b, distance.DamerauLevenshteinDistance(a, b) <= 1]);
      }
    }
  });
});

describe('FuzzyLexicon', () => {
  const lexicon = new FuzzyLexicon(['zorgtoeslag', 'huurtoeslag', 'huisarts']);
  it('corrects one typo in a known word', () => {
    expect(lexicon.correct('zorgtoslag')).toBe('zorgtoeslag');
    expect(lexicon.correct('huisarst')).toBe('huisarts');
  });
  it('leaves known, short and far-away words alone', () => {
    expect(lexicon.correct('zorgtoeslag')).toBeUndefined();
    expect(lexicon.correct('huis')).toBeUndefined();
    expect(lexicon.correct('kinderbijslag')).toBeUndefined();
  });
});

describe('expandPhrase', () => {
  it('stands for each combination of the alternatives, in order', () => {
    expect(expandPhrase('{a|b c} x {d*|e}')).toEqual(['a x d*', 'a x e', 'b c x d*', 'b c x e']);
    expect(expandPhrase('no braces here')).toEqual(['no braces here']);
    expect(expandPhrase('{ a | b }c')).toEqual(['ac', 'bc']);
  });

  it('refuses what a coordinator would not mean', () => {
    expect(() => expandPhrase('{a|b')).toThrow('"{" without "}"');
    expect(() => expandPhrase('a}')).toThrow('"}" without "{"');
    expect(() => expandPhrase('{a|{b}}')).toThrow('"{" without "}"');
    expect(() => expandPhrase('{a||b}')).toThrow('an empty alternative');
    const many = Array.from({ length: 4 }, () => `{${Array.from({ length: 10 }, (_, i) => `w${i}`).join('|')}}`).join(' ');
    expect(() => expandPhrase(many)).toThrow(`more than ${maxExpansions} phrases`);
  });
});
