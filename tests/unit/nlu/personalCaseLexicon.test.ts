import { loadContentTree } from '../../../src/content/loadContentTree.js';
import { analyseMessage } from '../../../src/nlu/analyseMessage.js';
import { type RouterIndex, buildRouterIndex } from '../../../src/nlu/buildRouterIndex.js';
import { loadSignals } from '../../../src/nlu/loadSignals.js';
import { routeMessage } from '../../../src/nlu/routeMessage.js';
import { SignalDetector } from '../../../src/nlu/SignalDetector.js';
import { signalFileSchema } from '../../../src/nlu/signalsSchema.js';

// The person's own case (a rejection, a fine, a benefit that was cut, money they must pay
// back and cannot, a letter they got) goes to a volunteer; the routine question about the
// same thing is answered (routing-contract.md). Messages written for this test, routed
// through the shipped content as the bot will.
let index: RouterIndex;
beforeAll(async () => {
  index = buildRouterIndex(await loadContentTree('content'));
});

const signals = loadSignals('content/signals');
const detector = new SignalDetector(signals['personal-case'], 'personal-case');
const groupsIn = (text: string): string[] => detector.detect(text).map((hit) => hit.group);

const handedOff = (text: string): void => {
  const routed = routeMessage(text, {}, index);
  expect([text, routed.action, routed.reason]).toEqual([text, 'handoff', 'personal-case']);
};

describe('personal-case lexicon: a rejection of the own (or a family member\'s) application', () => {
  it.each([
    'de IND heeft de aanvraag van mijn vrouw afgewezen',
    'IND heeft nee gezegd tegen mijn nareis',
    'mijn aanvraag is niet toegekend',
    'ik heb een afwijzing gekregen van de gemeente',
    "IND rejected my wife's application",
    'they said no to my application for bijzondere bijstand',
    'the gemeente turned down my request',
    'IND did not accept the application of my children',
    'رفضوا طلبي بالبلدية',
    'ما وافقوا على طلب لم الشمل تبع اولادي',
    'el IND rafadet talab marti',
    'IND درخواستم را رد کرده',
    'درخواست لم شمل ما رو رد کردن',
    'جواب منفی دادند به درخواستم',
    'belediye başvurumu reddettiler',
    'IND basvurumu kabul etmedi',
    'IND відмовило у заяві моєї дружини',
    'я отримала відмову від гемеенте',
    'IND відхилила заяву мого чоловіка',
    'codsigii qoyska isu keenista lama aqbalin',
    'dowladda hoose ayaa diidey codsigayga',
    'IND ሕቶ ሰበይተይ ነጺጉዎ',
    'ሕቶ ምጥርናፍ ስድራ ነጺጎምኒ',
    'ጋሜንተ ሕቶይ ኣይተቐበሉን',
  ])('%s', handedOff);
});

describe('personal-case lexicon: a fine the person got', () => {
  it.each([
    'ik heb een boete gekregen in de trein',
    'kreeg boete in de bus zonder kaartje',
    'de politie gaf mij een boete',
    'I got a fine in the bus',
    'they fined me for no ticket on the train',
    'got fined in the train because my ov card was empty',
    'اجتني مخالفه بالباص',
    'خالفوني بالترين لاني ما شيكت',
    'akalt mkhalfe bl bus',
    'جریمه شدم توی قطار',
    'برام جریمه اومده',
    'otobüste ceza yedim',
    'ceza geldi ne yapayım',
    'мені виписали штраф у потязі',
    'прийшов штраф за паркування',
    'ganaax ayaa la i saaray baska',
    'waa la i ganaaxay tareenka',
    'ኣብ ባቡር መቕጻዕቲ ሂቦምኒ',
    'ቅጽዓት መጺኡኒ',
    'ኣብ ኣውቶቡስ ተቐጺዐ',
  ])('%s', handedOff);

  it('tells "I got a fine" from "if I get a fine" and from "I am fine"', () => {
    expect(groupsIn('I got a fine in the bus')).toContain('fine-received');
    expect(groupsIn('what happens if I get a fine in the train')).not.toContain('fine-received');
    expect(groupsIn('what if I got a fine in the train')).not.toContain('fine-received');
    expect(groupsIn('شو بصير اذا اخدت مخالفه بالقطار')).not.toContain('fine-received');
    expect(groupsIn('اگه جریمه شدم چیکار کنم')).not.toContain('fine-received');
    expect(groupsIn('ኣብ ባቡር መቕጻዕቲ እንተ ረኺበ እንታይ ይኸውን')).not.toContain('fine-received');
    expect(groupsIn('thanks I am fine now')).toEqual([]);
  });
});

