// Recognises the few words a person uses to cancel or change an appointment,
// or to leave the booking dialog, in each language. Dutch and English words
// count in every language: people mix them in ('afzeggen' is in every reminder).
import type { Locale } from '../content/schema.js';
import { normalizeText } from '../nlu/normalizeText.js';

export type ReminderReply = 'cancel' | 'change';

type Vocabulary = Record<Locale, string>;

/** "I cannot come": cancels the next appointment. */
const cancelAppointment: Vocabulary = {
  nl: 'afzeggen, afzegen, zeg af, annuleren, annuleer, ik kan niet komen, kan niet komen, ik kom niet',
  en: 'cancel, cancel it, cancel appointment, i cannot come, i cant come, cannot come, cant come',
  ar: 'إلغاء, الغاء, الغي, ألغي, الغي الموعد, لا أستطيع الحضور, ما بقدر اجي, ما رح اقدر اجي, مش هقدر اجي',
  ti: 'ሰርዝ, ምስራዝ, ሰርዞ, ክመጽእ ኣይክእልን, ኣይክመጽእን',
  fa: 'لغو, کنسل, لغو کن, نمی‌توانم بیایم, نمیتونم بیام, نمیام',
  tr: 'iptal, iptal et, gelemiyorum, gelemem, gelmeyecegim',
  uk: 'скасувати, скасуй, скасування, не можу прийти, не прийду',
  so: 'baaji, baaji ballanta, iman maayo, ma imaan karo, imaan maayo',
};

/** "Another time": starts the booking dialog again for a new time. */
const changeAppointment: Vocabulary = {
  nl: 'verzetten, verzet, verplaatsen, andere tijd, andere dag, wijzigen, veranderen',
  en: 'change, change it, reschedule, another time, other time, another day',
  ar: 'تغيير, غير الموعد, تغيير الموعد, وقت آخر, وقت تاني, موعد آخر, يوم آخر',
  ti: 'ቀይር, ምቕያር, ካልእ ሰዓት, ካልእ መዓልቲ',
  fa: 'تغییر, تغییر وقت, عوض کن, وقت دیگر, روز دیگر',
  tr: 'degistir, degistirmek, baska saat, baska zaman, baska gun, ertele',
  uk: 'змінити, перенести, інший час, інший день',
  so: 'beddel, bedel, wakhti kale, waqti kale, maalin kale',
};

/**
 * Leaves the booking dialog: the whole message must be one of these. The bot's
 * global words (stop = opt out, 0/menu) are left out: they run before any dialog.
 */
const leaveDialog: Vocabulary = {
  nl: 'annuleer, annuleren, laat maar, geen afspraak, toch niet',
  en: 'cancel, quit, exit, never mind, no appointment',
  ar: 'الغاء, إلغاء, الغي, خلص, بلاش, كفى, لا اريد موعد',
  ti: 'ሰርዝ, ይኣክል, ግደፎ, ኣይደልን',
  fa: 'لغو, کنسل, ولش کن, بیخیال, نمی‌خواهم',
  tr: 'iptal, vazgec, vazgectim, bitir, istemiyorum',
  uk: 'скасувати, скасуй, відміна, не треба',
  so: 'baaji, iska daa, ka noqo, ma rabo',
};

/** Longer messages are questions or stories, not a reply to a reminder. */
const MAX_REPLY_WORDS = 6;

export function recogniseReminderReply(text: string, locale: Locale): ReminderReply | undefined {
  const words = normalizeText(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_REPLY_WORDS) return undefined;
  const message = ` ${words.join(' ')} `;
  // "Cancel and give me another time" keeps the person booked: change wins.
  if (phrasesFor(changeAppointment, locale).some((phrase) => message.includes(` ${phrase} `))) return 'change';
  if (phrasesFor(cancelAppointment, locale).some((phrase) => message.includes(` ${phrase} `))) return 'cancel';
  return undefined;
}

/** Whether the whole message asks to leave the booking dialog. */
export function isLeaveWord(text: string, locale: Locale): boolean {
  const message = normalizeText(text);
  return message.length > 0 && phrasesFor(leaveDialog, locale).includes(message);
}

const cache = new Map<string, string[]>();

function phrasesFor(vocabulary: Vocabulary, locale: Locale): string[] {
  const key = `${vocabulary.nl}|${locale}`;
  let phrases = cache.get(key);
  if (!phrases) {
    const lists = new Set([vocabulary[locale], vocabulary.nl, vocabulary.en]);
    phrases = [...lists].flatMap((list) => list.split(',')).map((phrase) => normalizeText(phrase)).filter(Boolean);
    cache.set(key, phrases);
  }
  return phrases;
}
