// What the appointment dialog has collected so far. It lives in the dialog
// stack (stored as JSON between turns), so it is parsed, and times are ISO strings.
import { z } from 'zod';
import type { ContentTree, TenantContent } from '../../src/content/loadContentTree.js';
import { localeSchema } from '../../src/content/schema.js';
import type { AppointmentBooking } from '../../src/appointments/AppointmentBooking.js';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { ContactPort, HandoffPort, Translate } from '../ports.js';

export const appointmentStateSchema = z.object({
  tenantKey: z.string(),
  topic: z.string().nullable().default(null),
  note: z.string().nullable().default(null),
  locationId: z.string().nullable().default(null),
  slotStart: z.iso.datetime({ offset: true }).nullable().default(null),
  preferredTime: z.string().nullable().default(null),
  interpreterLocale: localeSchema.nullable().default(null),
  name: z.string().nullable().default(null),
  /** The appointment a change replaces. */
  replaces: z.number().int().optional(),
  /** The tenant's schedule has no sessions: only a preferred time can be asked. */
  noTimes: z.boolean().default(false),
});
export type AppointmentState = z.infer<typeof appointmentStateSchema>;

export function parseState(value: unknown): AppointmentState {
  return appointmentStateSchema.parse(value);
}

/** How the main dialog starts this one. */
export const appointmentDialogOptionsSchema = z.object({
  /** The topic the conversation was about, offered for confirmation. */
  topic: z.string().nullable().optional(),
  /** A change of an existing appointment (after a reminder): only a new time is asked. */
  change: z
    .object({
      replaces: z.number().int(),
      tenantKey: z.string(),
      topic: z.string().nullable(),
      note: z.string().nullable(),
      locationId: z.string().nullable(),
      interpreterLocale: localeSchema.nullable(),
      name: z.string().nullable(),
    })
    .optional(),
});
export type AppointmentDialogOptions = z.input<typeof appointmentDialogOptionsSchema>;

export type AppointmentOutcome = 'booked' | 'requested' | 'left' | 'cancelled';

export interface AppointmentDialogResult {
  outcome: AppointmentOutcome;
  appointmentId?: number;
}

/** What the dialog needs from the rest of the system. */
export interface AppointmentDialogPorts {
  appointments: AppointmentBooking;
  t: Translate;
  handoff: Pick<HandoffPort, 'handOff'>;
  /** The tenants' schedules, and topic titles in the person's language. */
  content: ContentTree;
  /** Remembers the municipality a person picked here, when they had none yet. */
  contacts?: ContactPort;
}

/** The tenant the appointment is for; the dialog only ever stores keys of the content tree. */
export function tenantOf(content: ContentTree, state: AppointmentState): TenantContent {
  const tenant = content.tenants.get(state.tenantKey);
  if (!tenant) throw new Error(`tenant ${state.tenantKey} is not in the content tree`);
  return tenant;
}

/** A value a waterfall step kept for a later step (step.values is untyped storage). */
export function stepValue(step: WaterfallStepContext, key: string): unknown {
  const value: unknown = Reflect.get(step.values, key);
  return value;
}

export function keepStepValue(step: WaterfallStepContext, key: string, value: unknown): void {
  Reflect.set(step.values, key, value);
}
