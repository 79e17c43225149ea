import { channelProfiles } from '../../../src/channels/channelProfile.js';
import { countSmsSegments, splitMessage } from '../../../src/channels/splitMessage.js';

describe('splitMessage', () => {
  it('keeps a short reply whole', () => {
    expect(splitMessage('Hallo', channelProfiles.whatsapp)).toEqual(['Hallo']);
  });

  it('splits a long reply at paragraph boundaries within 1600 characters', () => {
    const paragraph = `${'Zorgtoeslag is geld van de Belastingdienst. '.repeat(20)}`.trim();
    const text = [paragraph, paragraph, paragraph].join('\n\n');
    const parts = splitMessage(text, channelProfiles.sms);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => [...part].length <= 1600)).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('counts characters, not UTF-16 units, for Tigrinya and emoji', () => {
    const text = 'ሰላም '.repeat(500);
    const parts = splitMessage(text, channelProfiles.whatsapp);
    expect(parts.every((part) => [...part].length <= 1600)).toBe(true);
  });

  it('counts SMS segments: 160 GSM-7 characters, 70 for Arabic', () => {
    expect(countSmsSegments('a'.repeat(160))).toBe(1);
    expect(countSmsSegments('a'.repeat(161))).toBe(2);
    expect(countSmsSegments('م'.repeat(70))).toBe(1);
    expect(countSmsSegments('م'.repeat(71))).toBe(2);
  });
});
