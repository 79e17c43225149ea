// What each channel can carry. Dialogs ask the profile, never "is this WhatsApp?";
// adapters render to fit it.
export interface ChannelProfile {
  channel: 'whatsapp' | 'sms' | 'webchat';
  /** Longest body one provider message may carry (Twilio: 1600 characters). */
  maxBodyChars: number;
  /** Characters per billed segment, GSM-7 and UCS-2 (SMS only). */
  segment?: { gsm7: number; ucs2: number };
  media: boolean;
  /** Whether numbered choices can also be shown as tap targets. */
  buttons: boolean;
  /** Free-form messages allowed only this long after the person's last message (WhatsApp). */
  sessionWindowHours?: number;
}

export const channelProfiles = {
  whatsapp: { channel: 'whatsapp', maxBodyChars: 1600, media: true, buttons: false, sessionWindowHours: 24 },
  sms: { channel: 'sms', maxBodyChars: 1600, segment: { gsm7: 153, ucs2: 67 }, media: false, buttons: false },
  webchat: { channel: 'webchat', maxBodyChars: 4000, media: true, buttons: true },
} as const satisfies Record<string, ChannelProfile>;

export function profileFor(channel: string): ChannelProfile {
  if (channel === 'whatsapp' || channel === 'sms' || channel === 'webchat') return channelProfiles[channel];
  return channelProfiles.sms;
}

/** Whether a free-form message may be sent now, given the person's last message. */
export function isInsideSessionWindow(profile: ChannelProfile, lastInboundAt: Date | null, now = new Date()): boolean {
  if (profile.sessionWindowHours === undefined) return true;
  if (!lastInboundAt) return false;
  return now.getTime() - lastInboundAt.getTime() < profile.sessionWindowHours * 3_600_000;
}
