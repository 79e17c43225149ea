// Function words per language, written for this project: short WhatsApp messages
// are too short for trigram statistics alone, but one "hoe", "nasıl" or "waxaan"
// says a lot. Words are written naturally and normalised when the module loads.
import type { Locale } from '../content/schema.js';
import { normalizeText } from './normalizeText.js';

/** Latin-script languages, plus Arabizi (Arabic in Latin letters). */
export type LatinLanguage = 'nl' | 'en' | 'tr' | 'so' | 'arabizi';

interface MarkerLists {
  /** Words that (almost) only this language uses: 2 points. */
  strong: string;
  /** Common words shared with a neighbour now and then: 1 point. */
  weak: string;
}

const latinMarkers: Record<LatinLanguage, MarkerLists> = {
  nl: {
    strong:
      'het een ik mijn hoe wat waar wanneer welke kun kunt moet moeten mag wil wij jullie heb hebben heeft ben zijn niet geen ook maar dat dit deze naar wordt worden krijg krijgen krijgt graag hallo hoi bedankt dank alstublieft alsjeblieft waarom wie weet iets nog veel hier daar zo omdat als bij mij jou zij hij nodig aanvragen betalen kwijt kapot wanneer waarvoor hulp kunnen zou gaat doen vragen vraag ophalen',
    // kan: also Turkish (blood) and Somali (this)
    weak: 'de en van voor met je u is of op aan om te er in die al kan',
  },
  en: {
    strong:
      'the you my how what where when which can could should must want need have has does did not also but that this there get please hello thanks thank why who know about from will would do dont cant am your our they their them with for help apply pay much many',
    weak: 'a an i me is are and of to on at by it in or be no',
  },
  tr: {
    strong:
      'bir bu nasil nerede neden hangi benim bana icin ile mi mu var yok degil ama cok olarak istiyorum lazim gerekiyor nereye nereden merhaba tesekkurler tesekkur lutfen yardim evet hayir ne zaman kim nedir midir miyim olur yapmam yapmaliyim alabilir nasil yapabilirim ediyorum misiniz musunuz gibi sonra once simdi icin',
    weak: 'ne ve da de ki ben sen siz',
  },
  so: {
    strong:
      'waa iyo maxaa sidee sideen xagee halkee goorma waxaan waxaad waxay ayaa ayuu inaan oo uu haddii hadda maxay miyaa mise caawi caawin fadlan mahadsanid haa maya walaal kuma kama sidaan baan baad qof ahay ahaa yahay jira jirto doonayaa rabaa rabo karaa kartaa helaa helo iga ila ii noo idin',
    weak: 'ka ku la ma aan in ay u si',
  },
  arabizi: {
    strong:
      'ana enta inta inti bdi biddi baddi bidi beddi kif keef kifak kifik shu sho chou shou wen wein wayn mafi la2 lesh leish laish ya3ni inshallah insha2allah yalla mumkin momken mmkn 3ndi 3andi 3am eza iza izza 3ala 3la ma3 hay hayda haidi hadi hada hatha lazem lazim laazim kteer ktir ktiir shway hek hik halla2 hala2 bukra habibi marhaba shukran shokran ahlan akhi ukhti fiye fini baddak bedak 3ayez 3ayz aayez 3awez 3ashan mshan minshan',
    weak: 'fi ma hal min mn ila law ya wala leh',
  },
};

/** Words that tell Persian (fa, also Dari) from Arabic when both use the Arabic script. */
const arabicScriptMarkers: Record<'ar' | 'fa', MarkerLists> = {
  fa: {
    strong:
      'است هست هستم نیست نیستم می میخواهم میخوام میخواستم میتوانم میتونم را برای چطور چگونه چطوری کجا کجاست چیست چی چه دارم ندارم کنم کنید کردم کرده باید نمی بله شما آیا چرا خیلی اگر بگیرم بکنم گرفتم کمک خوب نمیدانم نمیدونم شده شد رو',
    weak: 'که با از به در یک تو کی ما',
  },
  ar: {
    strong:
      'في إلى عن هل كيف ماذا شو ليش لماذا متى وين هذا هذه هاد هيك أنا بدي أريد عندي نعم مع كان لي بس شي شلون مشان عشان علشان ليه إيش اللي الذي التي كمان هلق لو لأن ولا',
    weak: 'من ما يا لا على',
  },
};

function toSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(normalizeText));
}

export interface CompiledMarkers {
  strong: Set<string>;
  weak: Set<string>;
}

function compileLists(lists: MarkerLists): CompiledMarkers {
  return { strong: toSet(lists.strong), weak: toSet(lists.weak) };
}

export const compiledLatinMarkers: Record<LatinLanguage, CompiledMarkers> = {
  nl: compileLists(latinMarkers.nl),
  en: compileLists(latinMarkers.en),
  tr: compileLists(latinMarkers.tr),
  so: compileLists(latinMarkers.so),
  arabizi: compileLists(latinMarkers.arabizi),
};

export const compiledArabicScriptMarkers: Record<'ar' | 'fa', CompiledMarkers> = {
  ar: compileLists(arabicScriptMarkers.ar),
  fa: compileLists(arabicScriptMarkers.fa),
};

/** Every marker word of every language: never stripped as a "Dutch domain term". */
export const allMarkerWords: ReadonlySet<string> = new Set(
  [...Object.values(compiledLatinMarkers), ...Object.values(compiledArabicScriptMarkers)].flatMap((m) => [...m.strong, ...m.weak]),
);

/** The locale a Latin-script language answers in. */
export function localeOfLatin(language: LatinLanguage): Locale {
  return language === 'arabizi' ? 'ar' : language;
}

