import { PatternGate, gateKeySets, gateKeys } from '../../../src/nlu/PatternGate.js';

describe('PatternGate', () => {
  it('reads the words a pattern must start a word with', () => {
    expect(gateKeys('(?:^| )(?:vader|moeder|kal?oo?riin\\S*|wc ?eend)(?: \\S+){0,5} ligt')).toEqual({ starts: ['vader', 'moeder', 'ka', 'wc'], words: [], within: [] });
    expect(gateKeys('^(?=(?:.* )?(?:wont|will not) be here)(?!.*(?:work))')).toEqual({ starts: [], words: ['wont', 'will'], within: [] });
    expect(gateKeys('^(?=.*(?:^| )(?:ik kan niet meer|cant go on))(?=.*(?:^| )(?:vaarwel))')?.words).toEqual(['ik', 'cant']);
    expect(gateKeys('(?:^| )bu gece bitir')?.words).toEqual(['bu']);
  });

  it('reads the first words of nested groups, and words that may stand inside a word', () => {
    expect(gateKeys('(?:^| )(?:(?:haar|zijn) (?:kat|hond)|please (?:feed|walk))(?: |$)')).toEqual({ starts: [], words: ['haar', 'zijn', 'please'], within: [] });
    expect(gateKeys('(?:^| )(?:\\S*وداع\\S*|farewell)')).toEqual({ starts: ['farewell'], words: [], within: ['وداع'] });
    expect(gateKeys('^(?=(?:.* )?\\S*(?:ሕርሲ|ትሓርስ)\\S*(?: |$))(?=(?:.* )?ይወጽእ)')).toEqual({ starts: [], words: [], within: ['ሕርሲ', 'ትሓርስ'] });
  });

  it('reads one key set per lookahead of words in any order, leaving out later ones it cannot read or that stand inside words', () => {
    const source = '^(?=(?:.* )?(?:gevallen|fell)(?: |$))(?=(?:.* )?\\S*(?:ሶፋ|bed)\\S*(?: |$))(?=.*\\d)(?=.*(?:^| )(?:spuugt|vomits))';
    expect(gateKeySets(source)).toEqual([
      { starts: ['gevallen', 'fell'], words: [], within: [] },
      { starts: ['spuugt', 'vomits'], words: [], within: [] },
    ]);
    expect(gateKeySets('(?:^| )(?:vader|moeder) ligt')).toEqual([{ starts: [], words: ['vader', 'moeder'], within: [] }]);
    expect(gateKeySets('\\d+ ?euro')).toBeUndefined();
  });

  it('opens an expression of several lookaheads only when the text has a word of each', () => {
    const source = '^(?=(?:.* )?(?:gevallen|fell)(?: |$))(?=(?:.* )?(?:bed|stairs)(?: |$))(?=(?:.* )?(?:spuugt|vomits)(?: |$))';
    const gate = new PatternGate([source, '(?:^| )fell']);
    for (const [text, open] of [
      ['he fell from the bed and vomits', true],
      ['vomits after he fell from the stairs', true],
      ['he fell from the bed', false],
      ['the bed and vomits', false],
    ] as const) {
      gate.open(text);
      expect([text, gate.isOpen(0), new RegExp(source).test(text)]).toEqual([text, open, open]);
    }
    expect(gate.isOpen(1)).toBe(false);
  });

  it('leaves a pattern it cannot read to run on every message', () => {
    expect(gateKeys('\\d+ ?(?:euro|eur)')).toBeUndefined();
    expect(gateKeys('(?:^| )(?:my|the)? house')).toBeUndefined();
    expect(gateKeys('(?:^| )(?:\\S+|x) house')).toBeUndefined();
    const gate = new PatternGate(['\\d+ ?euro']);
    gate.open('nothing here');
    expect(gate.isOpen(0)).toBe(true);
  });

  it('opens a pattern only when a word of the text starts with one of its words', () => {
    const gate = new PatternGate(['(?:^| )(?:vader|moeder)\\S* ligt', '(?:^| )found him']);
    gate.open('mijn vaders buurman ligt');
    expect(gate.isOpen(0)).toBe(true);
    expect(gate.isOpen(1)).toBe(false);
    gate.open('i found him on the floor');
    expect(gate.isOpen(0)).toBe(false);
    expect(gate.isOpen(1)).toBe(true);
  });

  it('opens a pattern whose first word is whole only for that word', () => {
    const gate = new PatternGate(['(?:^| )i cafi', '(?:^| )(?:i|we) ?love']);
    gate.open('i cafiya');
    expect([gate.isOpen(0), gate.isOpen(1)]).toEqual([true, true]);
    gate.open('it is iloveyou');
    expect([gate.isOpen(0), gate.isOpen(1)]).toEqual([false, true]);
  });

  it('opens a pattern when a word of the text holds one of its inside-word words', () => {
    const gate = new PatternGate(['(?:^| )\\S*(?:ضربني|ضربتني)', '(?:^| )(?:\\S*وداع|farewell)']);
    gate.open('وهو ضربني امبارح');
    expect([gate.isOpen(0), gate.isOpen(1)]).toEqual([true, false]);
    gate.open('جوزي وضربني');
    expect([gate.isOpen(0), gate.isOpen(1)]).toEqual([true, false]);
    gate.open('الوداع يا اهلي');
    expect([gate.isOpen(0), gate.isOpen(1)]).toEqual([false, true]);
    gate.open('nothing here at all');
    expect([gate.isOpen(0), gate.isOpen(1)]).toEqual([false, false]);
  });
});
