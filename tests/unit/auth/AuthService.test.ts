import { AuthService, lockoutMs, sessionMs } from '../../../src/auth/AuthService.js';
import { canSeeTenant, sameToken, visibleTenants } from '../../../src/auth/middleware.js';
import { hashPassword } from '../../../src/auth/passwords.js';
import { readCookies, serializeCookie } from '../../../src/auth/sessionCookie.js';
import { DbContext } from '../../../src/storage/DbContext.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/testDatabase.js';

describe('AuthService', () => {
  let test: TestDatabase;
  let auth: AuthService;
  const password = 'correct horse battery';

  beforeAll(async () => {
    test = await openTestDatabase();
    auth = new AuthService(new DbContext(test.handle.db));
    const passwordHash = await hashPassword(password);
    await auth.users.create({ email: 'Vera@Example.org', passwordHash, role: 'volunteer', tenants: ['het-hogeland'] });
    await auth.users.create({ email: 'locked@example.org', passwordHash, role: 'volunteer', tenants: ['tynaarlo'] });
    await auth.users.create({ email: 'gone@example.org', passwordHash, role: 'volunteer', tenants: ['tynaarlo'] });
  });
  afterAll(() => test.drop());

  it('logs in with the right password, whatever the case of the e-mail address, and resolves the session', async () => {
    const result = await auth.login('  vera@EXAMPLE.org ', password);
    if (!result.ok) throw new Error('login failed');
    expect(result.user).toMatchObject({ email: 'vera@example.org', role: 'volunteer', tenants: ['het-hogeland'] });
    const resolved = await auth.resolve(result.token);
    expect(resolved?.user.id).toBe(result.user.id);
    expect(resolved?.session.csrfToken).toBe(result.session.csrfToken);
    // The token itself is not what is stored.
    expect(result.session.id).not.toBe(result.token);
    expect(await auth.resolve(result.token, new Date(Date.now() + sessionMs + 1000))).toBeUndefined();
    await auth.logout(result.session);
    expect(await auth.resolve(result.token)).toBeUndefined();
  });

  it('refuses a wrong password and an unknown address alike', async () => {
    expect(await auth.login('vera@example.org', 'wrong password!')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await auth.login('nobody@example.org', password)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('locks an account for 15 minutes after 5 failures, even against the right password', async () => {
    const now = new Date();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await auth.login('locked@example.org', 'guess', now)).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect(await auth.login('locked@example.org', 'guess', now)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await auth.login('locked@example.org', password, new Date(now.getTime() + lockoutMs - 60_000))).toMatchObject({ ok: false, reason: 'locked' });
    const later = await auth.login('locked@example.org', password, new Date(now.getTime() + lockoutMs + 1000));
    expect(later.ok).toBe(true);
  });

  it('ends access for a disabled account', async () => {
    const result = await auth.login('gone@example.org', password);
    if (!result.ok) throw new Error('login failed');
    await auth.users.update(result.user.id, { disabledAt: new Date() });
    expect(await auth.resolve(result.token)).toBeUndefined();
    expect(await auth.login('gone@example.org', password)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('finds the accounts that may take over a tenant thread', async () => {
    const passwordHash = await hashPassword(password);
    await auth.users.create({ email: 'root@example.org', passwordHash, role: 'admin', tenants: [] });
    const emails = (await auth.users.listForTenant('het-hogeland')).map((user) => user.email);
    expect(emails).toEqual(['root@example.org', 'vera@example.org']);
  });
});

describe('tenant visibility and tokens', () => {
  const base = { id: 1, email: 'x@example.org', displayName: null, lockedUntil: null, disabledAt: null };

  it('shows an admin every tenant and others only their own', () => {
    expect(visibleTenants({ ...base, role: 'admin', tenants: [] })).toBe('all');
    const volunteer = { ...base, role: 'volunteer' as const, tenants: ['tynaarlo'] };
    expect(visibleTenants(volunteer)).toEqual(['tynaarlo']);
    expect(canSeeTenant(volunteer, 'tynaarlo')).toBe(true);
    expect(canSeeTenant(volunteer, 'het-hogeland')).toBe(false);
  });

  it('compares CSRF tokens exactly', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken('abc', 'abcd')).toBe(false);
  });

  it('reads and writes cookies', () => {
    expect(readCookies('a=1; spreekuur_session=x%2By; b="q"').get('spreekuur_session')).toBe('x+y');
    expect(readCookies('bad=%E0%A4%A').has('bad')).toBe(false);
    expect(serializeCookie('s', 'v', { path: '/console', sameSite: 'Lax', secure: false, maxAgeSeconds: 60 })).toBe('s=v; Path=/console; HttpOnly; SameSite=Lax; Max-Age=60');
  });
});