describe('personal-case lexicon: a benefit that was cut, stopped, reduced or not paid', () => {
  it.each([
    'de gemeente heeft een deel van mijn bijstand ingehouden',
    'werkplein heeft deze maand minder betaald dan normaal',
    'mijn uitkering is gestopt',
    'the municipality cut part of my assistance',
    'werkplein paid less than usual this month',
    'they deducted money from my bijstand',
    'قطعت البلدية المساعدة',
    'البلدية وقفتلي البيستاند',
    'bijstand نزل اقل من العادة',
    '2ata3o el bijstand',
    'این ماه uitkering کمتر واریز کردند',
    'huurtoeslag ام قطع شده',
    "bijstand'ımı kestiler",
    'bijstand bu ay eksik geldi',
    'werkplein заплатив менше цього місяця',
    'припинили виплату допомоги',
    'мені перестали платити bijstand',
    'bijstandkayga waa la jaray',
    'lacagta kaalmada waa la yareeyay bishan',
    'bijstand ኣጉዲሎምለይ',
    'bijstand ዝወሓደ ከፊሎምኒ',
  ])('%s', handedOff);
});

describe('personal-case lexicon: money to pay back or a bill the person cannot pay', () => {
  it.each([
    'ik moet 1200 euro terugbetalen maar ik heb dat geld niet',
    'ik moet zorgtoeslag terugbetalen maar ik heb geen geld',
    "I must pay back 1200 euro but I don't have that money",
    'I cant afford to pay back the toeslag',
    'لازم رجع 1200 يورو بس ما معي مصاري',
    'بدهم ياني ادفع الزورختوسلاخ وما عندي فلوس',
    'ما بقدر رجع المصاري للبلديه',
    'باید ۱۲۰۰ یورو پس بدم ولی پول ندارم',
    '1200 euro geri ödemem lazım ama param yok',
    'треба повернути 1200 євро але в мене немає грошей',
    'не можу повернути гроші за zorgtoeslag',
    'waa inaan celiyaa 1200 euro laakiin lacag ma haysto',
    'lacag ma haysto aan ku celiyo toeslag',
    '1200 ዩሮ ክመልስ ኣለኒ ግን ገንዘብ የብለይን',
    'ክኸፍሎ ኣይክእልን',
  ])('%s', handedOff);
});

describe('personal-case lexicon: a letter the person received', () => {
  it.each([
    'ze hebben mij een brief gestuurd over mijn uitkering',
    'er kwam een brief van de belastingdienst',
    'they sent me a letter about my huurtoeslag',
    'a letter came from the IND today',
    'وصلني مكتوب من البلدية',
    'بعتولي ورقه من الـ IND',
    'wasalni maktoub mn el gemeente',
    'برایم نامه فرستادند از IND',
    'یک خط از gemeente آمده',
    "belastingdienst'ten mektup geldi",
    "bana IND'den yazı geldi",
    'прийшов лист від податкової',
    'мені прислали лист з податкової',
    'warqad ayaa la ii soo diray',
    'ደብዳበ ሰዲዶምለይ',
    'ካብ belastingdienst ደብዳቤ ረኺበ',
  ])('%s', handedOff);
});

