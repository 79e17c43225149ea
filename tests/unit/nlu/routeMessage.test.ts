import { join } from 'node:path';
import { loadContentTree } from '../../../src/content/loadContentTree.js';
import { loadSignals } from '../../../src/nlu/loadSignals.js';
import { type RouterIndex, buildRouterIndex } from '../../../src/nlu/buildRouterIndex.js';
import { routeMessage } from '../../../src/nlu/routeMessage.js';

// Routes messages written for this test through the shipped content, as the bot will.
let index: RouterIndex;
beforeAll(async () => {
  index = buildRouterIndex(await loadContentTree('content'));
});

describe('routeMessage', () => {
  it('answers a routine question with its topic, in the language it was asked', () => {
    const result = routeMessage('hoe vraag ik zorgtoeslag aan', {}, index);
    expect(result).toMatchObject({ lang: 'nl', topic: 'toeslagen.zorgtoeslag', action: 'answer', reason: 'classifier' });
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.alternatives[0]?.topic).toBe('toeslagen.zorgtoeslag');
  });

  it('checks emergencies before anything else, even inside an appointment request', () => {
    const result = routeMessage('ik wil een afspraak maar mijn man slaat mij', {}, index);
    expect(result).toMatchObject({ action: 'emergency', topic: 'nood.huiselijk-geweld', reason: 'emergency' });
  });

  it('treats suicidal thoughts as an emergency with the mental-health topic', () => {
    expect(routeMessage("I don't want to live anymore", {}, index)).toMatchObject({ action: 'emergency', topic: 'zorg.psychisch' });
  });

  it('recognises a request for a person in other languages', () => {
    expect(routeMessage('میخواهم با یک نفر صحبت کنم', {}, index)).toMatchObject({ lang: 'fa', action: 'handoff', topic: 'mens.spreken', reason: 'person' });
    expect(routeMessage('can someone call me please', {}, index)).toMatchObject({ action: 'handoff', topic: 'mens.spreken' });
    // "görüşmek istiyorum" alone asks for a meeting; with "biriyle" (with someone) it asks for a person.
    expect(routeMessage('biriyle görüşmek istiyorum lütfen', {}, index)).toMatchObject({ action: 'handoff', topic: 'mens.spreken', reason: 'person' });
    expect(routeMessage('görüşmek istiyorum', {}, index)).toMatchObject({ action: 'appointment', topic: 'spreekuur.afspraak' });
  });

  it('recognises a request for an appointment, but not one with the doctor', () => {
    expect(routeMessage('randevu almak istiyorum', {}, index)).toMatchObject({ lang: 'tr', action: 'appointment', topic: 'spreekuur.afspraak' });
    expect(routeMessage('hoe maak ik een afspraak bij de huisarts', {}, index)).toMatchObject({ action: 'answer', topic: 'huisarts.afspraak' });
  });

  it('hands a personal case to a person and still reports the topic', () => {
    const result = routeMessage('ik heb een brief gekregen dat ik 1200 euro huurtoeslag moet terugbetalen', {}, index);
    expect(result).toMatchObject({ action: 'handoff', reason: 'personal-case' });
    expect(['toeslagen.terugbetalen', 'toeslagen.huurtoeslag']).toContain(result.topic);
  });

  it('answers a routine question about a handoff topic, and hands off the own case', () => {
    // routing-contract.md: routine information is answered; the own debt goes to a person.
    expect(routeMessage('how long does it take before the debt help of the gemeente starts', {}, index)).toMatchObject({ topic: 'partner.schulden', action: 'answer' });
    expect(routeMessage('ik heb schulden en kan de huur niet meer betalen', {}, index)).toMatchObject({ topic: 'partner.schulden', action: 'handoff', reason: 'personal-case' });
    expect(routeMessage('عندي ديون كتير وما بعرف شو اعمل', {}, index)).toMatchObject({ action: 'handoff' });
  });

  // Ordinary questions that once tripped the emergency lexicon, and two that must not be missed.
  it.each([
    ['koronto iyo gaaska qandaraaska sidee loo beddelaa', false],
    ['stadsverwarming var faturası nasıl oluyor', false],
    ['پول بچه ها را کی میگیره مادر یا پدر', false],
    ['نوبت دکتر خیلی طول میکشه', false],
    ['staat fysiotherapie op mijn polis', false],
    ['mijn zoon heeft schoonmaakmiddel gedronken', true],
    ['kocam beni öldürecek', true],
    // accident insurance, a boiler (kazan), earning (kazanmak), blood pressure: no emergency
    ['how do I apply for accident insurance', false],
    ['kombi kazanı bozuldu ne yapmalıyım', false],
    ['asgari ücretle ne kadar kazanıyorum', false],
    ['ضغط الدم كثير عالي عند امي شو اعمل', false],
    ['ev sahibi beni evden çıkarmak istiyor kim yardım eder', false],
    ['به هوش نمیاد', true],
    ['gaari ayaa ku dhuftay', true],
    ['не бачу сенсу жити', true],
  ])('%s: emergency %s', (text, emergency) => {
    expect(routeMessage(text, {}, index).action === 'emergency').toBe(emergency);
  });

  it('hands off money that was cut or a letter that came, but answers how paying back works', () => {
    for (const text of ['de gemeente heeft mijn uitkering verlaagd zonder reden', 'they reduced my uitkering this month why', 'bijstandkayga waa la dhimay bishan maxaa dhacay']) {
      expect([text, routeMessage(text, {}, index)]).toMatchObject([text, { topic: 'partner.uitkering', action: 'handoff', reason: 'personal-case' }]);
    }
    expect(routeMessage('ik kreeg vandaag brief dat ik huurtoeslag moet terugbetalen', {}, index)).toMatchObject({ action: 'handoff', reason: 'personal-case' });
    expect(routeMessage('kan ik de huurtoeslag in delen terugbetalen', {}, index)).toMatchObject({ topic: 'toeslagen.terugbetalen', action: 'answer' });
    expect(routeMessage('brief van digid kwijt', {}, index)).toMatchObject({ topic: 'digid.aanvragen', action: 'answer' });
  });

  it('guesses no topic for a question that resembles the not-covered examples', () => {
    expect(routeMessage('is there a cheap gym in groningen for men', {}, index)).toMatchObject({ topic: null, action: 'handoff' });
    expect(routeMessage('بهترین اینترنت خانه کدومه ارزونتر', {}, index)).toMatchObject({ topic: null, action: 'handoff' });
  });

  it('offers up to three alternatives instead of a confident wrong answer', () => {
    const result = routeMessage('can i bring my cat on the train', {}, index);
    expect(result).toMatchObject({ topic: null, action: 'handoff', reason: 'low-confidence' });
    expect(result.alternatives).toHaveLength(3);
    expect(result.alternatives[0]?.confidence).toBeGreaterThanOrEqual(result.alternatives[1]?.confidence ?? 0);
  });

  it('keeps the conversation language for a message of Dutch domain words', () => {
    const result = routeMessage('zorgtoeslag?', { conversationLang: 'ar' }, index);
    expect(result).toMatchObject({ lang: 'ar', langDecided: false, topic: 'toeslagen.zorgtoeslag' });
  });

  it('answers in the language the person chose', () => {
    const result = routeMessage('how do I apply for zorgtoeslag', { chosenLang: 'so' }, index);
    expect(result).toMatchObject({ lang: 'so', detectedLang: 'en', topic: 'toeslagen.zorgtoeslag' });
  });

  it('marks an empty message', () => {
    expect(routeMessage(' 🙏 ', {}, index)).toMatchObject({ topic: null, reason: 'empty', alternatives: [] });
  });

  it('is a pure function of its input', () => {
    const text = 'wanneer wordt het plastic opgehaald';
    expect(routeMessage(text, {}, index)).toEqual(routeMessage(text, {}, index));
  });
});

