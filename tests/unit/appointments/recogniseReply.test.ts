import { isLeaveWord, recogniseReminderReply, type ReminderReply } from '../../../src/appointments/recogniseReply.js';
import type { Locale } from '../../../src/content/schema.js';

const replies: [text: string, locale: Locale, expected: ReminderReply | undefined][] = [
  ['afzeggen', 'nl', 'cancel'],
  ['Ik kan niet komen', 'nl', 'cancel'],
  ['verzetten', 'nl', 'change'],
  ['afzeggen', 'ar', 'cancel'],
  ['إلغاء', 'ar', 'cancel'],
  ['الغاء الموعد', 'ar', 'cancel'],
  ['بدي وقت تاني', 'ar', 'change'],
  ['ሰርዝ', 'ti', 'cancel'],
  ['ካልእ ሰዓት', 'ti', 'change'],
  ['نمی‌توانم بیایم', 'fa', 'cancel'],
  ['İPTAL', 'tr', 'cancel'],
  ['başka gün', 'tr', 'change'],
  ['скасувати', 'uk', 'cancel'],
  ['baaji', 'so', 'cancel'],
  ['waqti kale', 'so', 'change'],
  ['cancel and give me another time', 'en', 'change'],
  ['hallo', 'nl', undefined],
  ['ik wil mijn abonnement bij de sportschool annuleren want het is te duur', 'nl', undefined],
];

describe('recogniseReminderReply', () => {
  it.each(replies)('%s (%s) -> %s', (text, locale, expected) => {
    expect(recogniseReminderReply(text, locale)).toBe(expected);
  });
});

describe('isLeaveWord', () => {
  it.each([
    ['annuleren', 'nl', true],
    ['Cancel', 'ti', true],
    ['ሰርዝ', 'ti', true],
    ['الغاء', 'ar', true],
    ['iptal', 'tr', true],
    ['stop', 'nl', false],
    ['annuleren van mijn huurcontract', 'nl', false],
  ] as const)('%s (%s) -> %s', (text, locale, expected) => {
    expect(isLeaveWord(text, locale)).toBe(expected);
  });
});
