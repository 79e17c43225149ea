// How the bot acts on what the router understood: language carried over,
// emergencies before anything else, and honest choices when it is unsure.
import { startConversation } from '../helpers/dialogHarness.js';

const arabic = /[\u0600-\u06FF]/;

describe('language carry-over', () => {
  it('answers a bare Dutch term in Arabic after two Arabic messages', async () => {
    const conversation = await startConversation({ tenant: 'het-hogeland' });
    expect((await conversation.say('مرحبا، عندي سؤال عن المساعدات')).join('\n')).toMatch(arabic);
    await conversation.say('كيف أقدم طلب للحصول على بدل الإيجار');
    const replies = (await conversation.say('zorgtoeslag?')).join('\n');
    expect(replies).toMatch(arabic);
    expect(replies).toContain('Dienst Toeslagen');
    expect(conversation.contact.locale).toBe('ar');
  });
});

describe('emergency priority', () => {
  it('interrupts the waste-calendar question with the emergency numbers and a priority handoff', async () => {
    const conversation = await startConversation({ tenant: 'het-hogeland' });
    await conversation.say('0');
    await conversation.say('2');
    expect((await conversation.say('1')).join('\n')).toMatch(/postcode/);
    const replies = await conversation.say('mijn man slaat mij en ik ben bang');
    expect(replies[0]).toMatch(/0800-2000|112/);
    expect(conversation.handoffs).toEqual([expect.objectContaining({ reason: 'emergency', priority: 1 })]);
  });

  it('sends 112 first for danger to life in Tigrinya', async () => {
    const conversation = await startConversation({ tenant: 'het-hogeland' });
    const replies = await conversation.say('ሓዊ ተላዒሉ ኣብ ገዛና');
    expect(replies[0]).toContain('112');
    expect(conversation.handoffs[0]?.priority).toBe(1);
  });
});

describe('low confidence', () => {
  it('offers numbered guesses plus a volunteer, and hands off after the second miss', async () => {
    const conversation = await startConversation({ tenant: 'het-hogeland', locale: 'nl' });
    await conversation.say('0');
    const first = (await conversation.say('ik heb een vraag over het ding van de vorige keer met dat formulier')).join('\n');
    expect(first).toMatch(/Bedoelt u|vrijwilliger/);
    expect(first).toMatch(/\n1\. /);
    const second = (await conversation.say('nee dat bedoel ik niet het gaat om die andere brief van hun')).join('\n');
    expect(second).toMatch(/doorgegeven aan een vrijwilliger/);
    expect(conversation.handoffs.at(-1)?.reason).toMatch(/low-confidence|personal-case|letter/);
  });

  it('hands a request for a person to a volunteer in Somali', async () => {
    const conversation = await startConversation({ tenant: 'het-hogeland' });
    const replies = (await conversation.say('waxaan rabaa inaan la hadlo qof shaqaale ah')).join('\n');
    expect(conversation.handoffs[0]?.reason).toBe('person');
    expect(replies).not.toMatch(/Hallo/);
  });
});

describe('routine questions about a handoff topic', () => {
  it('answers "is debt help free?" without queueing a thread, and keeps a volunteer one choice away', async () => {
    const conversation = await startConversation({ tenant: 'het-hogeland', locale: 'nl' });
    const replies = (await conversation.say('kost de schuldhulpverlening van de gemeente geld')).join('\n');
    expect(replies).toMatch(/schuldhulpverlening/);
    expect(replies).toMatch(/\d\. Vraag het een vrijwilliger/);
    expect(replies).not.toMatch(/Ik zet uw vraag nu door/);
    expect(conversation.handoffs).toEqual([]);
  });

  it('hands the own debt to a volunteer, with the handoff note', async () => {
    const conversation = await startConversation({ tenant: 'het-hogeland', locale: 'nl' });
    const replies = (await conversation.say('ik heb schulden bij de energie en ik weet niet wat ik moet doen')).join('\n');
    expect(conversation.handoffs).toEqual([expect.objectContaining({ topic: 'partner.schulden' })]);
    expect(replies).toMatch(/vrijwilliger/);
  });
});
