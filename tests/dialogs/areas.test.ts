// Every menu area, in Dutch, Arabic and Tigrinya: the area lists its topics in
// that language and its first topic answers in that language.
import { localeEntry } from '../../src/content/renderAnswer.js';
import type { Locale } from '../../src/content/schema.js';
import { loadShared, startConversation } from '../helpers/dialogHarness.js';

const { content, translator } = await loadShared();
const cases = (['nl', 'ar', 'ti'] as const).flatMap((locale: Locale) =>
  content.areas.map((area, index) => ({ locale, area: area.key, number: String(index + 1) })),
);

describe.each(cases)('area $area in $locale', ({ locale, area, number }) => {
  it('lists its topics and answers the first one in the same language', async () => {
    const conversation = await startConversation({ tenant: 'het-hogeland', locale });
    await conversation.say('0');
    const menu = (await conversation.say(number)).join('\n');
    const nodes = [...content.nodes.values()].filter((node) => node.area === area).sort((a, b) => a.order - b.order);
    for (const node of nodes) expect(menu).toContain(localeEntry(node, locale)?.title);
    const first = nodes[0];
    if (!first) throw new Error(`area ${area} has no topics`);
    const answer = (await conversation.say('1')).join('\n');
    // A topic that needs a detail first (the waste calendar) asks for it instead.
    const expected = first.action === 'ask' ? translator.t(locale, 'afval.askAddress') : (localeEntry(first, locale)?.answer.trim().split('\n')[0] ?? '');
    expect(answer).toContain(expected);
    if (first.action === 'emergency') expect(conversation.handoffs.map((handoff) => handoff.priority)).toContain(1);
  });
});