describe('the emergency check on the shipped content', () => {
  // Every example of the shipped content is checked in tests/unit/content/shippedContent.test.ts.
  it('does not take a real word for a typo of an emergency word', () => {
    // kaydolmak (register) is one letter from kaybolmak (disappear); اشتغلت (I worked) from اشتعلت (caught fire).
    expect(routeMessage('aile hekimine kaydolmak istiyorum', {}, index).action).not.toBe('emergency');
    expect(routeMessage('وقفت البيستاند لاني اشتغلت شو بصير بالتوسلاخ', {}, index).action).not.toBe('emergency');
  });

  it('never corrects a short word a lexicon knows into another language\'s word', () => {
    // Arabizi "dir balak" (take care) is known to the emergency lexicon; it was "corrected" to the Somali keyword "balan" (appointment).
    expect(index.tokenFacts.get('balak').analysis.corrected).toBe('balak');
    expect(routeMessage('ya 5ay dir balak 3a 7alak', {}, index).action).not.toBe('appointment');
    // "bloed" (blood) is no longer corrected to "bloedt" (bleeds): the lexicon says it in its own words.
    expect(routeMessage('opa ligt op de grond en het bloed uit zijn hoofd stopt niet', {}, index).action).toBe('emergency');
  });

  it('hears "I can\'t go on" as an emergency only in a message about mental health', () => {
    expect(routeMessage('I feel so depressed, I cant go on', {}, index)).toMatchObject({ action: 'emergency', topic: 'zorg.psychisch' });
    expect(routeMessage('çok depresyondayım artık dayanamıyorum', {}, index)).toMatchObject({ action: 'emergency', topic: 'zorg.psychisch' });
    expect(routeMessage('I cant go on with this course, is there another school', {}, index).action).not.toBe('emergency');
    expect(routeMessage('kursa devam edemiyorum çünkü çalışıyorum', {}, index).action).not.toBe('emergency');
  });

  it('hears a bare call for help as an emergency only next to one', () => {
    expect(routeMessage('اريد احجز موعد وياكم حتى تساعدوني بالاوراق', {}, index)).toMatchObject({ action: 'appointment' });
    expect(routeMessage('warqadaha waxay ku qoran yihiin af holland yaa i caawiya', {}, index).action).not.toBe('emergency');
    expect(routeMessage('کمک کنید شوهرم منو میزنه', {}, index)).toMatchObject({ action: 'emergency', topic: 'nood.huiselijk-geweld' });
    expect(routeMessage('ابني ما عم يرد علي ولونه ازرق', {}, index)).toMatchObject({ action: 'emergency', topic: 'nood.112' });
  });
});

