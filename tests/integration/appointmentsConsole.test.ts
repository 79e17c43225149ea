// The console's appointments pages against the real services and database:
// a coordinator confirms, moves and cancels, and each change reaches the
// person in their own language through the (fake) Twilio API.
import express from 'express';
import { createAppointmentDesk } from '../../src/appointments/createAppointmentDesk.js';
import type { AppointmentDesk } from '../../src/appointments/AppointmentDesk.js';
import { AuthService } from '../../src/auth/AuthService.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { createAppointmentsConsoleRouter } from '../../src/console/appointments/createAppointmentsConsoleRouter.js';
import { SpreekuurError } from '../../src/errors.js';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fakeTwilio.js';
import { startTestApp, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type TestApp, WHATSAPP_FROM } from '../helpers/startTestApp.js';

interface Login {
  cookie: string;
  csrf: string;
}

describe('console: appointments', () => {
  let fake: FakeTwilio;
  let test: TestApp;
  let server: import('node:http').Server;
  let base: string;
  let desk: AppointmentDesk;
  let coordinator: Login;
  let otherVolunteer: Login;
  let volunteer: Login;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    test = await startTestApp({ twilioApiUrl: fake.url });
    const { services } = test.app;
    desk = createAppointmentDesk(services);
    // Mounted as createApp mounts it, with the same error mapping.
    const app = express();
    app.use('/console/appointments', createAppointmentsConsoleRouter(services));
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const status = error instanceof SpreekuurError ? ({ validation_failed: 400, forbidden: 403, not_found: 404, conflict: 409 }[error.code] ?? 500) : 500;
      res.status(status).json({ error: error instanceof SpreekuurError ? error.code : 'internal' });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}/console/appointments`;

    const auth = new AuthService(services.ctx);
    const passwordHash = await hashPassword('a long enough password');
    const login = async (email: string, role: 'volunteer' | 'coordinator', tenants: string[]): Promise<Login> => {
      await auth.users.create({ email, passwordHash, role, tenants });
      const result = await auth.login(email, 'a long enough password');
      if (!result.ok) throw new Error('login failed');
      return { cookie: `spreekuur_session=${encodeURIComponent(result.token)}`, csrf: result.session.csrfToken };
    };
    coordinator = await login('coordinator@example.org', 'coordinator', ['het-hogeland']);
    volunteer = await login('volunteer@example.org', 'volunteer', ['het-hogeland']);
    otherVolunteer = await login('tynaarlo@example.org', 'volunteer', ['tynaarlo']);
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await test?.dispose();
    await fake?.close();
  });

  const get = (path: string, login: Login) => fetch(`${base}${path}`, { headers: { cookie: login.cookie }, redirect: 'manual' });
  const post = (path: string, login: Login, form: Record<string, string>, csrf = login.csrf) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie: login.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
      redirect: 'manual',
    });

  async function bookForArabicSpeaker() {
    const { services } = test.app;
    const { contact } = await services.contacts.findOrCreate('whatsapp', '+31612340077', WHATSAPP_FROM);
    await services.contacts.update(contact.id, { locale: 'ar', tenantKey: 'het-hogeland', lastInboundAt: new Date() });
    const [slot, later] = await desk.openSlots('het-hogeland');
    if (!slot || !later) throw new Error('the sample schedule offers no slots');
    const booked = await desk.book({ contactId: contact.id, tenantKey: 'het-hogeland', topic: null, note: 'brief', locationId: slot.locationId, slotStart: slot.start, preferredTime: null, interpreterLocale: 'ar', name: 'Amal' });
    if (booked.kind !== 'booked') throw new Error('not booked');
    return { id: booked.appointment.id, slot, later };
  }

  it('lets a coordinator confirm, move and cancel, and tells the person each change in Arabic', async () => {
    const { id, slot, later } = await bookForArabicSpeaker();
    const list = await get('/', coordinator);
    expect(list.status).toBe(200);
    const page = await list.text();
    expect(page).toContain(`data-appointment="${id}"`);
    expect(page).toContain('Amal');

    const before = fake.delivered().length;
    const confirmed = await post(`/${id}/confirm`, coordinator, { back: '/console/appointments' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('/console/appointments?notice=done');
    const [confirmation] = (await fake.waitForDelivered(before + 1)).slice(before);
    expect(confirmation?.to).toBe('whatsapp:+31612340077');
    expect(confirmation?.body).toContain('تم تأكيد موعدك');
    // The schedule is a sample: every time shown says so.
    expect(confirmation?.body).toContain('sample');

    const moved = await post(`/${id}/move`, coordinator, { slot: `${later.locationId}@${later.start.toISOString()}`, back: '/console/appointments' });
    expect(moved.status).toBe(303);
    expect((await fake.waitForDelivered(before + 2)).at(-1)?.body).toContain('تم تغيير موعدك');
    expect((await desk.get(id))?.slotStart?.toISOString()).toBe(later.start.toISOString());

    const cancelled = await post(`/${id}/cancel`, coordinator, {});
    expect(cancelled.status).toBe(303);
    expect((await fake.waitForDelivered(before + 3)).at(-1)?.body).toContain('لن يتم');
    expect((await desk.openSlots('het-hogeland', { limit: 50 })).some((open) => open.start.getTime() === later.start.getTime())).toBe(true);
    expect(slot.start.getTime()).toBeLessThan(later.start.getTime());
  });

  it('prints the day list and exports it as ICS without names', async () => {
    const { id, slot } = await bookForArabicSpeaker();
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(slot.start);
    const day = await get(`/day?tenant=het-hogeland&date=${date}`, volunteer);
    expect(day.status).toBe(200);
    const page = await day.text();
    expect(page).toContain('appointments.css');
    expect(page).toContain('Amal');
    expect(page).toContain('Voorbeeldrooster');

    const ics = await get(`/day.ics?tenant=het-hogeland&date=${date}`, volunteer);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const body = await ics.text();
    expect(body).toContain(`UID:appointment-${id}@spreekuur`);
    expect(body).toContain(`DTSTART:${slot.start.toISOString().replace(/[-:]/g, '').replace('.000', '')}`);
    expect(body).not.toContain('Amal');
    expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const css = await fetch(`${base}/assets/appointments.css`);
    expect(await css.text()).toContain('@media print');
  });

  it('refuses a change without the CSRF token, another tenant\'s appointment, and attendance by a volunteer', async () => {
    const { id } = await bookForArabicSpeaker();
    expect((await post(`/${id}/confirm`, coordinator, {}, 'wrong-token')).status).toBe(403);
    expect((await post(`/${id}/confirm`, otherVolunteer, {})).status).toBe(404);
    expect((await post(`/${id}/attendance`, volunteer, { outcome: 'no_show' })).status).toBe(403);
    expect((await get('/', otherVolunteer).then((response) => response.text())).includes(`data-appointment="${id}"`)).toBe(false);
    expect((await fetch(`${base}/`, { redirect: 'manual' })).status).toBe(303);
    expect((await desk.get(id))?.status).toBe('requested');
  });
});
