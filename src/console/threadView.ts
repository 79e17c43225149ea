// The thread page: who and what it is about, the conversation, internal notes,
// and what the volunteer can do (claim, reply, insert an answer, transfer,
// hand back, close), with the delivery plan shown before sending.
import type { ContentTree } from '../content/loadContentTree.js';
import { type Thread, type ThreadNote, waitingMs } from '../handoff/HandoffQueue.js';
import type { DeliveryPlan } from '../outbound/OutboundQueue.js';
import type { Contact } from '../storage/ContactRepository.js';
import type { AnswerChoice } from './answers.js';
import { html, type SafeHtml } from './html.js';
import { csrfField, flash, renderPage } from './layout.js';
import { type MessagesModel, renderMessages } from './messageView.js';
import { topicTitle } from './queueView.js';
import { formatDateTime, formatWait, languageName, type View } from './view.js';

export const outcomes = ['answered', 'referred', 'appointment', 'no-reply', 'not-needed', 'other'] as const;
export const doneKeys = ['claimed', 'sent', 'held', 'noted', 'transferred'] as const;

export interface ThreadPageModel {
  thread: Thread;
  contact: Contact;
  messages: MessagesModel;
  notes: ThreadNote[];
  holder: string | undefined;
  canAct: boolean;
  showAddress: boolean;
  plan: DeliveryPlan;
  transferTo: { id: number; name: string }[];
  answers: AnswerChoice[];
  prefill: string;
  prefillFallback: boolean;
  done: string | undefined;
  content: ContentTree;
  now: Date;
}

export function renderThreadPage(view: View, model: ThreadPageModel): string {
  const { thread } = model;
  return renderPage(view, {
    title: view.t('thread.title', { id: thread.id }),
    page: 'thread',
    data: { thread: thread.id, status: thread.status, holder: thread.claimedBy ?? '' },
    body: html`<p><a href="/console/queue">← ${view.t('nav.queue')}</a></p>
<h1>${view.t('thread.title', { id: thread.id })}</h1>
${flash(view, 'info', model.done ? `done.${model.done}` : undefined)}
<p class="flash flash-info" id="thread-changed" hidden>${view.t('thread.changed')} <a href="/console/threads/${thread.id}">${view.t('thread.reload')}</a></p>
<div class="thread-layout">
<section class="conversation">${renderMessages(view, model.messages)}${model.canAct ? renderReply(view, model) : ''}</section>
<aside class="side">${renderFacts(view, model)}${renderActions(view, model)}${renderNotes(view, model)}</aside>
</div>`,
  });
}

