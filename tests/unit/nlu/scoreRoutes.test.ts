import { type LabelledLine, formatReport, parseLabelledLines, scoreLine, summariseScores } from '../../../src/nlu/scoreRoutes.js';

const label = (topic: string | null, action: LabelledLine['action'], lang = 'nl'): LabelledLine => ({ text: 'x', lang, topic, action });

describe('scoreLine (routing contract)', () => {
  it('scores an answer line on topic, accepting answer or ask', () => {
    expect(scoreLine(label('afval.ophaaldagen', 'answer'), { lang: 'nl', topic: 'afval.ophaaldagen', action: 'ask' }).route).toBe(true);
    expect(scoreLine(label('afval.ophaaldagen', 'answer'), { lang: 'nl', topic: 'afval.scheiden', action: 'answer' }).route).toBe(false);
    expect(scoreLine(label('afval.ophaaldagen', 'answer'), { lang: 'nl', topic: 'afval.ophaaldagen', action: 'handoff' }).route).toBe(false);
  });

  it('scores handoff, appointment and emergency lines on the action only', () => {
    expect(scoreLine(label(null, 'handoff'), { lang: 'nl', topic: null, action: 'handoff' }).route).toBe(true);
    expect(scoreLine(label('post.brief', 'handoff'), { lang: 'nl', topic: 'partner.schulden', action: 'handoff' }).route).toBe(true);
    expect(scoreLine(label('nood.112', 'emergency'), { lang: 'nl', topic: 'nood.112', action: 'handoff' })).toEqual({ route: false, lang: true, missedEmergency: true, falseAlarm: false });
    expect(scoreLine(label('partner.woning', 'answer'), { lang: 'nl', topic: 'nood.112', action: 'emergency' })).toEqual({ route: false, lang: true, missedEmergency: false, falseAlarm: true });
  });

  it('summarises per language and lists confusions, missed emergencies and false alarms', () => {
    const report = summariseScores([
      { label: label('nood.112', 'emergency', 'fa'), routed: { lang: 'fa', topic: null, action: 'handoff' } },
      { label: label('zorg.tandarts', 'answer', 'en'), routed: { lang: 'en', topic: 'zorg.tandarts', action: 'answer' } },
      { label: label('partner.woning', 'answer', 'tr'), routed: { lang: 'tr', topic: 'nood.112', action: 'emergency' } },
    ]);
    expect(report.overall).toBeCloseTo(1 / 3);
    expect([report.falseAlarms, report.calmLines]).toEqual([1, 2]);
    expect(formatReport(report)).toContain('False alarms: 1 of 2 lines that are no emergency');
    expect(report.missedWhere).toEqual(['nood.112 (fa)']);
    expect(report.confusions).toEqual([
      { expected: 'nood.112/emergency', got: '∅/handoff', count: 1 },
      { expected: 'partner.woning/answer', got: 'nood.112/emergency', count: 1 },
    ]);
    expect(formatReport(report).split('\n')[0]).toMatch(/^Overall accuracy: 33\.3%/);
  });

  it('reports bad lines by number', () => {
    const { lines, problems } = parseLabelledLines('{"text":"a","lang":"nl","topic":null,"action":"handoff"}\nnot json\n{"text":"b"}\n');
    expect(lines).toHaveLength(1);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['line 2', 'line 3']);
  });
});