describe('personal-case lexicon: routine questions about the same things stay routine', () => {
  it.each([
    'hoe maak ik bezwaar tegen een afwijzing',
    'how do I object to a rejection',
    'كيف بعترض على رفض الطلب',
    'چطور به رد درخواست اعتراض کنم',
    'ret kararına nasıl itiraz ederim',
    'як оскаржити відмову',
    'sidee looga soo horjeedaa go\'aanka diidmada',
    'ንውሳነ ምንጻግ ከመይ ጌረ ይቃወም',
    'what happens if I get a fine in the train',
    'wat gebeurt er als ik een boete krijg in de trein',
    'شو بصير اذا اخدت مخالفه بالقطار',
    'اگر توی قطار جریمه بشم چی میشه',
    'trende ceza alırsam ne olur',
    'що буде якщо отримаю штраф у потязі',
    'maxaa dhacaya haddii la i ganaaxo tareenka',
    'ኣብ ባቡር መቕጻዕቲ እንተ ረኺበ እንታይ ይኸውን',
    'how much is the fine for riding without a ticket',
    'can the IND reject an application for family reunification',
    'kan de IND een aanvraag voor gezinshereniging afwijzen',
    'هل ممكن الـ IND ترفض طلب لم الشمل',
    'آیا IND میتونه درخواست لم شمل رو رد کنه',
    'IND aile birleşimi başvurusunu reddedebilir mi',
    "чи може IND відхилити заяву на возз'єднання",
    'IND ma diidi kartaa codsiga isu keenista qoyska',
    'IND ሕቶ ምጥርናፍ ስድራ ክነጽጎ ይኽእል ድዩ',
    'how do I pay back zorgtoeslag in instalments',
    'hoe kan ik zorgtoeslag in termijnen terugbetalen',
    'كيف ادفع الزورختوسلاخ بالتقسيط',
    'چطوری zorgtoeslag رو قسطی پس بدم',
    'zorgtoeslag taksitle nasıl geri ödenir',
    'як повернути zorgtoeslag частинами',
    'sidee zorgtoeslag qaybo loogu celiyaa',
    'zorgtoeslag ብክፋል ከመይ ይምለስ',
    'what is a payment plan',
    'wat is een betalingsregeling',
    'where do I send a letter to the gemeente',
    'waar stuur ik een brief naar de gemeente',
    'لوين ببعت رسالة للبلدية',
    'نامه رو کجا برای گمینته بفرستم',
    'belediyeye mektup nereye gönderilir',
    'куди надіслати лист до гемеенте',
    'xagee baan u diraa warqad gemeente',
    'ደብዳቤ ናብ gemeente ናበይ ይሰድድ',
    // having no money is not a case by itself: where is the food bank, a free lawyer
    'I have no money for food, where is the food bank',
    'ik heb geen geld voor eten waar is de voedselbank',
    'ما عندي فلوس للاكل وين بنك الطعام',
    'پول ندارم برای غذا بانک غذا کجاست',
    'немає грошей на їжу де банк їжі',
    'lacag ma haysto cunto bangiga cuntada xagee ku yaal',
    'ንመግቢ ገንዘብ የብለይን ባንኪ መግቢ ኣበይ ኣሎ',
    'ik heb een advocaat nodig maar geen geld',
  ])('%s', (text) => {
    const routed = routeMessage(text, {}, index);
    expect([text, routed.reason]).not.toEqual([text, 'personal-case']);
  });

  it('answers the routine questions whose topic the classifier knows', () => {
    for (const [text, topic] of [
      ['hoe maak ik bezwaar tegen een afwijzing', 'partner.juridisch'],
      ['wat gebeurt er als ik een boete krijg in de trein', 'partner.juridisch'],
      ['can the IND reject an application for family reunification', 'partner.gezinshereniging'],
      ["чи може IND відхилити заяву на возз'єднання", 'partner.gezinshereniging'],
      ['how do I pay back zorgtoeslag in instalments', 'toeslagen.terugbetalen'],
      ['what is a payment plan', 'toeslagen.terugbetalen'],
      ['I have no money for food, where is the food bank', 'partner.voedselbank'],
    ] as const) {
      expect([text, routeMessage(text, {}, index)]).toMatchObject([text, { topic, action: 'answer' }]);
    }
  });
});