function renderFacts(view: View, model: ThreadPageModel): SafeHtml {
  const { thread, contact } = model;
  const fact = (label: string, value: SafeHtml | string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  const status = thread.status === 'claimed' ? view.t('thread.claimedBy', { name: model.holder ?? '' }) : view.t(`thread.status.${thread.status}`);
  return html`<dl class="facts">
${fact(view.t('queue.priority'), html`<span class="prio prio-${thread.priority}">${view.t(`priority.${thread.priority}`)}</span> · ${view.t(`reason.${thread.reason}`)}`)}
${fact(view.t('queue.status'), html`<span id="thread-status" class="status status-${thread.status}">${status}</span>${thread.outcome ? html` · ${view.t(`outcome.${thread.outcome}`, { defaultValue: thread.outcome })}` : ''}`)}
${fact(view.t('queue.tenant'), model.content.tenants.get(thread.tenantKey)?.tenant.name ?? thread.tenantKey)}
${fact(view.t('queue.language'), languageName(view, contact.locale ?? thread.locale))}
${fact(view.t('queue.topic'), topicTitle(view, model.content, thread.topic))}
${fact(view.t('thread.channel'), html`${view.t(`channel.${contact.channel}`)}${model.showAddress && contact.channel !== 'webchat' ? html` · <span class="address">${contact.address}</span>` : ''}`)}
${fact(view.t('thread.opened'), formatDateTime(view, thread.openedAt))}
${fact(view.t('queue.waiting'), formatWait(view, waitingMs(thread, model.now)))}
${fact(view.t('queue.summary'), html`<span class="summary" dir="auto">${thread.summary || '–'}</span>`)}
</dl>`;
}

function postForm(view: View, action: string, inner: SafeHtml, className = ''): SafeHtml {
  return html`<form method="post" action="${action}" class="${className}">${csrfField(view)}${inner}</form>`;
}

function renderActions(view: View, model: ThreadPageModel): SafeHtml {
  const { thread } = model;
  const base = `/console/threads/${thread.id}`;
  if (thread.status === 'closed') return html`<p class="closed">${view.t('thread.isClosed')}</p>`;
  if (thread.status === 'open') {
    return postForm(view, `${base}/claim`, html`<button type="submit" class="primary" id="claim">${view.t('thread.claim')}</button>`, 'actions');
  }
  if (!model.canAct) return html`<p class="held-by">${view.t('thread.heldByOther', { name: model.holder ?? '' })}</p>`;
  const transfer = model.transferTo.length === 0
    ? html``
    : postForm(view, `${base}/transfer`, html`<label>${view.t('thread.transferTo')} <select name="to">${model.transferTo.map((user) => html`<option value="${user.id}">${user.name}</option>`)}</select></label> <button type="submit">${view.t('thread.transfer')}</button>`, 'actions');
  return html`<div class="actions">
${postForm(view, `${base}/close`, html`<label>${view.t('thread.outcome')} <select name="outcome">${outcomes.map((outcome) => html`<option value="${outcome}">${view.t(`outcome.${outcome}`)}</option>`)}</select></label> <button type="submit" id="close">${view.t('thread.close')}</button>`)}
${postForm(view, `${base}/handback`, html`<button type="submit" id="handback">${view.t('thread.handBack')}</button> <span class="hint">${view.t('thread.handBackHint')}</span>`)}
${transfer}
</div>`;
}

function renderReply(view: View, model: ThreadPageModel): SafeHtml {
  const base = `/console/threads/${model.thread.id}`;
  const blocked = model.plan === 'blocked-opted-out' || model.plan === 'blocked-no-template';
  return html`<div class="reply-box">
<form method="get" action="${base}" class="insert-answer" id="insert-answer">
<label>${view.t('reply.insert')} <select name="insert" id="answer-node">${model.answers.map((answer) => html`<option value="${answer.nodeId}">${answer.title}${answer.missing ? ` (${view.t('reply.onlyDutch')})` : answer.draft ? ` (${view.t('reply.draft')})` : ''}</option>`)}</select></label>
<button type="submit">${view.t('reply.insertButton')}</button>
</form>
${model.prefillFallback ? html`<p class="hint">${view.t('reply.fallbackInserted')}</p>` : ''}
<form method="post" action="${base}/reply" class="reply" id="reply-form">${csrfField(view)}
<p class="plan plan-${model.plan}" id="delivery-plan" data-plan="${model.plan}">${view.t(`plan.${model.plan}`)}</p>
<textarea name="text" id="reply-text" rows="6" dir="auto" maxlength="4000" required${blocked ? html` disabled` : ''}>${model.prefill}</textarea>
<button type="submit" class="primary" id="send"${blocked ? html` disabled` : ''}>${view.t('reply.send')}</button>
</form>
</div>`;
}

function renderNotes(view: View, model: ThreadPageModel): SafeHtml {
  return html`<section class="notes">
<h2>${view.t('notes.title')}</h2>
<p class="hint">${view.t('notes.hint')}</p>
<ul>${model.notes.map((note) => html`<li><div class="meta">${note.author} · ${formatDateTime(view, note.createdAt)}</div><div dir="auto" class="note-body">${note.body}</div></li>`)}</ul>
${postForm(view, `/console/threads/${model.thread.id}/notes`, html`<textarea name="body" rows="3" dir="auto" maxlength="4000" required></textarea> <button type="submit">${view.t('notes.add')}</button>`)}
</section>`;
}
