import { loadContentTree } from '../../../src/content/loadContentTree.js';
import { type RouterIndex, buildRouterIndex } from '../../../src/nlu/buildRouterIndex.js';
import { routeMessage } from '../../../src/nlu/routeMessage.js';

// Messages written for this test: small talk, names and other unknown words must
// never become a confident answer or an emergency; real questions and real
// emergencies must still come through.
let index: RouterIndex;
beforeAll(async () => {
  index = buildRouterIndex(await loadContentTree('content'));
});

describe('small talk', () => {
  it.each([
    'hi',
    'hallo',
    'ok',
    'ja',
    'dank je',
    'dankjewel!',
    'goedemorgen',
    'hoe gaat het?',
    'thank you so much',
    'good morning',
    'bye',
    'شكرا',
    'مرحبا',
    'shukran ktir',
    'kifak',
    'مرسی',
    'سلام خوبی',
    'teşekkürler',
    'merhaba',
    'дякую',
    'привіт, як справи?',
    'mahadsanid',
    'iska warran',
    'የቐንየለይ',
    'ሰላም',
    'hallo Noor',
    'ok bedankt 👍',
  ])('%s → the menu, no topic', (text) => {
    expect(routeMessage(text, {}, index)).toMatchObject({ topic: null, action: 'ask', reason: 'smalltalk', confidence: 0, alternatives: [] });
  });

  it.each([
    ['hallo, hoe vraag ik zorgtoeslag aan', 'toeslagen.zorgtoeslag'],
    ['hi, how do i apply for rent allowance', 'toeslagen.huurtoeslag'],
    ['merhaba, kira yardımı için nasıl başvururum', 'toeslagen.huurtoeslag'],
    ['привіт, як отримати допомогу на оренду', 'toeslagen.huurtoeslag'],
  ])('a greeting in front of a question keeps the question: %s', (text, topic) => {
    expect(routeMessage(text, {}, index)).toMatchObject({ topic, reason: 'classifier' });
  });

  it('does not hide an emergency behind a greeting', () => {
    expect(routeMessage('hallo, mijn man slaat mij', {}, index)).toMatchObject({ action: 'emergency', reason: 'emergency' });
  });
});

describe('words the index does not know', () => {
  it.each(['Noor', 'Oksana', 'Ahmed', 'Fatima', 'Yusuf', 'xyzzy', 'Noor Oksana'])('%s is neither an emergency nor a confident answer', (text) => {
    const result = routeMessage(text, {}, index);
    expect(result.action).not.toBe('emergency');
    expect(result).toMatchObject({ topic: null, action: 'handoff', reason: 'low-confidence' });
    expect(result.confidence).toBeLessThanOrEqual(index.thresholds.minProbability);
    expect(result.alternatives).toHaveLength(index.thresholds.alternatives);
  });

  it('never reports more confidence than the threshold for an uncertain message', () => {
    for (const text of ['can i bring my cat on the train', 'как дела', 'groenten']) {
      const result = routeMessage(text, {}, index);
      if (result.reason === 'low-confidence') expect(result.confidence).toBeLessThanOrEqual(index.thresholds.minProbability);
    }
  });

  it('never makes an emergency from the classifier alone without an emergency word', () => {
    for (const text of ['Noor', 'Oksana', 'hi Noor', 'ok', 'ja', 'dank je', 'Ahmed Yusuf']) {
      expect(routeMessage(text, {}, index).action).not.toBe('emergency');
    }
  });
});

describe('emergencies stay emergencies', () => {
  it.each([
    ['nl', 'help, mijn man slaat mij', 'nood.huiselijk-geweld'],
    ['nl', 'er is brand in mijn huis', 'nood.112'],
    ['en', 'my husband hits me, i am afraid', 'nood.huiselijk-geweld'],
    ['ar', 'زوجي يضربني', 'nood.huiselijk-geweld'],
    ['ar', 'zawji 3am yedrebni', 'nood.huiselijk-geweld'],
    ['fa', 'شوهرم مرا کتک می زند', 'nood.huiselijk-geweld'],
    ['tr', 'kocam beni dövüyor', 'nood.huiselijk-geweld'],
    ['uk', "чоловік мене б'є", 'nood.huiselijk-geweld'],
    ['so', 'ninkeygu wuu i garaacaa', 'nood.huiselijk-geweld'],
    ['ti', 'ሰብኣየይ ይወቕዓኒ', 'nood.huiselijk-geweld'],
  ])('%s: %s', (_lang, text, topic) => {
    expect(routeMessage(text, {}, index)).toMatchObject({ topic, action: 'emergency', reason: 'emergency', confidence: 1 });
  });
});