describe('personal-case lexicon: not being able to pay is the question Leergeld and the food bank answer', () => {
  // Messages written for this test; the same words with an own debt or a letter stay a case.
  it.each([
    ['de schoolreis van mijn zoon kost 60 euro en we kunnen het niet betalen, kan leergeld helpen', 'partner.leergeld'],
    ['we cant pay the school trip for my daughter is there help from leergeld', 'partner.leergeld'],
    ['okul gezisi parasini odeyemiyoruz leergeld yardim eder mi', 'partner.leergeld'],
    ['no money for food this month, how do we get to the voedselbank', 'partner.voedselbank'],
    ['geen geld meer voor boodschappen hoe kom ik bij de voedselbank', 'partner.voedselbank'],
  ])('%s', (text, topic) => {
    expect([text, routeMessage(text, {}, index)]).toMatchObject([text, { topic, action: 'answer' }]);
  });

  it.each([
    'ik heb schulden en kan niet betalen, de deurwaarder komt morgen',
    'leergeld sent me a letter that they rejected my request and we cant pay the school trip',
  ])('%s', handedOff);

  it('reads not_with_topics only in personal-case lexicons (the others decide before the topic is known)', () => {
    const group = { phrases: { en: ['cannot pay'] }, not_with_topics: ['partner.leergeld'] };
    expect(signalFileSchema.safeParse({ signal: 'personal-case', groups: { unpaid: group } }).success).toBe(true);
    const wrong = signalFileSchema.safeParse({ signal: 'emergency', groups: { fire: group } });
    expect(wrong.success).toBe(false);
    expect(JSON.stringify(wrong.error?.issues)).toContain('not_with_topics is only read in personal-case lexicons');
  });

  it('does not count an excepted group when the best topic is excepted, and does otherwise', () => {
    const own = new SignalDetector({ unpaid: { phrases: { en: ['cannot pay'] }, patterns: [], unless: {}, weight: 1, only_with_topics: [], not_with_topics: ['partner.leergeld'] } }, 'test');
    const message = analyseMessage('we cannot pay the trip');
    expect(own.score(message, ['partner.leergeld', 'partner.schulden']).score).toBe(0);
    expect(own.score(message, ['partner.schulden', 'partner.leergeld']).score).toBe(1);
    expect(own.score(message, []).score).toBe(1);
  });
});

describe('personal-case lexicon: a letter the person cannot read', () => {
  it.each([
    'brief van de gemeente gekregen maar ik snap niet wat er staat',
    'got something from the belastingdienst and i dont understand what it says',
    'اجتني ورقة من البلدية وما فهمت شو كاتبين',
    'از بیمه یه چیزی اومده نفهمیدم چی نوشته',
    'belediyeden kagit geldi ne yaziyor anlamiyorum',
    'прийшов лист від гемеенте, не розумію що там написано',
    'gemeente ayaa warqad ii soo dirtay ma fahmin waxa ku qoran',
    'ካብ gemeente ደብዳቤ መጺኡኒ እንታይ ከም ዝብል ኣይተረደኣንን',
  ])('%s', handedOff);

  it.each([
    'i dont understand what zorgtoeslag is',
    'wat is zorgtoeslag ik begrijp het niet',
    // who reads letters with me after the 18 months is what partner.na-18-maanden answers
    'mijn begeleiding is gestopt en ik begrijp de brief niet, wie helpt mij nu',
  ])('%s stays a routine question', (text) => {
    expect([text, routeMessage(text, {}, index).reason]).not.toEqual([text, 'personal-case']);
  });
});

describe('personal-case lexicon: bills not paid, in Arabizi and Somali, and a letter "given" in Persian', () => {
  it.each([
    '3andi fatoura kbire mn el energie w ma b2der edfa3a',
    'fawater el ma2 ma 2dar edfa3on shu a3mel',
    'biilka korontada saddex bilood ma bixin',
    'kirada ma aan bixin bishan',
    'شهرداری نامه داده باید جریمه بدم',
  ])('%s', handedOff);

  it.each(['kirada ma bixin karaa online', 'ijaarka sidee loo bixiyaa'])('%s stays a routine question', (text) => {
    expect([text, routeMessage(text, {}, index).reason]).not.toEqual([text, 'personal-case']);
  });
});
