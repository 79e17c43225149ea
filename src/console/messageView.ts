// The conversation as message bubbles. Each bubble is its own bidi island
// (dir="auto", unicode-bidi: isolate) so Arabic or Farsi reads right to left
// without turning the page around it; media go through the console's proxy.
import { createHash } from 'node:crypto';
import type { Message } from '../storage/MessageRepository.js';
import { html, type SafeHtml, textWithVisibleControls } from './html.js';
import { formatDateTime, type View } from './view.js';

export interface MessagesModel {
  messages: Message[];
  /** When the thread opened: a marker goes before the first later message. */
  openedAt: Date;
  names: Map<number, string>;
}

const outboundStatuses = new Set(['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'held']);

/** Changes when a message arrives or a delivery status moves: the live view's "anything new?". */
export function messagesVersion(messages: readonly Message[]): string {
  const digest = createHash('sha256');
  for (const message of messages) digest.update(`${message.id}:${message.status};`);
  return digest.digest('hex').slice(0, 16);
}

export function renderMessages(view: View, model: MessagesModel): SafeHtml {
  let markerShown = false;
  const items = model.messages.map((message) => {
    const marker = !markerShown && message.createdAt >= model.openedAt;
    if (marker) markerShown = true;
    return html`${marker ? html`<li class="marker">${view.t('thread.openedMarker', { time: formatDateTime(view, model.openedAt) })}</li>` : ''}${renderMessage(view, model, message)}`;
  });
  if (!markerShown) items.push(html`<li class="marker">${view.t('thread.openedMarker', { time: formatDateTime(view, model.openedAt) })}</li>`);
  return html`<ol class="messages" id="messages" data-version="${messagesVersion(model.messages)}">${items}</ol>`;
}

function renderMessage(view: View, model: MessagesModel, message: Message): SafeHtml {
  const inbound = message.direction === 'in';
  const before = message.createdAt < model.openedAt ? ' before-thread' : '';
  return html`<li class="msg ${inbound ? 'msg-in' : 'msg-out'}${before}" id="m-${message.id}" data-message="${message.id}">
<div class="meta"><span class="sender">${senderLabel(view, model, message)}</span> <time datetime="${message.createdAt.toISOString()}">${formatDateTime(view, message.createdAt)}</time>${inbound ? '' : renderStatus(view, message)}</div>
${message.body ? html`<div class="bubble" dir="auto">${textWithVisibleControls(message.body)}</div>` : ''}
${message.media.length > 0 ? html`<div class="media">${message.media.map((item, index) => renderMedia(view, message.id, index, item.contentType))}</div>` : ''}
${message.location ? html`<div class="location">${view.t('message.location', { latitude: message.location.latitude.toFixed(5), longitude: message.location.longitude.toFixed(5) })}</div>` : ''}
</li>`;
}

function renderStatus(view: View, message: Message): SafeHtml {
  const status = outboundStatuses.has(message.status) ? message.status : 'queued';
  const error = message.errorCode ? ` (${message.errorCode})` : '';
  return html` <span class="delivery delivery-${status}" data-status="${status}">${view.t(`delivery.${status}`)}${error}</span>`;
}

function senderLabel(view: View, model: MessagesModel, message: Message): string {
  if (message.direction === 'in') return view.t('message.person');
  const volunteer = /^volunteer:(\d+)$/.exec(message.sender ?? '');
  if (volunteer) return model.names.get(Number(volunteer[1])) ?? view.t('message.volunteer');
  if (message.sender === 'reminder') return view.t('message.reminder');
  return view.t('message.bot');
}

function renderMedia(view: View, messageId: number, index: number, contentType: string): SafeHtml {
  const href = `/console/media/${messageId}/${index}`;
  if (/^image\/(jpeg|png|gif|webp)$/.test(contentType)) {
    return html`<a href="${href}" target="_blank" rel="noopener"><img src="${href}" alt="${view.t('message.photo')}" loading="lazy"></a>`;
  }
  if (contentType.startsWith('audio/')) return html`<audio controls preload="none" src="${href}"></audio>`;
  const label = contentType === 'application/pdf' ? view.t('message.pdf') : view.t('message.file', { type: contentType });
  return html`<a class="file" href="${href}" target="_blank" rel="noopener">${label}</a>`;
}
