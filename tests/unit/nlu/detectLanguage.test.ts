import type { Locale } from '../../../src/content/schema.js';
import { detectLanguage } from '../../../src/nlu/detectLanguage.js';

describe('detectLanguage', () => {
  // Short WhatsApp-style messages, written for this test, with Dutch words mixed in.
  const cases: [lang: Locale, text: string][] = [
    ['nl', 'hoe vraag ik zorgtoeslag aan'],
    ['nl', 'wanneer komt de vuilniswagen bij ons'],
    ['nl', 'ik heb een brief van de gemeente gekregen wat moet ik doen'],
    ['en', 'how do i apply for zorgtoeslag'],
    ['en', 'my landlord does not repair the heating'],
    ['en', 'where can i find a huisarts near me'],
    ['ar', 'كيف اقدم على zorgtoeslag'],
    ['ar', 'شو لازم اعمل اذا وصلتني رسالة من البلدية'],
    ['ar', 'kif ba3mel talab la huurtoeslag'],
    ['ar', 'ana bdi maw3ed ma3 7ada'],
    ['fa', 'چطور میتونم zorgtoeslag بگیرم'],
    ['fa', 'میخواهم با یک نفر صحبت کنم'],
    ['fa', 'دندانم درد میکنه کجا برم'],
    ['ti', 'zorgtoeslag ከመይ ገይረ ይሓትት'],
    ['ti', 'ቆጸራ ምስ ሓኪም ከመይ ይሕዝ'],
    ['tr', 'zorgtoeslag nasıl başvurulur'],
    ['tr', 'kira yardımı alabilir miyim'],
    ['tr', 'cop ne zaman toplaniyor bizim sokakta'],
    ['uk', 'як отримати zorgtoeslag'],
    ['uk', "мені потрібна допомога з DigiD"],
    ['so', 'sidee baan u codsadaa zorgtoeslag'],
    ['so', 'waxaan u baahanahay dhakhtar'],
    ['so', 'goorma ayay qashinka qaadaan'],
  ];
  it.each(cases)('%s: %s', (lang, text) => {
    const guess = detectLanguage(text);
    expect(guess.lang).toBe(lang);
    expect(guess.decided).toBe(true);
  });

  // "kan" is Dutch, and Turkish (blood) and Somali (this); the Turkish present tense ends in -iyor, with or without Turkish letters.
  it.each([
    ['tr', 'sokakta adam yerde yatiyor her yer kan kimse durmuyor'],
    ['tr', 'annem banyoda kalkamiyor konusamiyor'],
    ['so', 'kan waa wiilkaygii wuu dhacay'],
    ['nl', 'kan iemand mij helpen met de huurtoeslag'],
  ] as [Locale, string][])('%s: %s (no words shared with a neighbour decide it)', (lang, text) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('keeps the conversation language when a message is only Dutch domain words', () => {
    expect(detectLanguage('zorgtoeslag?', 'ar')).toMatchObject({ lang: 'ar', decided: false });
    expect(detectLanguage('DigiD huisarts', 'ti')).toMatchObject({ lang: 'ti', decided: false });
  });

  it('keeps the conversation language for a greeting or a number', () => {
    expect(detectLanguage('ok', 'fa')).toMatchObject({ lang: 'fa', decided: false });
    expect(detectLanguage('2', 'so')).toMatchObject({ lang: 'so', decided: false });
  });

  it('lets the person switch language with a real sentence', () => {
    expect(detectLanguage('how can I get help with my rent', 'ar')).toMatchObject({ lang: 'en', decided: true });
    expect(detectLanguage('як отримати допомогу', 'nl')).toMatchObject({ lang: 'uk', decided: true });
  });

  it('counts Dari as Persian', () => {
    expect(detectLanguage('مه میخواهم داکتر خود را ببینم').lang).toBe('fa');
  });
});
