// What the dialogs need from the rest of the system, passed in through their
// constructors: no Twilio, no database client, no process.env in dialogs/.
import type { ContentTree, TenantContent } from '../src/content/loadContentTree.js';
import type { Locale } from '../src/content/schema.js';
import type { NextCollections } from '../src/content/wasteCalendar.js';
import type { HandoffRequest } from '../src/handoff/HandoffQueue.js';
import type { RouteContext, RouteResult } from '../src/nlu/routeMessage.js';
import type { Contact } from '../src/storage/ContactRepository.js';

export type Translate = (locale: string, key: string, values?: Record<string, string | number>) => string;

export interface HandoffPort {
  handOff(request: HandoffRequest): Promise<{ threadId: number; created: boolean; priority: number }>;
  /** The contact's open or claimed thread, if any. */
  activeThreadId(contactId: number): Promise<number | undefined>;
  handBack(threadId: number): Promise<void>;
  /** The person wrote while their thread is open: open consoles refresh. */
  touch(contactId: number): Promise<void>;
  /** A short text saying roughly when a volunteer answers, in the person's language. */
  describeWait(tenant: TenantContent | undefined, priority: number, locale: Locale): Promise<string>;
}

export interface ContactPort {
  update(contactId: number, changes: Partial<Pick<Contact, 'tenantKey' | 'locale' | 'localeChosen' | 'postcode' | 'houseNumber' | 'optedOutAt'>>): Promise<void>;
}

export interface WastePort {
  findNext(tenant: TenantContent, postcode: string, houseNumber: string, today: Date): Promise<NextCollections | undefined>;
}

export interface BotPorts {
  content: ContentTree;
  route(text: string, context: RouteContext): RouteResult;
  t: Translate;
  handoff: HandoffPort;
  contacts: ContactPort;
  waste: WastePort;
  defaultTenant: string;
  now(): Date;
}
