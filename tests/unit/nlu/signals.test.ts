import { localeCodes } from '../../../src/content/schema.js';
import { detectEmergency } from '../../../src/nlu/detectEmergency.js';
import { loadSignals } from '../../../src/nlu/loadSignals.js';
import { SignalDetector } from '../../../src/nlu/SignalDetector.js';
import { notCoveredFileSchema, signalFileSchema } from '../../../src/nlu/signalsSchema.js';

const signals = loadSignals('content/signals');

describe('content/signals', () => {
  it('has emergency, person, appointment and personal-case phrases for every language', () => {
    for (const kind of ['emergency', 'person', 'appointment', 'personal-case'] as const) {
      const covered = new Set(Object.values(signals[kind]).flatMap((group) => Object.keys(group.phrases)));
      for (const locale of localeCodes) expect([kind, locale, covered.has(locale)]).toEqual([kind, locale, true]);
    }
  });

  it('rejects a file with an unknown signal kind or a broken pattern', () => {
    expect(signalFileSchema.safeParse({ signal: 'weather', groups: {} }).success).toBe(false);
    expect(signalFileSchema.safeParse({ signal: 'personal-case', groups: { amount: { patterns: ['(unclosed'] } } }).success).toBe(false);
  });

  it('has not-covered examples in every language, and rejects an unknown language there', () => {
    for (const locale of localeCodes) expect([locale, (signals.notCovered[locale] ?? []).length >= 10]).toEqual([locale, true]);
    expect(notCoveredFileSchema.safeParse({ signal: 'not-covered', examples: { xx: ['hello'] } }).success).toBe(false);
  });

});

describe('detectEmergency', () => {
  const detector = new SignalDetector(signals.emergency, 'emergency');
  // One message per language and kind, written for this test.
  const cases: [text: string, kind: string | null][] = [
    ['mijn man slaat mij elke dag', 'nood.huiselijk-geweld'],
    ['ik wil niet meer leven', 'zorg.psychisch-acuut'],
    ['there is a fire in our kitchen', 'nood.112'],
    ['my husband hits me and the kids', 'nood.huiselijk-geweld'],
    ['جوزي عم يضربني', 'nood.huiselijk-geweld'],
    ['بدي انتحر', 'zorg.psychisch-acuut'],
    ['بچه ام نفس نمی کشه', 'nood.112'],
    ['میخوام خودکشی کنم', 'zorg.psychisch-acuut'],
    ['kocam beni dövüyor', 'nood.huiselijk-geweld'],
    ['evde yangın var', 'nood.112'],
    ['чоловік б’є мене', 'nood.huiselijk-geweld'],
    ['я не хочу жити', 'zorg.psychisch-acuut'],
    ['ninkayga ayaa i garaacay', 'nood.huiselijk-geweld'],
    ['gurigu wuu gubanayaa', 'nood.112'],
    ['ሰብኣየ ይወቕዓኒ', 'nood.huiselijk-geweld'],
    ['wanneer moet ik 112 bellen en wanneer de huisartsenpost', null],
    ['hoe vraag ik zorgtoeslag aan', null],
    ['which day is the garbage collected', null],
  ];
  it.each(cases)('%s → %s', (text, kind) => {
    expect(detectEmergency(text, detector)?.kind ?? null).toBe(kind);
  });

  // Situations the lexicon once missed: unconscious or fallen, bleeding or hit by a car,
  // choking, allergy, seizure or stroke, indirect suicidal thoughts, indirect violence at home.
  const broadened: [text: string, kind: string | null][] = [
    ['mijn moeder is van de trap gevallen', 'nood.112'],
    ['she passed out and does not wake up', 'nood.112'],
    ['مادرم به هوش نمیاد', 'nood.112'],
    ['babam kendine gelmiyor', 'nood.112'],
    ['мама знепритомніла', 'nood.112'],
    ['ابني وقع عن الدرج', 'nood.112'],
    ['gabadhayda daaqadda ayay ka dhacday', 'nood.112'],
    ['ወደይ ካብ መስኮት ወዲቑ', 'nood.112'],
    ['gaari ayaa ku dhuftay', 'nood.112'],
    ['oğluma araba çarptı', 'nood.112'],
    ['його збила машина', 'nood.112'],
    ['my son got hit by a car', 'nood.112-ongeval'],
    ['wuu dhiigayaa', 'nood.112-bloeding'],
    ['there is blood everywhere', 'nood.112-bloeding'],
    ['الدم ما عم يوقف', 'nood.112-bloeding'],
    ['his lips are blue and he is choking', 'nood.112'],
    ['حلقه عم ينتفخ', 'nood.112'],
    ['oğlum havale geçiriyor', 'nood.112'],
    ['zijn mond hangt scheef en hij praat raar', 'nood.112'],
    ['صورتش کج شده', 'nood.112'],
    ['дитина подавилася', 'nood.112'],
    ['ilmahaygu wuu mergaday', 'nood.112'],
    ['не бачу сенсу жити', 'zorg.psychisch-acuut'],
    ['хочу все закінчити', 'zorg.psychisch-acuut'],
    ['everyone would be better off if I was dead', 'zorg.psychisch-acuut'],
    ['ik wou dat ik dood was', 'zorg.psychisch-acuut'],
    ['يا ريتني ميت', 'zorg.psychisch-acuut'],
    ['کاش مرده بودم', 'zorg.psychisch-acuut'],
    ['keşke ölseydim', 'zorg.psychisch-acuut'],
    ['waan is dilayaa', 'zorg.psychisch-acuut'],
    ["I can't go on anymore", 'zorg.psychisch-acuut'],
    ['از زندگی خسته شدم', 'zorg.psychisch-acuut'],
    ["I can't take it anymore", 'zorg.psychisch-doodsgedachten'],
    ['my husband pushes me', 'nood.huiselijk-geweld'],
    ['ik ben bang voor mn man', 'nood.huiselijk-geweld'],
    ['he locks me in the house', 'nood.huiselijk-geweld'],
    ['he threatens to kill me', 'nood.huiselijk-geweld'],
    ['my father beats my sister', 'nood.huiselijk-geweld'],
    ['بدهم يجوزوني غصب', 'nood.huiselijk-geweld'],
    ['kocamdan çok korkuyorum', 'nood.huiselijk-geweld'],
    ['чоловік штовхає мене', 'nood.huiselijk-geweld'],
    ['ninkayga waan ka baqaa', 'nood.huiselijk-geweld'],
    ['how do I apply for accident insurance', null],
    ['kaza sigortası nasıl yapılır', null],
    ['my gums bleed when I brush', null],
    ['mijn tandvlees bloedt heel erg bij het poetsen', null],
    ['ضغط الدم كثير عالي', null],
    ['my son fell ill, how do I register with a huisarts', null],
    ['kan ik niet eerder een afspraak krijgen', null],
    ['heating my house costs too much', null],
    ['dit is buiten mijn weten gebeurd', null],
    ['صبحا نمیتونم بیدار بشم', null],
    ['I need to end my contract with the energy company', null],
  ];
  it.each(broadened)('%s → %s', (text, kind) => {
    expect(detectEmergency(text, detector)?.kind ?? null).toBe(kind);
  });

  it('puts suicidal thoughts before violence and violence before 112', () => {
    expect(detectEmergency('he hits me and I want to die', detector)?.kind).toBe('zorg.psychisch-acuut');
    expect(detectEmergency('he hits me with a knife', detector)?.kind).toBe('nood.huiselijk-geweld');
  });
});
