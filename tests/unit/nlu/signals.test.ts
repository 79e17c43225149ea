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

  it('puts suicidal thoughts before violence and violence before 112', () => {
    expect(detectEmergency('he hits me and I want to die', detector)?.kind).toBe('zorg.psychisch-acuut');
    expect(detectEmergency('he hits me with a knife', detector)?.kind).toBe('nood.huiselijk-geweld');
  });
});
