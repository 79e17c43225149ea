// Transcripts of whole conversations, per area, in Dutch, Arabic and Tigrinya.
import { startConversation } from '../helpers/dialogHarness.js';
import type { Locale } from '../../src/content/schema.js';

interface Step {
  say: string;
  /** Every pattern must appear in the replies to this message. */
  expect: RegExp[];
  not?: RegExp[];
}

interface Transcript {
  name: string;
  tenant?: string;
  locale?: Locale;
  steps: Step[];
}

const arabic = /[\u0600-\u06FF]/;
const geez = /[\u1200-\u137F]/;

const transcripts: Transcript[] = [
  {
    name: 'nl: menu → toeslagen → zorgtoeslag, with its source and follow-ups',
    tenant: 'het-hogeland',
    steps: [
      { say: '0', expect: [/Hallo/, /1\. 💶 Toeslagen/, /Praten met een vrijwilliger/] },
      { say: '1', expect: [/1\. Zorgtoeslag/, /0 = hoofdmenu/] },
      { say: '1', expect: [/Dienst Toeslagen/, /0800-0543/, /Bron: https:\/\/www\.belastingdienst\.nl/, /Meer:/] },
    ],
  },
  {
    name: 'nl: afval: postcode asked once, remembered, next dates per stream (sample calendar)',
    tenant: 'het-hogeland',
    steps: [
      { say: '0', expect: [/2\. 🗑️ Afval/] },
      { say: '2', expect: [/Ophaaldag|ophaal|kalender/i] },
      { say: '1', expect: [/postcode en huisnummer/] },
      { say: '9981 AB 12', expect: [/9981 AB 12/, /Papier: /, /GFT/, /voorbeeldkalender/] },
      { say: '0', expect: [/Afval/] },
      { say: '2', expect: [] },
      { say: '1', expect: [/9981 AB 12/, /Papier: /], not: [/Wat is uw postcode/] },
    ],
  },
  {
    name: 'nl: afval: a postcode without a calendar points to the municipality',
    tenant: 'tynaarlo',
    steps: [
      { say: '0', expect: [/Afval/] },
      { say: '2', expect: [] },
      { say: '1', expect: [/postcode/] },
      { say: '9765 AA 3', expect: [/tynaarlo\.nl/] },
    ],
  },
  {
    name: 'nl: Het Hogeland: after 18 months Mensenwerk Hogeland helps',
    tenant: 'het-hogeland',
    steps: [
      { say: '0', expect: [/Wie helpt waarmee/] },
      { say: '4', expect: [/18/] },
      { say: '2', expect: [/Mensenwerk Hogeland/, /In Het Hogeland:/] },
    ],
  },
  {
    name: 'nl: Tynaarlo: income goes through Werkplein Drentsche Aa',
    tenant: 'tynaarlo',
    steps: [
      { say: '0', expect: [/Wie helpt waarmee/] },
      { say: '4', expect: [/Uitkering|uitkering|bijstand/i] },
      { say: '3', expect: [/Werkplein Drentsche Aa/, /In Tynaarlo:/] },
    ],
  },
  {
    name: 'ar: Arabic menu, health area, huisarts answer in Arabic',
    tenant: 'het-hogeland',
    locale: 'ar',
    steps: [
      { say: 'القائمة', expect: [arabic, /3\. 🩺/] },
      { say: '3', expect: [arabic, /huisarts/i] },
      { say: '1', expect: [arabic, /BSN/] },
    ],
  },
  {
    name: 'ar: Tynaarlo partners in Arabic',
    tenant: 'tynaarlo',
    locale: 'ar',
    steps: [
      { say: '0', expect: [arabic] },
      { say: '4', expect: [arabic] },
      { say: '3', expect: [arabic, /Werkplein Drentsche Aa/] },
    ],
  },
  {
    name: 'ar: afval lookup with Arabic-Indic digits',
    tenant: 'het-hogeland',
    locale: 'ar',
    steps: [
      { say: '0', expect: [arabic] },
      { say: '2', expect: [arabic] },
      { say: '1', expect: [arabic, /9981 AB 12/] },
      { say: '٩٩٨١ AB ١٢', expect: [arabic, /9981 AB 12/] },
    ],
  },
  {
    name: 'ti: Tigrinya menu and kinderbijslag',
    tenant: 'het-hogeland',
    locale: 'ti',
    steps: [
      { say: '0', expect: [geez, /1\. 💶/] },
      { say: '1', expect: [geez] },
      { say: '4', expect: [geez, /SVB|svb\.nl/] },
    ],
  },
  {
    name: 'ti: Het Hogeland after 18 months in Tigrinya',
    tenant: 'het-hogeland',
    locale: 'ti',
    steps: [
      { say: '0', expect: [geez] },
      { say: '4', expect: [geez] },
      { say: '2', expect: [geez, /Mensenwerk Hogeland/] },
    ],
  },
  {
    name: 'nl: the language picker switches to Tigrinya and stays there',
    tenant: 'het-hogeland',
    steps: [
      { say: 'taal', expect: [/Kies uw taal/, /4\. ትግርኛ/] },
      { say: '4', expect: [geez] },
      { say: 'zorgtoeslag', expect: [geez, /Dienst Toeslagen/] },
    ],
  },
  {
    name: 'nl: STOP confirms, then silence until START',
    tenant: 'het-hogeland',
    steps: [
      { say: 'hallo', expect: [/Hallo/] },
      { say: 'STOP', expect: [/geen berichten meer/] },
      { say: 'zorgtoeslag', expect: [], not: [/./] },
      { say: 'start', expect: [/Welkom terug/] },
    ],
  },
];

describe.each(transcripts)('$name', ({ tenant, locale, steps }) => {
  it('follows the transcript', async () => {
    const conversation = await startConversation({ ...(tenant ? { tenant } : {}), ...(locale ? { locale } : {}) });
    for (const step of steps) {
      const replies = (await conversation.say(step.say)).join('\n');
      for (const pattern of step.expect) expect({ say: step.say, replies }).toEqual({ say: step.say, replies: expect.stringMatching(pattern) });
      for (const pattern of step.not ?? []) expect(replies).not.toMatch(pattern);
    }
  });
});
