import { PatternGate, wordStarts } from '../../../src/nlu/PatternGate.js';

describe('PatternGate', () => {
  it('reads the words a pattern must start a word with', () => {
    expect(wordStarts('(?:^| )(?:vader|moeder|kal?oo?riin\\S*|wc ?eend)(?: \\S+){0,5} ligt')).toEqual(['vader', 'moeder', 'ka', 'wc']);
    expect(wordStarts('^(?=(?:.* )?(?:wont|will not) be here)(?!.*(?:work))')).toEqual(['wont', 'will']);
    expect(wordStarts('^(?=.*(?:^| )(?:ik kan niet meer|cant go on))(?=.*(?:^| )(?:vaarwel))')).toEqual(['ik', 'cant']);
    expect(wordStarts('(?:^| )bu gece bitir')).toEqual(['bu']);
  });

  it('leaves a pattern it cannot read to run on every message', () => {
    expect(wordStarts('\\d+ ?(?:euro|eur)')).toBeUndefined();
    expect(wordStarts('(?:^| )(?:\\S*وداع\\S*|farewell)')).toBeUndefined();
    expect(wordStarts('(?:^| )(?:my|the)? house')).toBeUndefined();
    const gate = new PatternGate(['\\d+ ?euro']);
    gate.open('nothing here');
    expect(gate.isOpen(0)).toBe(true);
  });

  it('opens a pattern only when a word of the text starts with one of its words', () => {
    const gate = new PatternGate(['(?:^| )(?:vader|moeder) ligt', '(?:^| )found him']);
    gate.open('mijn vaders buurman ligt');
    expect(gate.isOpen(0)).toBe(true);
    expect(gate.isOpen(1)).toBe(false);
    gate.open('i found him on the floor');
    expect(gate.isOpen(0)).toBe(false);
    expect(gate.isOpen(1)).toBe(true);
  });
});
