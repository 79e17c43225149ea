import { loadConfig } from '../../../src/config.js';

describe('loadConfig', () => {
  it('runs with no settings at all: web chat on embedded storage', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TWILIO_API_BASE_URL).toBe('https://api.twilio.com');
  });

  it('names every bad field at once', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', TWILIO_ACCOUNT_SID: 'XX12', LOG_LEVEL: 'loud', TWILIO_WHATSAPP_FROM: '+31' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*TWILIO_ACCOUNT_SID[\s\S]*TWILIO_WHATSAPP_FROM[\s\S]*LOG_LEVEL/);
  });

  it('requires the auth token with the account SID, and a sender', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}` })).toThrow(/TWILIO_AUTH_TOKEN[\s\S]*TWILIO_WHATSAPP_FROM/);
  });

  it('refuses unsigned webhooks and a missing session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TWILIO_SKIP_SIGNATURE: 'true' })).toThrow(/SESSION_SECRET[\s\S]*TWILIO_SKIP_SIGNATURE/);
  });
});
