// Runs the appointment dialog alone on botbuilder's TestAdapter, with the real
// appointment service on a test database and a recording handoff port. State
// goes through MemoryStorage, which stores JSON as the real storage does.
import { type Activity, ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { AppointmentDialog, type AppointmentDialogOptions } from '../../dialogs/AppointmentDialog.js';
import { DialogIds } from '../../dialogs/dialogIds.js';
import type { HandoffPort } from '../../dialogs/ports.js';
import { setTurnInfo } from '../../dialogs/turnInfo.js';
import { profileFor } from '../../src/channels/channelProfile.js';
import type { Locale } from '../../src/content/schema.js';
import { type AppointmentKit, createPerson } from '../unit/appointments/appointmentTestKit.js';

export type HandoffCall = Parameters<HandoffPort['handOff']>[0];

/** One turn: what the person sends, and text every reply of that turn together must contain. */
export interface Turn {
  send: string;
  expect: string[];
  /** Text none of the replies may contain. */
  absent?: string[];
}

export interface Harness {
  adapter: TestAdapter;
  contactId: number;
  handoffs: HandoffCall[];
  /** Municipalities remembered through the contact port. */
  tenantsSaved: string[];
  /** Replies per turn, for assertions beyond the table. */
  transcript: string[][];
  run(turns: Turn[]): Promise<void>;
}

export interface HarnessOptions {
  locale: Locale;
  /** How the main dialog would start this one. */
  options?: AppointmentDialogOptions;
  /** Act like the main dialog: offer every message to handleReminderReply first. */
  reminderReplies?: boolean;
  /** The person has not said where they live yet. */
  noTenant?: boolean;
}

export async function createHarness(kit: AppointmentKit, settings: HarnessOptions): Promise<Harness> {
  const { contact, conversation } = await createPerson(kit, { locale: settings.locale });
  const handoffs: HandoffCall[] = [];
  const handoff: Pick<HandoffPort, 'handOff'> = {
    handOff: async (request) => {
      handoffs.push(request);
      return { threadId: handoffs.length, created: true, priority: 3 };
    },
  };
  const tenantsSaved: string[] = [];
  const contacts = {
    update: async (_contactId: number, changes: { tenantKey?: string | null }) => {
      if (changes.tenantKey) tenantsSaved.push(changes.tenantKey);
    },
  };
  const dialog = new AppointmentDialog({ appointments: kit.desk, t: kit.translator.t, handoff, content: kit.content, contacts });
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogs'));
  dialogs.add(dialog);
  const tenant = settings.noTenant ? undefined : kit.content.tenants.get('testdorp');

  const adapter = new TestAdapter(async (context) => {
    setTurnInfo(context, { contact, conversation, profile: profileFor('sms'), locale: settings.locale, tenant, messageId: 1 });
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      const handled = settings.reminderReplies ? await dialog.handleReminderReply(dc) : undefined;
      if (!handled) await dc.beginDialog(DialogIds.appointment, settings.options ?? {});
    }
    await state.saveChanges(context);
  });

  const transcript: string[][] = [];
  return {
    adapter,
    contactId: contact.id,
    handoffs,
    tenantsSaved,
    transcript,
    async run(turns) {
      for (const turn of turns) {
        const before = adapter.activeQueue.length;
        await adapter.send(turn.send).startTest();
        const replies = adapter.activeQueue.splice(before).map((activity: Partial<Activity>) => activity.text ?? '');
        transcript.push(replies);
        const text = replies.join('\n---\n');
        for (const expected of turn.expect) {
          if (!text.includes(expected)) throw new Error(`after "${turn.send}" expected "${expected}" in:\n${text}`);
        }
        for (const absent of turn.absent ?? []) {
          if (text.includes(absent)) throw new Error(`after "${turn.send}" did not expect "${absent}" in:\n${text}`);
        }
      }
    },
  };
}
