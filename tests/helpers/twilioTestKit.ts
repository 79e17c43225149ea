// One app and one fake Twilio API shared by the tests of a describe block:
// started before the first test, disposed after the last.
import { type FakeTwilio, startFakeTwilio } from './fakeTwilio.js';
import { startTestApp, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TestApp } from './startTestApp.js';

export interface TwilioTestKit {
  /** The fake Twilio API the app's Twilio SDK sends to. */
  readonly fake: FakeTwilio;
  /** The app under test. */
  readonly test: TestApp;
}

/** Registers beforeAll/afterAll in the calling describe block; read the getters inside tests only. */
export function useTwilioTestApp(): TwilioTestKit {
  let fake: FakeTwilio | undefined;
  let test: TestApp | undefined;
  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    test = await startTestApp({ twilioApiUrl: fake.url });
  });
  afterAll(async () => {
    await test?.dispose();
    await fake?.close();
  });
  return {
    get fake() {
      if (!fake) throw new Error('the fake Twilio API is started in beforeAll; use it inside a test');
      return fake;
    },
    get test() {
      if (!test) throw new Error('the test app is started in beforeAll; use it inside a test');
      return test;
    },
  };
}
