import distance from 'natural/lib/natural/distance/index.js';
import { analyseMessage } from '../../../src/nlu/analyseMessage.js';
import { FuzzyLexicon } from '../../../src/nlu/FuzzyLexicon.js';
import { PhraseMatcher } from '../../../src/nlu/PhraseMatcher.js';
import { withinOneEdit } from '../../../src/nlu/phraseParts.js';

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
