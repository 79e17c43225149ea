// The botbuilder adapter shared by the Twilio and web-chat channels: a turn's
// replies are rendered for the channel and handed to a sink that queues them
// in the turn's transaction, never sent from inside the turn.
import {
  type Activity,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { ChannelError } from '../errors.js';
import type { MediaItem } from '../storage/schema.js';

export interface RenderedReply {
  text: string;
  media: MediaItem[];
  buttons: { value: string; title: string }[];
}

/** Queues one rendered reply for the turn's conversation; returns the stored message id. */
export type ReplySink = (context: TurnContext, reply: RenderedReply) => Promise<string>;

export abstract class QueuedBotAdapter extends BotAdapter {
  constructor(private readonly sink: ReplySink) {
    super();
  }

  /** Runs one turn; `seed` puts what the middleware needs into the turn state first. */
  async processActivity(
    activity: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
    seed: (context: TurnContext) => void = () => {},
  ): Promise<void> {
    const context = new TurnContext(this, activity);
    seed(context);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      // Typing and delay activities have no meaning on a queued channel.
      if (activity.type !== 'message') {
        responses.push({ id: '' });
        continue;
      }
      responses.push({ id: await this.sink(context, this.render(activity)) });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new ChannelError('messages cannot be edited on this channel');
  }

  async deleteActivity(): Promise<void> {
    throw new ChannelError('messages cannot be deleted on this channel');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.processActivity(activity, logic);
  }

  /** Turns an outgoing activity into what this channel can carry. */
  protected abstract render(activity: Partial<Activity>): RenderedReply;

  protected mediaOf(activity: Partial<Activity>): MediaItem[] {
    return (activity.attachments ?? [])
      .filter((attachment) => typeof attachment.contentUrl === 'string')
      .map((attachment) => ({ url: attachment.contentUrl ?? '', contentType: attachment.contentType }));
  }
}

/** WhatsApp and SMS: one adapter; choices are already numbered in the text, so buttons are dropped. */
export class TwilioAdapter extends QueuedBotAdapter {
  protected render(activity: Partial<Activity>): RenderedReply {
    return { text: activity.text ?? '', media: this.mediaOf(activity).filter((item) => /^https?:/.test(item.url)), buttons: [] };
  }
}

/** The local web chat: the same text, plus the numbered choices as tap targets. */
export class WebChatAdapter extends QueuedBotAdapter {
  protected render(activity: Partial<Activity>): RenderedReply {
    const buttons = (activity.suggestedActions?.actions ?? []).map((action) => ({
      value: String(action.value),
      title: action.title ?? String(action.value),
    }));
    return { text: activity.text ?? '', media: this.mediaOf(activity), buttons };
  }
}
