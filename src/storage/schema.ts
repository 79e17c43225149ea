// The database schema (drizzle). Migrations in ./migrations are generated from
// this file with `npm run db:generate` and run unchanged on PGlite and PostgreSQL 15.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    /** whatsapp | sms | webchat */
    channel: text('channel').notNull(),
    /** The person's address on that channel: +31..., or a web-chat id. */
    address: text('address').notNull(),
    tenantKey: text('tenant_key'),
    locale: text('locale'),
    /** true once the person picked a language themselves: detection no longer switches it. */
    localeChosen: boolean('locale_chosen').notNull().default(false),
    postcode: text('postcode'),
    houseNumber: text('house_number'),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    /** Consent per purpose, e.g. { "share_with_municipality": "2026-01-01T..." }. */
    consent: jsonb('consent').$type<Record<string, string>>().notNull().default({}),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('contacts_channel_address').on(table.channel, table.address)],
);

export const conversations = pgTable('conversations', {
  id: serial('id').primaryKey(),
  contactId: integer('contact_id')
    .notNull()
    .references(() => contacts.id)
    .unique(),
  /** The Twilio number (or web-chat endpoint) the person wrote to: replies go from there. */
  serviceAddress: text('service_address').notNull(),
  createdAt: createdAt(),
});

export type MediaItem = { url: string; contentType: string; mediaFileId?: number };
export type MessageRoute = { lang: string; topic: string | null; action: string; confidence: number };

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id),
    /** in | out */
    direction: text('direction').notNull(),
    /** Twilio's MessageSid, or the web chat's client message id; unique so a retry is recognised. */
    channelMessageId: text('channel_message_id').unique(),
    body: text('body').notNull().default(''),
    media: jsonb('media').$type<MediaItem[]>().notNull().default([]),
    location: jsonb('location').$type<{ latitude: number; longitude: number }>(),
    /** in: received | processed | failed. out: queued | sent | delivered | read | undelivered | failed | held */
    status: text('status').notNull(),
    errorCode: text('error_code'),
    /** bot, or volunteer:<user id> */
    sender: text('sender'),
    route: jsonb('route').$type<MessageRoute>(),
    /** Numbered choices shown with an outgoing message; the web chat renders them as buttons. */
    buttons: jsonb('buttons').$type<{ value: string; title: string }[]>(),
    createdAt: createdAt(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (table) => [
    index('messages_conversation').on(table.conversationId, table.id),
    index('messages_inbox').on(table.status).where(sql`${table.status} = 'received'`),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    messageId: bigint('message_id', { mode: 'number' })
      .notNull()
      .references(() => messages.id),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id),
    channel: text('channel').notNull(),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    body: text('body').notNull().default(''),
    mediaUrls: jsonb('media_urls').$type<string[]>().notNull().default([]),
    contentSid: text('content_sid'),
    contentVariables: jsonb('content_variables').$type<Record<string, string>>(),
    /** pending | sending | sent | failed | held (waiting for the person to open the WhatsApp window) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id').unique(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index('outbox_due').on(table.status, table.nextAttemptAt)],
);

export const outboxAttempts = pgTable('outbox_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  outboxId: bigint('outbox_id', { mode: 'number' })
    .notNull()
    .references(() => outbox.id),
  /** HTTP status from the provider, or null for a network error. */
  httpStatus: integer('http_status'),
  errorCode: text('error_code'),
  outcome: text('outcome').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** botbuilder state, one row per storage key, with an etag for optimistic concurrency. */
export const botState = pgTable('bot_state', {
  key: text('key').primaryKey(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  etag: integer('etag').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Uploaded files (web-chat photos); Twilio media stay at Twilio and are proxied. */
export const mediaFiles = pgTable('media_files', {
  id: serial('id').primaryKey(),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  /** volunteer | coordinator | admin */
  role: text('role').notNull(),
  tenants: jsonb('tenants').$type<string[]>().notNull().default([]),
  displayName: text('display_name'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

export const threads = pgTable(
  'threads',
  {
    id: serial('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id),
    tenantKey: text('tenant_key').notNull(),
    locale: text('locale').notNull(),
    topic: text('topic'),
    /** 1 emergency, 2 personal case, 3 question */
    priority: integer('priority').notNull(),
    /** person | low-confidence | letter | personal-case | emergency | appointment-other | bot-failed */
    reason: text('reason').notNull(),
    summary: text('summary').notNull().default(''),
    /** open | claimed | closed */
    status: text('status').notNull(),
    claimedBy: integer('claimed_by').references(() => users.id),
    outcome: text('outcome'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    index('threads_queue').on(table.tenantKey, table.status, table.priority),
    uniqueIndex('threads_one_active_per_contact').on(table.contactId).where(sql`${table.status} <> 'closed'`),
  ],
);

export const threadNotes = pgTable('thread_notes', {
  id: serial('id').primaryKey(),
  threadId: integer('thread_id')
    .notNull()
    .references(() => threads.id),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  body: text('body').notNull(),
  createdAt: createdAt(),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: integer('user_id').references(() => users.id),
  /** login, open, claim, reply, note, handback, close, transfer, appointment.*, user.* */
  action: text('action').notNull(),
  threadId: integer('thread_id'),
  details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const appointments = pgTable(
  'appointments',
  {
    id: serial('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    tenantKey: text('tenant_key').notNull(),
    topic: text('topic'),
    /** The person's own words about what the appointment is for, when no topic was known. */
    note: text('note'),
    locationId: text('location_id'),
    slotStart: timestamp('slot_start', { withTimezone: true }),
    /** Free text when the person chose "other"; a volunteer proposes a time. */
    preferredTime: text('preferred_time'),
    interpreterLocale: text('interpreter_locale'),
    name: text('name'),
    /** requested | confirmed | cancelled | attended | no_show */
    status: text('status').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('appointments_day').on(table.tenantKey, table.slotStart)],
);

/** One row per taken place in a slot; the unique index makes the last place go to exactly one person. */
export const slotSeats = pgTable(
  'slot_seats',
  {
    tenantKey: text('tenant_key').notNull(),
    locationId: text('location_id').notNull(),
    slotStart: timestamp('slot_start', { withTimezone: true }).notNull(),
    seat: integer('seat').notNull(),
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id)
      .unique(),
  },
  (table) => [primaryKey({ columns: [table.tenantKey, table.locationId, table.slotStart, table.seat] })],
);

export const reminders = pgTable(
  'reminders',
  {
    id: serial('id').primaryKey(),
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id),
    /** day_before | two_hours */
    kind: text('kind').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** pending | sent | cancelled */
    status: text('status').notNull().default('pending'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('reminders_once').on(table.appointmentId, table.kind), index('reminders_due').on(table.status, table.dueAt)],
);

/** Smiley feedback (1-5) after an answer, for the report to the municipality. */
export const feedback = pgTable('feedback', {
  id: serial('id').primaryKey(),
  contactId: integer('contact_id')
    .notNull()
    .references(() => contacts.id),
  tenantKey: text('tenant_key'),
  topic: text('topic'),
  score: integer('score').notNull(),
  createdAt: createdAt(),
});
