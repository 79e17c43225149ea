// Passing a conversation to a volunteer: the answer that goes with it, the
// thread in the queue, and a message saying roughly when someone answers.
import type { TurnContext } from 'botbuilder';
import { renderAnswer } from '../src/content/renderAnswer.js';
import type { ContentNode } from '../src/content/schema.js';
import type { HandoffReason } from '../src/handoff/HandoffQueue.js';
import type { BotPorts } from './ports.js';
import { getTurnInfo } from './turnInfo.js';

const SUMMARY_EXCERPT = 160;

export class HandoffSteps {
  constructor(private readonly ports: BotPorts) {}

  /** Emergency numbers first, at once; then a priority thread. */
  async emergency(context: TurnContext, node: ContentNode | undefined): Promise<void> {
    const info = getTurnInfo(context);
    const emergencyNode = node ?? this.ports.content.nodes.get('nood.112');
    if (emergencyNode) await context.sendActivity(this.render(context, emergencyNode));
    await this.open(context, 'emergency', emergencyNode?.topic ?? null);
    await context.sendActivity(this.ports.t(info.locale, 'handoff.emergencyAlert'));
  }

  async forRequest(context: TurnContext, reason: HandoffReason, topic: string | null, intro: ContentNode | undefined): Promise<void> {
    const info = getTurnInfo(context);
    const { t } = this.ports;
    const lead = intro ? this.render(context, intro) : reason === 'personal-case' ? t(info.locale, 'handoff.personalCase') : '';
    const { priority } = await this.open(context, reason, topic);
    const wait = await this.ports.handoff.describeWait(info.tenant, priority, info.locale);
    const parts = [lead, t(info.locale, 'handoff.queued'), wait, t(info.locale, 'handoff.keepWriting')];
    await context.sendActivity(parts.filter(Boolean).join('\n\n'));
  }

  /** Photos and PDFs are usually letters; voice notes need ears. */
  async forAttachments(context: TurnContext, contentTypes: (string | undefined)[]): Promise<void> {
    const info = getTurnInfo(context);
    const voice = contentTypes.some((type) => type?.startsWith('audio/'));
    const reason: HandoffReason = voice ? 'person' : 'letter';
    const { priority } = await this.open(context, reason, voice ? null : 'post.brief');
    const wait = await this.ports.handoff.describeWait(info.tenant, priority, info.locale);
    const { t } = this.ports;
    const lead = t(info.locale, voice ? 'handoff.voice' : 'handoff.letter');
    await context.sendActivity([lead, wait, t(info.locale, 'handoff.keepWriting')].join('\n\n'));
  }

  /** A message while a thread is open: it is part of the thread already; say so once. */
  async acknowledgeAdded(context: TurnContext): Promise<void> {
    const info = getTurnInfo(context);
    await context.sendActivity(this.ports.t(info.locale, 'handoff.added'));
  }

  private async open(context: TurnContext, reason: HandoffReason, topic: string | null): Promise<{ priority: number }> {
    const info = getTurnInfo(context);
    const excerpt = (context.activity.text ?? '').replace(/\s+/g, ' ').slice(0, SUMMARY_EXCERPT);
    const attachments = context.activity.attachments?.length ?? 0;
    const summary = [
      `Reden: ${reason}`,
      topic ? `onderwerp: ${topic}` : '',
      `taal: ${info.locale}`,
      info.understanding?.topic && info.understanding.topic !== topic ? `bot dacht aan: ${info.understanding.topic}` : '',
      excerpt ? `bericht: "${excerpt}"` : '',
      attachments > 0 ? `bijlagen: ${attachments}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const result = await this.ports.handoff.handOff({
      contactId: info.contact.id,
      conversationId: info.conversation.id,
      tenantKey: info.tenant?.tenant.key ?? info.contact.tenantKey ?? this.ports.defaultTenant,
      locale: info.locale,
      topic,
      reason,
      summary,
    });
    return { priority: result.priority };
  }

  private render(context: TurnContext, node: ContentNode): string {
    const info = getTurnInfo(context);
    return renderAnswer(node, info.locale, info.tenant, (key, values) => this.ports.t(info.locale, key, values), true);
  }
}