describe('drowning', () => {
  it('is an emergency in the water, not in debt', () => {
    expect(routeMessage('my son is drowning in the lake help', {}, index)).toMatchObject({ action: 'emergency', topic: 'nood.112' });
    expect(routeMessage('ابني غرق بالمي', {}, index)).toMatchObject({ action: 'emergency', topic: 'nood.112' });
    expect(routeMessage('I am drowning in debt what can I do', {}, index).action).not.toBe('emergency');
    expect(routeMessage('тоне в боргах', {}, index).action).not.toBe('emergency');
  });
});

describe('the own case and the classifier\'s emergencies', () => {
  it('hands off a fine instead of guessing an emergency from it', () => {
    expect(routeMessage('мене оштрафували в автобусі', {}, index)).toMatchObject({ action: 'handoff', reason: 'personal-case' });
    expect(routeMessage('ik kreeg een bekeuring van de politie', {}, index)).toMatchObject({ action: 'handoff', reason: 'personal-case' });
  });
});

describe('an emergency the lexicon does not know', () => {
  // The classifier alone: the same content with an empty emergency lexicon.
  let withoutLexicon: RouterIndex;
  beforeAll(async () => {
    const tree = await loadContentTree('content');
    const signals = loadSignals(join(tree.dir, 'signals'));
    withoutLexicon = buildRouterIndex(tree, { signals: { ...signals, emergency: {} } });
  });

  it('is raised when the classifier is unsure and an emergency topic comes second', () => {
    const text = 'there is smoke coming from the flat under us and the alarm keep beeping';
    const result = routeMessage(text, {}, withoutLexicon);
    expect(result.alternatives[0]?.topic).not.toBe('nood.112');
    expect(result).toMatchObject({ action: 'emergency', topic: 'nood.112', reason: 'classifier' });
    const stricter = buildRouterIndexWith(withoutLexicon, { emergencyRunnerUp: 1 });
    expect(routeMessage(text, {}, stricter).action).not.toBe('emergency');
  });
});

function buildRouterIndexWith(index: RouterIndex, thresholds: Partial<RouterIndex['thresholds']>): RouterIndex {
  return { ...index, thresholds: { ...index.thresholds, ...thresholds } };
}
