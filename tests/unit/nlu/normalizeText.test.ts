import { normalizeAndTokenize, normalizeText, scriptOf, tokenize } from '../../../src/nlu/normalizeText.js';

describe('normalizeText', () => {
  const cases: [name: string, input: string, expected: string][] = [
    ['Arabic alef variants, teh marbuta, diacritics and tatweel', 'أُريدُ مساعدةً في الإيـــجار؟', 'اريد مساعده في الايجار'],
    ['Persian yeh and keheh become the Arabic letters', 'کمک میخواهم', 'كمك ميخواهم'],
    ['Persian zero-width non-joiner joins the verb prefix', 'می\u200Cخواهم', 'ميخواهم'],
    ['Arabic-Indic and Persian digits', '٣٤ ۵۶', '34 56'],
    ['Turkish dotted and dotless i fold to i', 'İstanbul IŞIK ılık', 'istanbul isik ilik'],
    ['Turkish letters lose their marks', 'çocuğum şöyle', 'cocugum soyle'],
    ['Dutch diaeresis and accents', 'geëmigreerd café', 'geemigreerd cafe'],
    ['Ukrainian apostrophe variants keep the word whole', "п’ять сім'я пʼять", 'пять сімя пять'],
    ['Somali glottal stop apostrophe', "ba'an", 'baan'],
    ['Ukrainian й and ї keep their marks', 'мій її', 'мій її'],
    ["Ge'ez letter variants and punctuation", 'ሠላም፡ ፀሓይ።', 'ሰላም ጸሓይ'],
    ['runs of a repeated letter shrink to two, digits do not', 'pleeeeease 1000', 'pleease 1000'],
    ['the euro sign becomes a word', '€1500 terug', 'euro 1500 terug'],
    ['punctuation and emoji separate words', 'zorgtoeslag???🙏 hoe!!', 'zorgtoeslag hoe'],
    ['English apostrophes inside words', "I don't know", 'i dont know'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('gives an empty string for a message without words', () => {
    expect(normalizeText(' 🙏 !! ')).toBe('');
    expect(tokenize('')).toEqual([]);
  });
});

describe('tokenize', () => {
  it('joins a Persian verb prefix or plural written as a separate word', () => {
    expect(normalizeAndTokenize('نمی تونم نفس بکشم')).toEqual(['نميتونم', 'نفس', 'بكشم']);
    expect(normalizeAndTokenize('بچه ها مدرسه')).toEqual(['بچهها', 'مدرسه']);
  });

  it('leaves Latin text alone', () => {
    expect(normalizeAndTokenize('mi ha')).toEqual(['mi', 'ha']);
  });
});

describe('scriptOf', () => {
  it.each([
    ['zorgtoeslag', 'latin'],
    ['كيف', 'arabic'],
    ['допомога', 'cyrillic'],
    ['ሰላም', 'ethiopic'],
  ])('%s is %s', (word, script) => {
    expect(scriptOf(word)).toBe(script);
  });
});
