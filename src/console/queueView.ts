// The queue page: filters, and a table of active threads (most urgent first)
// that console.js refreshes in place when the queue changes.
import type { ContentTree } from '../content/loadContentTree.js';
import { localeCodes } from '../content/schema.js';
import { type Thread, waitingMs } from '../handoff/HandoffQueue.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { formatWait, languageName, type View } from './view.js';

export interface QueueQuery {
  tenant?: string | undefined;
  lang?: string | undefined;
  priority?: number | undefined;
  age?: number | undefined;
  status: 'active' | 'open' | 'claimed';
}

export const ageChoices = [15, 60, 240, 1440] as const;

export interface QueueRowsModel {
  threads: Thread[];
  content: ContentTree;
  names: Map<number, string>;
  now: Date;
}

export function renderQueuePage(view: View, query: QueueQuery, tenants: readonly string[], rows: QueueRowsModel): string {
  return renderPage(view, {
    title: view.t('queue.title'),
    page: 'queue',
    body: html`<h1>${view.t('queue.title')}</h1>
${renderFilters(view, query, tenants, rows.content)}
<table class="queue">
<thead><tr><th>${view.t('queue.priority')}</th><th>${view.t('queue.tenant')}</th><th>${view.t('queue.language')}</th><th>${view.t('queue.topic')}</th><th>${view.t('queue.summary')}</th><th>${view.t('queue.waiting')}</th><th>${view.t('queue.status')}</th><th></th></tr></thead>
<tbody id="queue-rows" aria-live="polite">${renderQueueRows(view, rows)}</tbody>
</table>`,
  });
}

function renderFilters(view: View, query: QueueQuery, tenants: readonly string[], content: ContentTree): SafeHtml {
  const option = (value: string | number, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="/console/queue" class="filters" id="queue-filters">
<label>${view.t('queue.tenant')} <select name="tenant">${option('', view.t('queue.any'), !query.tenant)}${tenants.map((key) => option(key, content.tenants.get(key)?.tenant.name ?? key, query.tenant === key))}</select></label>
<label>${view.t('queue.language')} <select name="lang">${option('', view.t('queue.any'), !query.lang)}${localeCodes.map((code) => option(code, languageName(view, code), query.lang === code))}</select></label>
<label>${view.t('queue.priority')} <select name="priority">${option('', view.t('queue.any'), query.priority === undefined)}${[1, 2, 3].map((level) => option(level, view.t(`priority.${level}`), query.priority === level))}</select></label>
<label>${view.t('queue.age')} <select name="age">${option('', view.t('queue.any'), query.age === undefined)}${ageChoices.map((minutes) => option(minutes, view.t('queue.olderThan', { wait: formatWait(view, minutes * 60_000) }), query.age === minutes))}</select></label>
<label>${view.t('queue.status')} <select name="status">${(['active', 'open', 'claimed'] as const).map((status) => option(status, view.t(`queue.statusFilter.${status}`), query.status === status))}</select></label>
<button type="submit">${view.t('queue.filter')}</button>
</form>`;
}

export function renderQueueRows(view: View, model: QueueRowsModel): SafeHtml {
  if (model.threads.length === 0) return html`<tr class="empty"><td colspan="8">${view.t('queue.empty')}</td></tr>`;
  return html`${model.threads.map((thread) => renderRow(view, model, thread))}`;
}

function renderRow(view: View, model: QueueRowsModel, thread: Thread): SafeHtml {
  const holder = thread.claimedBy === null ? undefined : (model.names.get(thread.claimedBy) ?? `#${thread.claimedBy}`);
  const status = thread.status === 'claimed' ? view.t('thread.claimedBy', { name: holder ?? '' }) : view.t(`thread.status.${thread.status}`);
  return html`<tr class="thread-row prio-${thread.priority}" data-thread="${thread.id}">
<td><span class="prio prio-${thread.priority}">${view.t(`priority.${thread.priority}`)}</span></td>
<td>${model.content.tenants.get(thread.tenantKey)?.tenant.name ?? thread.tenantKey}</td>
<td>${languageName(view, thread.locale)}</td>
<td>${topicTitle(view, model.content, thread.topic)}</td>
<td class="summary"><span dir="auto">${thread.summary || view.t(`reason.${thread.reason}`)}</span></td>
<td class="wait">${formatWait(view, waitingMs(thread, model.now))}</td>
<td class="status status-${thread.status}">${status}</td>
<td><a class="open-thread" href="/console/threads/${thread.id}">${view.t('queue.open')}</a></td>
</tr>`;
}

export function topicTitle(view: View, content: ContentTree, topic: string | null): string {
  if (!topic) return '–';
  const node = content.nodes.get(topic) ?? [...content.nodes.values()].find((candidate) => candidate.topic === topic);
  return node?.locales[view.locale]?.title ?? node?.locales.nl?.title ?? topic;
}
