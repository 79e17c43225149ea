import { parseTwilioInbound, twilioInboundSchema } from '../../../src/channels/twilio/parseTwilioInbound.js';

const sid = `SM${'0'.repeat(32)}`;

describe('parseTwilioInbound', () => {
  it('tells WhatsApp from SMS by the whatsapp: prefix', () => {
    const whatsapp = parseTwilioInbound(twilioInboundSchema.parse({ MessageSid: sid, From: 'whatsapp:+31611111111', To: 'whatsapp:+3197000', Body: 'hoi' }));
    expect(whatsapp).toMatchObject({ channel: 'whatsapp', from: '+31611111111', to: 'whatsapp:+3197000', body: 'hoi' });
    const sms = parseTwilioInbound(twilioInboundSchema.parse({ MessageSid: sid, From: '+31611111111', To: '+3197000', Body: 'hoi' }));
    expect(sms.channel).toBe('sms');
  });

  it('collects media with their content types, and a location', () => {
    const parsed = parseTwilioInbound(
      twilioInboundSchema.parse({
        MessageSid: `MM${'1'.repeat(32)}`,
        From: 'whatsapp:+31611111111',
        To: 'whatsapp:+3197000',
        NumMedia: '2',
        MediaUrl0: 'https://api.twilio.com/m/0',
        MediaContentType0: 'image/jpeg',
        MediaUrl1: 'https://api.twilio.com/m/1',
        MediaContentType1: 'application/pdf',
        Latitude: '53.4',
        Longitude: '6.6',
      }),
    );
    expect(parsed.media).toEqual([
      { url: 'https://api.twilio.com/m/0', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/m/1', contentType: 'application/pdf' },
    ]);
    expect(parsed.location).toEqual({ latitude: 53.4, longitude: 6.6 });
  });

  it('uses a tapped button payload as the text', () => {
    const parsed = parseTwilioInbound(twilioInboundSchema.parse({ MessageSid: sid, From: 'whatsapp:+316', To: 'whatsapp:+3197', Body: 'Ja', ButtonPayload: 'confirm' }));
    expect(parsed.body).toBe('confirm');
  });

  it('rejects a malformed MessageSid', () => {
    expect(twilioInboundSchema.safeParse({ MessageSid: 'x', From: '+316', To: '+3197' }).success).toBe(false);
  });
});
