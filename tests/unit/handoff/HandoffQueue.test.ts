import { hashPassword } from '../../../src/auth/passwords.js';
import { UserRepository } from '../../../src/auth/UserRepository.js';
import { HandoffQueue, type HandoffRequest, waitingMs } from '../../../src/handoff/HandoffQueue.js';
import { ContactRepository } from '../../../src/storage/ContactRepository.js';
import { DbContext } from '../../../src/storage/DbContext.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/testDatabase.js';

describe('HandoffQueue', () => {
  let test: TestDatabase;
  let ctx: DbContext;
  let queue: HandoffQueue;
  let contacts: ContactRepository;
  let alice: number;
  let bob: number;
  let admin: number;

  beforeAll(async () => {
    test = await openTestDatabase();
    ctx = new DbContext(test.handle.db);
    queue = new HandoffQueue(ctx);
    contacts = new ContactRepository(ctx);
    const userRepo = new UserRepository(ctx);
    const passwordHash = await hashPassword('a long enough password');
    const create = async (email: string, role: 'volunteer' | 'admin') => {
      const user = await userRepo.create({ email, passwordHash, role, tenants: role === 'admin' ? [] : ['het-hogeland'] });
      if (!user) throw new Error(`could not create ${email}`);
      return user.id;
    };
    alice = await create('alice@example.org', 'volunteer');
    bob = await create('bob@example.org', 'volunteer');
    admin = await create('admin@example.org', 'admin');
  });
  afterAll(() => test.drop());

  let counter = 0;
  async function request(overrides: Partial<HandoffRequest> = {}): Promise<HandoffRequest> {
    counter += 1;
    const { contact, conversation } = await contacts.findOrCreate('whatsapp', `+3161234${String(counter).padStart(4, '0')}`, 'whatsapp:+3150000000');
    return { contactId: contact.id, conversationId: conversation.id, tenantKey: 'het-hogeland', locale: 'ar', topic: null, reason: 'person', summary: 'wants a person', ...overrides };
  }

  it('gives a thread to exactly one of two volunteers who claim at once', async () => {
    const { thread } = await queue.handOff(await request());
    const results = await Promise.all([queue.claim(thread.id, alice), queue.claim(thread.id, bob)]);
    const winners = results.filter((result) => result !== undefined);
    expect(winners).toHaveLength(1);
    const stored = await queue.get(thread.id);
    expect(stored?.status).toBe('claimed');
    expect(stored?.claimedBy).toBe(winners[0]?.claimedBy);
    const claims = (await queue.audit.list({ threadId: thread.id })).filter((entry) => entry.action === 'claim');
    expect(claims).toHaveLength(1);
  });

  it('lets only the holder transfer or close, unless the actor may override', async () => {
    const { thread } = await queue.handOff(await request());
    await queue.claim(thread.id, alice);
    expect(await queue.close(thread.id, 'answered', { userId: bob, override: false })).toBeUndefined();
    const moved = await queue.transfer(thread.id, bob, { userId: alice, override: false });
    expect(moved?.claimedBy).toBe(bob);
    expect(await queue.transfer(thread.id, alice, { userId: alice, override: false })).toBeUndefined();
    const closed = await queue.close(thread.id, 'answered', { userId: admin, override: true });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'answered' });
    const actions = (await queue.audit.list({ threadId: thread.id })).map((entry) => entry.action).reverse();
    expect(actions).toEqual(['handoff', 'claim', 'transfer', 'close']);
  });

  it('hands a thread back when the person types menu, whoever holds it, and opens a new one next time', async () => {
    const first = await request();
    const { thread } = await queue.handOff(first);
    await queue.claim(thread.id, alice);
    const back = await queue.handBack(thread.id, 'menu');
    expect(back?.status).toBe('closed');
    expect(await queue.activeThread(first.contactId)).toBeUndefined();
    const again = await queue.handOff(first);
    expect(again.created).toBe(true);
    expect(again.thread.id).not.toBe(thread.id);
  });

  it('raises the priority of an active thread on a more urgent handoff', async () => {
    const base = await request({ reason: 'person' });
    const { thread } = await queue.handOff(base);
    expect(thread.priority).toBe(3);
    const raised = await queue.handOff({ ...base, reason: 'emergency', summary: 'danger' });
    expect(raised.created).toBe(false);
    expect(raised.thread).toMatchObject({ id: thread.id, priority: 1, reason: 'emergency' });
  });

  it('filters the queue by tenant, language, priority and age, most urgent first', async () => {
    const now = new Date();
    await queue.handOff(await request({ tenantKey: 'tynaarlo', locale: 'ti', reason: 'letter' }));
    await queue.handOff(await request({ tenantKey: 'tynaarlo', locale: 'fa', reason: 'emergency' }));
    const tynaarlo = await queue.list({ tenants: ['tynaarlo'] });
    expect(tynaarlo.map((thread) => thread.locale)).toEqual(['fa', 'ti']);
    expect(await queue.list({ tenants: ['tynaarlo'], locale: 'ti' })).toHaveLength(1);
    expect(await queue.list({ tenants: ['tynaarlo'], priority: 1 })).toHaveLength(1);
    expect(await queue.list({ tenants: ['tynaarlo'], minWaitMs: 3_600_000, now })).toHaveLength(0);
    expect(await queue.list({ tenants: ['tynaarlo'], minWaitMs: 3_600_000, now: new Date(now.getTime() + 2 * 3_600_000) })).toHaveLength(2);
    expect(await queue.list({ tenants: [] })).toEqual([]);
    const all = await queue.list({ tenants: 'all' });
    expect(all.some((thread) => thread.tenantKey === 'het-hogeland')).toBe(true);
  });

  it('keeps internal notes with their author', async () => {
    const { thread } = await queue.handOff(await request());
    await queue.addNote(thread.id, alice, 'Called the Belastingdienst for them');
    const notes = await queue.notes(thread.id);
    expect(notes).toEqual([expect.objectContaining({ userId: alice, author: 'alice@example.org', body: 'Called the Belastingdienst for them' })]);
  });

  it('tells listeners about a new thread and changes its fingerprint', async () => {
    const before = await queue.fingerprint();
    const events: string[] = [];
    const unsubscribe = queue.subscribe((event) => events.push(event.kind));
    const { thread } = await queue.handOff(await request());
    await queue.claim(thread.id, bob);
    await new Promise((resolve) => setImmediate(resolve));
    unsubscribe();
    expect(events).toEqual(['opened', 'claimed']);
    expect(await queue.fingerprint()).not.toBe(before);
  });

  it('measures waiting time until the claim', () => {
    const openedAt = new Date('2026-03-02T09:00:00Z');
    const base = { openedAt, claimedAt: null, closedAt: null };
    const thread = { ...base, id: 1, contactId: 1, conversationId: 1, tenantKey: 'x', locale: 'nl', topic: null, priority: 3, reason: 'person', summary: '', status: 'open', claimedBy: null, outcome: null };
    expect(waitingMs(thread, new Date('2026-03-02T09:30:00Z'))).toBe(30 * 60_000);
    expect(waitingMs({ ...thread, claimedAt: new Date('2026-03-02T09:10:00Z') }, new Date('2026-03-02T12:00:00Z'))).toBe(10 * 60_000);
  });
});
